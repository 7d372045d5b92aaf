package dev.ijoka.event;

import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the plan's state from the event log alone. Stores keep state in tables for speed; this
 * is the proof that the log is complete: a test replays the log and compares. Replay restores every
 * field of every feature except the bookkeeping ones ({@code version}, {@code updatedAt}), which
 * {@link #comparable(Feature)} masks on both sides.
 *
 * <p>Not thread-safe; feed it events in sequence order.
 */
public final class Replay {

    private final Map<ProjectId, Project> projects = new LinkedHashMap<>();
    private final Map<FeatureId, Feature> features = new LinkedHashMap<>();
    private final Set<Dependency> dependencies = new HashSet<>();
    private final Map<RuleId, Rule> rules = new LinkedHashMap<>();
    private final List<Insight> insights = new ArrayList<>();
    private final Map<TodoKey, AgentPlan> todos = new LinkedHashMap<>();

    /** Which list a todo event changes: its session's, for its feature (null: the session held none). */
    public record TodoKey(SessionId session, @Nullable FeatureId feature) {}

    public static Replay of(Iterable<Event> events) {
        Replay replay = new Replay();
        events.forEach(replay::apply);
        return replay;
    }

    public void apply(Event e) {
        switch (e.payload()) {
            case EventPayload.ProjectRegistered p -> projects.put(p.project().id(), p.project());
            case EventPayload.FeatureCreated p -> features.put(p.feature().id(), p.feature());
            case EventPayload.FeatureUpdated p -> feature(e, f -> f.with(p.changes()));
            case EventPayload.FeatureStarted p -> feature(e, f -> f.withStatus(Status.IN_PROGRESS, null, f.claim(), null));
            case EventPayload.FeatureCompleted p -> feature(e, f -> f.withStatus(Status.COMPLETE, null, null, e.at()));
            case EventPayload.FeatureBlocked p -> feature(e, f -> f.withStatus(Status.BLOCKED, p.reason(), null, null));
            case EventPayload.FeatureUnblocked p -> feature(e, f -> f.withStatus(Status.PENDING, null, null, null));
            case EventPayload.FeatureReopened p -> feature(e, f -> f.withStatus(Status.PENDING, null, null, null));
            case EventPayload.StepChecked p -> feature(e, f -> {
                List<Step> steps = new ArrayList<>(f.steps());
                steps.set(p.index(), steps.get(p.index()).withDone(p.done()));
                return f.withSteps(steps);
            });
            case EventPayload.DependencyAdded p ->
                    dependencies.add(new Dependency(e.project(), p.dependent(), p.dependency(), p.kind()));
            case EventPayload.DependencyRemoved p -> dependencies.removeIf(
                    d -> d.dependent().equals(p.dependent()) && d.dependency().equals(p.dependency()));
            case EventPayload.ClaimTaken p -> feature(e, f -> f.withClaim(p.claim()));
            case EventPayload.ClaimRenewed p -> feature(e, f -> {
                Claim c = f.claim();
                return c == null ? f : f.withClaim(c.renewedUntil(p.leaseUntil()));
            });
            case EventPayload.ClaimExpired p -> feature(e, f -> f.withClaim(null));
            case EventPayload.ClaimTakenOver p -> feature(e, f -> f.withClaim(p.claim()));
            case EventPayload.ClaimReleased p -> feature(e, f -> f.withClaim(null));
            case EventPayload.InsightRecorded p -> insights.add(p.insight());
            case EventPayload.RuleAdded p -> rules.put(p.rule().id(), p.rule());
            case EventPayload.RuleToggled p -> rules.computeIfPresent(p.rule(), (id, r) -> r.withEnabled(p.enabled()));
            case EventPayload.RuleTriggered p -> rules.computeIfPresent(p.rule(), (id, r) -> r.countTriggered());
            case EventPayload.RuleViolated p -> rules.computeIfPresent(p.rule(), (id, r) -> r.countViolated());
            // Activity and session events describe what happened; they change no plan state.
            case EventPayload.SessionStarted p -> { }
            case EventPayload.SessionEnded p -> { }
            case EventPayload.PromptSubmitted p -> { }
            case EventPayload.ToolUsed p -> { }
            case EventPayload.CommitMade p -> { }
            case EventPayload.AgentStopped p -> { }
            case EventPayload.HeadRewritten p -> { }
            case EventPayload.TodoEvent p -> todos(e, p);
        }
    }

    private void todos(Event e, EventPayload.TodoEvent p) {
        SessionId session = e.session();
        ProjectId project = e.project();
        if (session == null || project == null) {
            throw new IllegalStateException("event " + e.sequence() + " (" + e.type().wireName()
                    + ") changes a todo list but names no session or project");
        }
        TodoKey key = new TodoKey(session, e.feature());
        AgentPlan before = todos.getOrDefault(key, AgentPlan.empty(project, session, e.feature(), e.at()));
        AgentPlan after = before.with(TodoLists.apply(before.items(), p), e.at());
        if (after.items().isEmpty()) {
            todos.remove(key);
        } else {
            todos.put(key, after);
        }
    }

    private void feature(Event e, java.util.function.UnaryOperator<Feature> change) {
        FeatureId id = e.feature();
        if (id == null || !features.containsKey(id)) {
            throw new IllegalStateException("event " + e.sequence() + " (" + e.type().wireName()
                    + ") names feature " + id + ", which the log never created");
        }
        features.put(id, change.apply(features.get(id)));
    }

    public Map<ProjectId, Project> projects() {
        return Map.copyOf(projects);
    }

    public Map<FeatureId, Feature> features() {
        return Map.copyOf(features);
    }

    public Set<Dependency> dependencies() {
        return Set.copyOf(dependencies);
    }

    public Map<RuleId, Rule> rules() {
        return Map.copyOf(rules);
    }

    public List<Insight> insights() {
        return List.copyOf(insights);
    }

    /** The agents' todo lists that are not empty, by session and feature. */
    public Map<TodoKey, AgentPlan> todos() {
        return Map.copyOf(todos);
    }

    /** The feature with its bookkeeping fields masked, for comparing stored state with a replay. */
    public static Feature comparable(Feature f) {
        return new Feature(f.id(), f.project(), f.number(), f.description(), f.details(), f.category(), f.kind(),
                f.status(), f.priority(), f.steps(), f.blockReason(), f.parent(), f.claim(), 1, f.createdAt(),
                f.createdAt(), f.completedAt());
    }
}
