package dev.ijoka.interchange;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Step;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON view of each of Ijoka's values, used by the command line's {@code --json}, the web
 * API and the Ijoka JSON export alike, so all three say the same thing the same way. Each view is an
 * ordered map that Jackson writes ({@link WireJson}); callers may add fields that belong to their
 * answer (a feature's dependencies, its events), never rename or drop one.
 *
 * <p>The wire convention (docs/api.md, "Conventions"): names are camelCase; enum values are their
 * lower-case wire names ({@code in_progress}); times are ISO-8601 UTC strings; ids are strings; a
 * feature named in another value is its ref, {@code "#12"}; an absent value is {@code null}.
 */
public final class JsonViews {

    private JsonViews() {}

    /**
     * What a view needs besides the value itself: the time to judge leases and session states by
     * (the engine's clock, never the wall clock), features to name by ref, and agents' names.
     */
    public record Context(Instant now, Function<FeatureId, @Nullable Feature> features,
            Function<String, @Nullable String> agents) {

        public Context {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(agents, "agents");
        }

        /** Reads what it needs from the engine as it goes: now from {@link Ijoka#clock()}. */
        public static Context of(Ijoka ijoka) {
            Map<String, @Nullable String> agents = new HashMap<>();
            return new Context(ijoka.clock().instant(), id -> ijoka.features().find(id).orElse(null),
                    session -> agents.computeIfAbsent(session,
                            s -> ijoka.sessions().find(SessionId.of(s)).map(Session::agent).orElse(null)));
        }

        /** From what the caller already read; features or agents missing from the maps show as {@code null}. */
        public static Context of(Instant now, Map<FeatureId, Feature> features, Map<String, String> agents) {
            return new Context(now, features::get, agents::get);
        }

        /** A feature's ref, or {@code null} when there is none or it is not known. */
        @Nullable String ref(@Nullable FeatureId id) {
            if (id == null) {
                return null;
            }
            Feature f = features.apply(id);
            return f == null ? null : f.ref();
        }
    }

    public static Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("root", p.root());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    public static Map<String, Object> progress(Progress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", p.total());
        m.put("pending", p.pending());
        m.put("inProgress", p.inProgress());
        m.put("blocked", p.blocked());
        m.put("complete", p.complete());
        m.put("percentComplete", p.percentComplete());
        return m;
    }

    /** A feature with every field. */
    public static Map<String, Object> feature(Feature f, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("id", f.id().value());
        m.put("description", f.description());
        m.put("details", f.details());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        m.put("steps", steps(f.steps()));
        m.put("stepsDone", f.stepsDone());
        m.put("stepsTotal", f.steps().size());
        m.put("blockReason", f.blockReason());
        m.put("parent", c.ref(f.parent()));
        m.put("claim", claim(f.claim(), c));
        m.put("version", f.version());
        m.put("createdAt", f.createdAt().toString());
        m.put("updatedAt", f.updatedAt().toString());
        m.put("completedAt", time(f.completedAt()));
        return m;
    }

    /** A feature in a list or on a card: the full view without details, steps, parent and the dates but the last change. */
    public static Map<String, Object> summary(Feature f, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("id", f.id().value());
        m.put("description", f.description());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        m.put("stepsDone", f.stepsDone());
        m.put("stepsTotal", f.steps().size());
        m.put("blockReason", f.blockReason());
        m.put("claim", claim(f.claim(), c));
        m.put("version", f.version());
        m.put("updatedAt", f.updatedAt().toString());
        return m;
    }

    /**
     * An agent session's own todo list (never the feature's steps): who keeps it, how far through it the
     * agent is ({@code done} of {@code total}), what it is doing {@code now} (the item in progress, in its
     * {@code activeForm}; {@code null} when nothing is), and its items in the agent's order.
     */
    public static Map<String, Object> agentTodos(AgentPlan plan, Context c) {
        Map<String, Object> m = agentTodoSummary(plan, c);
        List<Map<String, Object>> items = new ArrayList<>(plan.items().size());
        for (AgentTodo i : plan.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", i.id());
            item.put("content", i.content());
            item.put("activeForm", i.activeForm());
            item.put("status", i.status().wireName());
            items.add(item);
        }
        m.put("items", items);
        return m;
    }

    /** {@link #agentTodos} without its items: what a card or a token-bounded answer shows. */
    public static Map<String, Object> agentTodoSummary(AgentPlan plan, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", plan.session().value());
        m.put("agent", c.agents().apply(plan.session().value()));
        m.put("feature", c.ref(plan.feature()));
        m.put("done", plan.done());
        m.put("total", plan.total());
        m.put("now", plan.now().orElse(null));
        m.put("updatedAt", plan.updatedAt().toString());
        return m;
    }

    /** The other end of a dependency, as shown beside a feature ({@code dependsOn}, {@code dependents}). */
    public static Map<String, Object> edge(Feature other, DependencyKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", other.number());
        m.put("ref", other.ref());
        m.put("id", other.id().value());
        m.put("description", other.description());
        m.put("status", other.status().wireName());
        m.put("kind", kind.wireName());
        return m;
    }

    /** The checklist; {@code index} is what checking a step takes (0-based). */
    public static List<Map<String, Object>> steps(List<Step> steps) {
        List<Map<String, Object>> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i);
            m.put("text", steps.get(i).text());
            m.put("done", steps.get(i).done());
            out.add(m);
        }
        return out;
    }

    /** Who holds a feature: {@code live} is whether the lease still runs by the context's clock. */
    public static @Nullable Map<String, Object> claim(@Nullable Claim claim, Context c) {
        if (claim == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", claim.session().value());
        m.put("agent", c.agents().apply(claim.session().value()));
        m.put("takenAt", claim.takenAt().toString());
        m.put("leaseUntil", claim.leaseUntil().toString());
        m.put("live", claim.isLive(c.now()));
        return m;
    }

    /** A session; its {@code state} as of the context's clock. */
    public static Map<String, Object> session(Session s, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("agent", s.agent());
        m.put("state", s.state(c.now()).wireName());
        m.put("startedAt", s.startedAt().toString());
        m.put("lastSeenAt", s.lastSeenAt().toString());
        m.put("endedAt", time(s.endedAt()));
        m.put("currentFeature", c.ref(s.currentFeature()));
        m.put("eventCount", s.eventCount());
        return m;
    }

    public static Map<String, Object> insight(Insight i, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("text", i.text());
        m.put("kind", i.kind().wireName());
        m.put("tags", i.tags());
        m.put("feature", c.ref(i.feature()));
        m.put("session", i.session() == null ? null : i.session().value());
        m.put("createdAt", i.createdAt().toString());
        return m;
    }

    public static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().value());
        m.put("kind", r.spec().kind());
        m.put("scope", r.isGlobal() ? "global" : "project");
        m.put("enforcement", r.enforcement().wireName());
        m.put("enabled", r.enabled());
        m.put("description", r.spec().describe());
        m.putAll(ruleSpecFields(r.spec()));
        m.put("triggered", r.triggered());
        m.put("violated", r.violated());
        m.put("createdAt", r.createdAt().toString());
        return m;
    }

    /** A rule's settings, which depend on its kind. */
    static Map<String, Object> ruleSpecFields(RuleSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (spec) {
            case RuleSpec.WipLimit w -> {
                m.put("max", w.max());
                m.put("per", w.per().wireName());
            }
            case RuleSpec.StepsDoneBeforeComplete s -> { }
            case RuleSpec.Context cx -> m.put("text", cx.text());
            case RuleSpec.Reminder rm -> {
                m.put("tool", rm.tool());
                m.put("fileGlob", rm.fileGlob());
                m.put("text", rm.text());
            }
        }
        return m;
    }

    /**
     * An event: its envelope and its payload. The envelope and the payload name features, sessions and
     * rules by the ids the event recorded (a log entry keeps what was true then; a ref could point
     * elsewhere after an import); whole values in a payload are in their views here (a created feature
     * as {@link #feature}).
     */
    public static Map<String, Object> event(Event e, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("id", e.id());
        m.put("type", e.type().wireName());
        m.put("project", e.project() == null ? null : e.project().value());
        m.put("feature", e.feature() == null ? null : e.feature().value());
        m.put("session", e.session() == null ? null : e.session().value());
        m.put("at", e.at().toString());
        m.put("payload", WireJson.payload(e.payload(), c));
        // The line a person reads ("#2 depends on #1 (blocks)"), so no client has to word events itself.
        m.put("summary", EventSummary.of(e.payload(), id -> {
            String ref = c.ref(id);
            return ref == null ? id.value() : ref;
        }, session -> {
            String agent = c.agents().apply(session.value());
            return agent == null ? session.value() : agent;
        }));
        return m;
    }

    public static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
