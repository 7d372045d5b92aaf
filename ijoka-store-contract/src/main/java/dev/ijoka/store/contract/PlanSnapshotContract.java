package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's engine keeps each project's plan in memory and brings it forward from the log's events (its own
 * commits, and other processes' read from the log) instead of rebuilding it from the store: new features, new and
 * removed edges, status, claim and priority changes. After every one of many random commands, made by two engines on
 * one store (each one's writes reach the other through the log), each engine's answers must equal a fresh engine's,
 * which builds the plan from the store: the graph (ready, next, waves, critical path, each feature's edges both ways
 * and what it blocks), the features in number order and by number, the counts, and each feature's dependencies.
 *
 * <p>Stores extend it with a fresh store's URL, as they do {@link EngineContract}. {@code -Dijoka.snapshot.seed=}
 * replays a run.
 */
public abstract class PlanSnapshotContract {

    private static final int STEPS = 150;

    @TempDir
    protected Path projectDir;

    /** The URL of a new, empty store; the test opens three engines on it at once. */
    protected abstract String newStoreUrl();

    @Test
    public void aPlanBroughtForwardEqualsAFreshRebuildAfterEveryCommand() {
        long seed = Long.getLong("ijoka.snapshot.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = newStoreUrl();
        List<String> trace = new ArrayList<>();
        try (Ijoka a = Ijoka.builder().store(url).build(); Ijoka b = Ijoka.builder().store(url).build()) {
            Project project = a.projects().open(projectDir);
            SessionId agent = SessionId.of("agent");
            a.sessions().start(project.id(), agent, "test");
            for (int step = 0; step < STEPS; step++) {
                // Mostly the server's own writes (brought forward from its commits), now and then another process's
                // (brought forward from the log).
                boolean byA = random.nextInt(4) != 0;
                Ijoka writer = byA ? a : b;
                String did;
                try {
                    did = act(writer, project, byA ? agent : null, random);
                } catch (IjokaException refused) {
                    did = "refused: " + refused.getMessage();
                }
                trace.add((step + 1) + ". " + (byA ? "a " : "b ") + did);
                Supplier<String> described = () -> "seed " + seed + ", after:\n  " + String.join("\n  ", trace);
                try (Ijoka fresh = Ijoka.builder().store(url).build()) {
                    assertSamePlan(a, fresh, project, described);
                    assertSamePlan(b, fresh, project, described);
                }
            }
        }
    }

    private static String act(Ijoka ijoka, Project p, SessionId session, Random random) {
        List<Feature> features = ijoka.features().list(p.id());
        int choice = features.size() < 3 ? random.nextInt(2) : random.nextInt(13);
        Feature f = features.isEmpty() ? null : features.get(random.nextInt(features.size()));
        Feature g = features.isEmpty() ? null : features.get(random.nextInt(features.size()));
        DependencyKind kind = random.nextInt(4) == 0 ? DependencyKind.RELATED : DependencyKind.BLOCKS;
        switch (choice) {
            case 0 -> {
                Feature made = ijoka.features().create(p.id(), NewFeature.of("feature " + features.size(), Category.FUNCTIONAL)
                        .withPriority(random.nextInt(3)));
                return "create " + made.ref();
            }
            case 1 -> {
                // As ijoka_add_feature and `ijoka feature add` do: a feature and its dependencies in one batch.
                List<FeatureBatch.Edge> edges = new ArrayList<>();
                if (f != null) {
                    edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(0), FeatureBatch.Target.existing(f.id()), kind));
                }
                if (g != null && random.nextBoolean()) {
                    edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(1), FeatureBatch.Target.existing(g.id()),
                            DependencyKind.BLOCKS));
                    edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(1), FeatureBatch.Target.entry(0),
                            DependencyKind.BLOCKS));
                }
                List<FeatureBatch.Entry> entries = new ArrayList<>();
                entries.add(FeatureBatch.Entry.pending(NewFeature.of("added " + features.size(), Category.FUNCTIONAL)
                        .withPriority(random.nextInt(3))));
                if (edges.size() > 1) {
                    entries.add(new FeatureBatch.Entry(NewFeature.of("added too", Category.TESTING),
                            random.nextBoolean() ? Status.COMPLETE : Status.PENDING, null, null));
                }
                FeatureBatch.Result r = ijoka.features().createAll(p.id(), new FeatureBatch(entries, edges),
                        FeatureBatch.Progress.NONE);
                return "add " + r.created().stream().map(Feature::ref).toList() + " with " + r.added().size() + " edges";
            }
            case 2, 3 -> {
                ijoka.dependencies().add(f.id(), g.id(), kind, null);
                return f.ref() + " depends on " + g.ref() + " (" + kind.wireName() + ")";
            }
            case 4 -> {
                return "remove " + f.ref() + " -> " + g.ref() + ": " + ijoka.dependencies().remove(f.id(), g.id(), null);
            }
            case 5 -> {
                ijoka.features().start(f.id(), session);
                return "start " + f.ref();
            }
            case 6 -> {
                ijoka.features().complete(f.id(), session);
                return "complete " + f.ref();
            }
            case 7 -> {
                ijoka.features().block(f.id(), session, "waiting", random.nextBoolean() ? g.id() : null);
                return "block " + f.ref() + " (by " + g.ref() + "?)";
            }
            case 8 -> {
                ijoka.features().unblock(f.id(), session);
                return "unblock " + f.ref();
            }
            case 9 -> {
                ijoka.features().reopen(f.id(), session, "again");
                return "reopen " + f.ref();
            }
            case 10 -> {
                int priority = random.nextInt(3);
                ijoka.features().update(f.id(), FeatureUpdate.none().priority(priority), null, null);
                return "priority of " + f.ref() + " to " + priority;
            }
            case 11 -> {
                ijoka.features().update(f.id(), FeatureUpdate.none().description("renamed " + random.nextInt(100)), null, null);
                return "rename " + f.ref();
            }
            default -> {
                if (session != null) {
                    ijoka.sessions().record(session, new EventPayload.ToolUsed("Edit", List.of("a.java"), true));
                }
                return "tool used";
            }
        }
    }

    /** What {@code warm} answers (from the plan it holds) equals what {@code fresh} answers (from a plan built now). */
    private static void assertSamePlan(Ijoka warm, Ijoka fresh, Project p, Supplier<String> after) {
        Function<String, Supplier<String>> described = what -> () -> what + ", " + after.get();
        // Warm first: a fresh engine has nothing held, so it builds from the store what it is asked.
        DependencyGraph held = warm.plan().graph(p.id());
        List<Feature> heldFeatures = warm.features().list(p.id());
        DependencyGraph built = fresh.plan().graph(p.id());
        List<Feature> stored = fresh.features().list(p.id());

        assertThat(heldFeatures).as(described.apply("features in number order")).containsExactlyElementsOf(stored);
        assertThat(warm.plan().progress(p.id())).as(described.apply("counts")).isEqualTo(fresh.plan().progress(p.id()));
        assertThat(held.size()).as(described.apply("features on the graph")).isEqualTo(built.size());
        assertThat(held.edgeCount()).as(described.apply("edges on the graph")).isEqualTo(built.edgeCount());
        assertThat(held.ready()).as(described.apply("ready")).isEqualTo(built.ready());
        assertThat(warm.plan().ready(p.id())).as(described.apply("ready features")).isEqualTo(fresh.plan().ready(p.id()));
        assertThat(warm.plan().readyCount(p.id())).as(described.apply("ready count")).isEqualTo(fresh.plan().readyCount(p.id()));
        assertThat(warm.plan().ready(p.id(), 2)).as(described.apply("first two ready")).isEqualTo(fresh.plan().ready(p.id(), 2));
        assertThat(warm.plan().next(p.id(), null)).as(described.apply("next")).isEqualTo(fresh.plan().next(p.id(), null));
        assertThat(held.waves()).as(described.apply("waves")).isEqualTo(built.waves());
        assertThat(held.criticalPath()).as(described.apply("critical path")).isEqualTo(built.criticalPath());
        for (Feature f : stored) {
            assertThat(held.status(f.id())).as(described.apply("status of " + f.ref())).isEqualTo(built.status(f.id()));
            for (DependencyKind kind : DependencyKind.values()) {
                assertThat(held.dependenciesOf(f.id(), kind)).as(described.apply(kind + " dependencies of " + f.ref()))
                        .isEqualTo(built.dependenciesOf(f.id(), kind));
                assertThat(held.dependentsOf(f.id(), kind)).as(described.apply(kind + " dependents of " + f.ref()))
                        .isEqualTo(built.dependentsOf(f.id(), kind));
            }
            assertThat(held.blockedBy(f.id())).as(described.apply("blocked by of " + f.ref())).isEqualTo(built.blockedBy(f.id()));
            assertThat(warm.features().get(f.id())).as(described.apply(f.ref())).isEqualTo(f);
            assertThat(warm.features().find(new FeatureRef.Number(p.id(), f.number()))).as(described.apply(f.ref() + " by number"))
                    .contains(f);
            List<Dependency> dependencies = fresh.dependencies().of(f.id());
            List<Dependency> dependents = fresh.dependencies().dependentsOf(f.id());
            assertThat(warm.dependencies().of(f.id())).as(described.apply("dependencies of " + f.ref()))
                    .containsExactlyInAnyOrderElementsOf(dependencies);
            assertThat(warm.dependencies().dependentsOf(f.id())).as(described.apply("dependents of " + f.ref()))
                    .containsExactlyInAnyOrderElementsOf(dependents);
        }
    }
}
