package dev.ijoka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.EventPayload;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan answers from a snapshot that is brought forward from the log rather than rebuilt. After
 * every one of many random commands, in two projects and with agent activity in between, its
 * answers must equal what a brute-force reading of the store says.
 */
class SnapshotFreshnessTest {

    @Test
    void planAnswersEqualBruteForceAfterEveryCommand(@TempDir Path dir) throws Exception {
        Random random = new Random(42);
        Store store = new InMemoryStoreProvider().open(InMemoryStoreProvider.URL);
        try (Ijoka ijoka = Ijoka.builder().store(store).build()) {
            Project a = ijoka.projects().open(Files.createDirectory(dir.resolve("a")));
            Project b = ijoka.projects().open(Files.createDirectory(dir.resolve("b")));
            SessionId agent = SessionId.of("agent");
            ijoka.sessions().start(a.id(), agent, "test");
            for (int step = 0; step < 600; step++) {
                Project p = random.nextInt(4) == 0 ? b : a;
                List<Feature> features = ijoka.features().list(p.id());
                try {
                    act(ijoka, p, features, agent, random);
                } catch (IjokaException refused) {
                    // Refusals are part of the mix; the plan must still be right afterwards.
                }
                assertMatchesBruteForce(ijoka, a);
                assertMatchesBruteForce(ijoka, b);
                assertReadsMatchStore(ijoka, store, a);
                assertReadsMatchStore(ijoka, store, b);
            }
        }
    }

    private static void act(Ijoka ijoka, Project p, List<Feature> features, SessionId agent, Random random) {
        int choice = features.size() < 3 ? 0 : random.nextInt(9);
        Feature f = features.isEmpty() ? null : features.get(random.nextInt(features.size()));
        Feature g = features.isEmpty() ? null : features.get(random.nextInt(features.size()));
        switch (choice) {
            case 0 -> ijoka.features().create(p.id(), NewFeature.of("feature " + features.size(), Category.FUNCTIONAL)
                    .withPriority(random.nextInt(3)));
            case 1 -> ijoka.dependencies().add(f.id(), g.id(), DependencyKind.BLOCKS, null);
            case 2 -> ijoka.features().start(f.id(), p.id().equals(ijoka.sessions().get(agent).project()) ? agent : null);
            case 3 -> ijoka.features().complete(f.id(), null);
            case 4 -> ijoka.features().block(f.id(), null, "waiting", null);
            case 5 -> ijoka.features().unblock(f.id(), null);
            case 6 -> ijoka.features().update(f.id(), FeatureUpdate.none().priority(random.nextInt(3)), null, null);
            case 7 -> ijoka.sessions().record(agent, new EventPayload.ToolUsed("Edit", List.of("a.java"), true));
            default -> ijoka.dependencies().remove(f.id(), g.id(), null);
        }
    }

    /** Features and dependencies, which a server answers from its snapshot, read as the store has them. */
    private static void assertReadsMatchStore(Ijoka ijoka, Store store, Project p) {
        List<Feature> stored = store.read(r -> r.features(p.id()));
        assertThat(ijoka.features().list(p.id())).containsExactlyElementsOf(stored);
        for (Feature f : stored) {
            assertThat(ijoka.features().get(f.id())).isEqualTo(f);
            assertThat(ijoka.features().find(new FeatureRef.Number(p.id(), f.number()))).contains(f);
            assertThat(ijoka.dependencies().of(f.id()))
                    .containsExactlyInAnyOrderElementsOf(store.read(r -> r.dependenciesOf(f.id())));
            assertThat(ijoka.dependencies().dependentsOf(f.id()))
                    .containsExactlyInAnyOrderElementsOf(store.read(r -> r.dependentsOf(f.id())));
        }
    }

    private static void assertMatchesBruteForce(Ijoka ijoka, Project p) {
        List<Feature> features = ijoka.features().list(p.id());
        Map<FeatureId, Feature> byId = features.stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        List<Dependency> edges = ijoka.dependencies().list(p.id());
        List<Feature> ready = features.stream()
                .filter(f -> f.status() == Status.PENDING)
                .filter(f -> edges.stream().noneMatch(d -> d.dependent().equals(f.id()) && d.kind() == DependencyKind.BLOCKS
                        && byId.get(d.dependency()).status() != Status.COMPLETE))
                .sorted(Comparator.comparingInt(Feature::priority).reversed().thenComparingInt(Feature::number))
                .toList();
        assertThat(ijoka.plan().ready(p.id())).containsExactlyElementsOf(ready);

        Map<Status, Long> counts = features.stream().collect(Collectors.groupingBy(Feature::status, Collectors.counting()));
        Progress progress = ijoka.plan().progress(p.id());
        for (Status s : Status.values()) {
            assertThat((long) progress.count(s)).as(s.wireName()).isEqualTo(counts.getOrDefault(s, 0L));
        }
        Set<FeatureId> onGraph = features.stream().map(Feature::id).collect(Collectors.toSet());
        assertThat(ijoka.plan().graph(p.id()).size()).isEqualTo(onGraph.size());
    }
}
