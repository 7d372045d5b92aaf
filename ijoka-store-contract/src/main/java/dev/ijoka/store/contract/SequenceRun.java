package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One command sequence against one fresh engine and the model: after every command both must agree
 * on the outcome and the state, and the engine's state must keep the invariants; at the end the
 * store must equal a replay of its log.
 */
final class SequenceRun {

    /** A feature as both sides can show it. */
    record FeatureView(int number, Status status, @Nullable Claim claim, List<Boolean> steps, boolean hasBlockReason,
            boolean hasCompletedAt) {}

    record RuleView(RuleSpec spec, Enforcement enforcement, boolean enabled, long triggered, long violated) {}

    private final Ijoka ijoka;
    private final ProjectId project;
    private final PlanModel model;
    private final EngineDriver driver;
    private final ClaimLedger ledger = new ClaimLedger();
    private final List<String> trace = new ArrayList<>();
    private List<Feature> features = List.of();

    SequenceRun(Ijoka ijoka, ProjectId project, MutableClock clock, int sessions) {
        this.ijoka = ijoka;
        this.project = project;
        List<String> names = IntStream.rangeClosed(1, sessions).mapToObj(i -> "s" + i).toList();
        names.forEach(s -> ijoka.sessions().start(project, SessionId.of(s), "agent"));
        this.model = new PlanModel(clock.instant(), names);
        this.driver = new EngineDriver(ijoka, project, clock);
    }

    /** How many commands have run. */
    int steps() {
        return trace.size();
    }

    /** Runs the commands, counting them in {@code tally} unless it is null (while shrinking). */
    void run(List<Op> ops, @Nullable CommandTally tally) {
        for (Op op : ops) {
            Command command = op.toCommand(model);
            Outcome expected = model.apply(command);
            Outcome actual = driver.apply(command);
            if (tally != null) {
                tally.count(command, actual);
            }
            trace.add(trace.size() + 1 + ". " + command + " -> " + actual);
            assertThat(actual.result()).as(described("outcome, expected " + expected)).isEqualTo(expected.result());
            checkInvariantsAfter(command);
        }
        ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
    }

    private void checkInvariantsAfter(Command command) {
        List<Feature> before = features;
        features = ijoka.features().list(project);
        Map<FeatureId, Integer> numbers = new HashMap<>();
        features.forEach(f -> numbers.put(f.id(), f.number()));

        assertThat(features.stream().map(SequenceRun::view).toList()).as(described("features")).isEqualTo(modelFeatures());
        Map<PlanModel.Edge, DependencyKind> edges = new HashMap<>();
        ijoka.dependencies().list(project).forEach(d -> edges.put(
                new PlanModel.Edge(numbers.get(d.dependent()), numbers.get(d.dependency())), d.kind()));
        assertThat(edges).as(described("dependencies")).isEqualTo(model.edges());
        List<Rule> rules = ijoka.rules().list(project);
        assertThat(rules.stream().map(r -> new RuleView(r.spec(), r.enforcement(), r.enabled(), r.triggered(), r.violated())).toList())
                .as(described("rules")).isEqualTo(model.rules().stream()
                        .map(r -> new RuleView(r.spec, r.enforcement, r.enabled, r.triggered, r.violated)).toList());
        List<Session> sessions = ijoka.sessions().list(project);
        sessions.forEach(s -> assertThat(s.endedAt() != null).as(described(s.id() + " ended")).isEqualTo(model.ended(s.id().value())));

        assertThat(BlocksCycles.featureOnACycle(ijoka.dependencies().list(project))).as(described("a feature on a cycle of blocks edges")).isEmpty();
        // A resumed session takes back the claims it held when it ended: that is not a start, and a
        // limit added while it was away does not take them from it (the model says the same).
        if (!(command instanceof Command.ResumeSession)) {
            checkWipLimits(rules, before);
        }
        ledger.follow(ijoka);
        for (Feature f : features) {
            assertThat(f.claim()).as(described("the claim of " + f.ref() + " vs the log")).isEqualTo(ledger.claim(f.id()).orElse(null));
        }
        for (Session s : sessions) {
            if (s.currentFeature() != null) {
                Claim claim = ijoka.features().get(s.currentFeature()).claim();
                assertThat(claim != null && claim.isHeldBy(s.id())).as(described(s.id() + " works on a feature it holds")).isTrue();
            }
        }
    }

    /** No start may take the work in progress past an enabled denying WIP limit (it may already be past one added later). */
    private void checkWipLimits(List<Rule> rules, List<Feature> before) {
        for (Rule rule : rules) {
            if (!rule.enabled() || rule.enforcement() != Enforcement.DENY || !(rule.spec() instanceof RuleSpec.WipLimit wip)) {
                continue;
            }
            if (wip.per() == WipScope.PROJECT) {
                assertThat(inProgress(features, null)).as(described("in progress under " + wip.describe()))
                        .isLessThanOrEqualTo(Math.max(wip.max(), inProgress(before, null)));
            } else {
                for (String s : model.sessions()) {
                    SessionId id = SessionId.of(s);
                    assertThat(inProgress(features, id)).as(described("claims of " + s + " under " + wip.describe()))
                            .isLessThanOrEqualTo(Math.max(wip.max(), inProgress(before, id)));
                }
            }
        }
    }

    private static long inProgress(List<Feature> features, @Nullable SessionId holder) {
        return features.stream()
                .filter(f -> f.status() == Status.IN_PROGRESS)
                .filter(f -> holder == null || (f.claim() != null && f.claim().isHeldBy(holder)))
                .count();
    }

    private static FeatureView view(Feature f) {
        return new FeatureView(f.number(), f.status(), f.claim(), f.steps().stream().map(s -> s.done()).toList(),
                f.blockReason() != null, f.completedAt() != null);
    }

    private List<FeatureView> modelFeatures() {
        return model.items().stream().map(i -> {
            List<Boolean> steps = new ArrayList<>();
            for (boolean done : i.steps) {
                steps.add(done);
            }
            return new FeatureView(i.number, i.status, i.claim, steps, i.status == Status.BLOCKED, i.status == Status.COMPLETE);
        }).toList();
    }

    private Supplier<String> described(String what) {
        return () -> what + " after step " + trace.size() + " of:\n  " + String.join("\n  ", trace) + "\n";
    }
}
