package dev.ijoka.graph;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static dev.ijoka.domain.DependencyKind.RELATED;
import static dev.ijoka.domain.Status.BLOCKED;
import static dev.ijoka.domain.Status.COMPLETE;
import static dev.ijoka.domain.Status.IN_PROGRESS;
import static dev.ijoka.domain.Status.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    static FeatureId id(String value) {
        return new FeatureId(value);
    }

    static List<FeatureId> ids(String... values) {
        return java.util.Arrays.stream(values).map(DependencyGraphTest::id).toList();
    }

    /** Nodes named by one letter, numbered in the order given, all at priority 0 unless said. */
    static final class G {
        private final DependencyGraph.Builder builder = DependencyGraph.builder();
        private int number;

        G node(String name, Status status) {
            return node(name, 0, status);
        }

        G node(String name, int priority, Status status) {
            builder.node(id(name), ++number, priority, status);
            return this;
        }

        /** {@code dependent} depends on {@code dependency}. */
        G blocks(String dependent, String dependency) {
            builder.edge(id(dependent), id(dependency), BLOCKS);
            return this;
        }

        G related(String dependent, String dependency) {
            builder.edge(id(dependent), id(dependency), RELATED);
            return this;
        }

        DependencyGraph build() {
            return builder.build();
        }
    }

    @Test
    void readyIsPendingWithCompleteBlockersByPriorityThenNumber() {
        DependencyGraph graph = DependencyGraph.builder()
                .node(id("a"), 1, 0, PENDING)
                .node(id("b"), 2, 5, PENDING)
                .node(id("c"), 3, 5, PENDING)
                .node(id("d"), 4, 0, PENDING)
                .node(id("e"), 5, 9, IN_PROGRESS)
                .node(id("f"), 6, 1, COMPLETE)
                .node(id("g"), 7, -1, PENDING)
                .node(id("h"), 0, 5, PENDING)
                .node(id("i"), 8, 7, BLOCKED)
                .edge(id("d"), id("e"), BLOCKS)
                .edge(id("g"), id("f"), BLOCKS)
                .build();

        assertThat(graph.ready()).containsExactlyElementsOf(ids("h", "b", "c", "a", "g"));
        assertThat(graph.next(f -> true)).contains(id("h"));
        assertThat(graph.size()).isEqualTo(9);
        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(graph.status(id("i"))).isEqualTo(BLOCKED);
        assertThat(graph.contains(id("i"))).isTrue();
        assertThat(graph.contains(id("zz"))).isFalse();
    }

    @Test
    void readyBreaksFullTiesById() {
        DependencyGraph graph = DependencyGraph.builder()
                .node(id("y"), 1, 0, PENDING)
                .node(id("x"), 1, 0, PENDING)
                .build();

        assertThat(graph.ready()).containsExactlyElementsOf(ids("x", "y"));
    }

    @Test
    void nextAsksTheFilterOnlyAboutReadyFeaturesAndStopsAtTheFirstMatch() {
        DependencyGraph graph = new G()
                .node("a", 3, PENDING)
                .node("b", 2, PENDING)
                .node("c", 1, PENDING)
                .node("d", 0, PENDING)
                .node("x", 9, PENDING)
                .blocks("x", "d")
                .build();
        List<FeatureId> asked = new ArrayList<>();

        Optional<FeatureId> next = graph.next(f -> {
            asked.add(f);
            return !f.equals(id("a"));
        });

        assertThat(next).contains(id("b"));
        assertThat(asked).containsExactlyElementsOf(ids("a", "b"));
        assertThat(graph.next(f -> false)).isEmpty();
    }

    @Test
    void relatedEdgesNeverGate() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .related("a", "b")
                .build();

        assertThat(graph.ready()).containsExactlyElementsOf(ids("a", "b"));
        assertThat(graph.waves()).containsExactly(ids("a", "b"));
        assertThat(graph.criticalPath()).hasSize(1);
        assertThat(graph.blockedBy(id("a"))).isEmpty();
        assertThat(graph.dependents(id("b"))).isEmpty();
        assertThat(graph.unlockedBy(id("b"))).isEmpty();
        assertThat(graph.cycleIfAdded(id("b"), id("a"))).isEmpty();
        assertThat(graph.validate().isValid()).isTrue();

        assertThat(graph.dependenciesOf(id("a"), RELATED)).containsExactly(id("b"));
        assertThat(graph.dependenciesOf(id("a"), BLOCKS)).isEmpty();
        assertThat(graph.dependentsOf(id("b"), RELATED)).containsExactly(id("a"));
        assertThat(graph.dependentsOf(id("b"), BLOCKS)).isEmpty();
    }

    @Test
    void blockedByWalksThroughCompleteFeaturesAndListsDependenciesFirst() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", COMPLETE)
                .node("c", PENDING)
                .node("d", IN_PROGRESS)
                .node("e", PENDING)
                .node("f", COMPLETE)
                .blocks("a", "b")
                .blocks("b", "c")
                .blocks("c", "d")
                .blocks("a", "e")
                .blocks("e", "f")
                .related("a", "z1")
                .node("z1", PENDING)
                .build();

        assertThat(graph.blockedBy(id("a"))).containsExactlyElementsOf(ids("d", "c", "e"));
        assertThat(graph.blockedBy(id("d"))).isEmpty();
        assertThat(graph.dependents(id("d"))).containsExactlyElementsOf(ids("c", "b", "a"));
        assertThat(graph.dependents(id("f"))).containsExactlyElementsOf(ids("e", "a"));
        assertThat(graph.dependents(id("a"))).isEmpty();
    }

    @Test
    void dependentsListsADiamondOnceInTopologicalOrder() {
        DependencyGraph graph = diamond();

        assertThat(graph.dependents(id("a"))).containsExactlyElementsOf(ids("b", "c", "d"));
        assertThat(graph.blockedBy(id("d"))).containsExactlyElementsOf(ids("a", "b", "c"));
    }

    @Test
    void unlockedByIsThePendingDirectDependentsWaitingOnNothingElse() {
        DependencyGraph graph = new G()
                .node("y", PENDING)
                .node("x", PENDING)
                .node("z", PENDING)
                .node("w", PENDING)
                .node("q", IN_PROGRESS)
                .node("r", PENDING)
                .node("s", COMPLETE)
                .node("t", PENDING)
                .blocks("x", "y")
                .blocks("z", "y")
                .blocks("z", "w")
                .blocks("q", "y")
                .blocks("r", "y")
                .blocks("r", "s")
                .blocks("t", "x")
                .related("w", "y")
                .build();

        assertThat(graph.unlockedBy(id("y"))).containsExactlyElementsOf(ids("x", "r"));
        assertThat(graph.unlockedBy(id("s"))).as("already complete").isEmpty();
        assertThat(graph.unlockedBy(id("w"))).isEmpty();
    }

    @Test
    void wavesOfADiamond() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", IN_PROGRESS)
                .node("d", PENDING)
                .node("e", COMPLETE)
                .node("f", 3, BLOCKED)
                .blocks("b", "a")
                .blocks("c", "a")
                .blocks("d", "b")
                .blocks("d", "c")
                .blocks("d", "e")
                .build();

        assertThat(graph.waves()).containsExactly(ids("f", "a"), ids("b", "c"), ids("d"));
    }

    @Test
    void wavesSkipCompleteFeatures() {
        DependencyGraph graph = new G()
                .node("a", COMPLETE)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .node("f", 3, PENDING)
                .blocks("b", "a")
                .blocks("c", "a")
                .blocks("d", "b")
                .blocks("d", "c")
                .build();

        assertThat(graph.waves()).containsExactly(ids("f", "b", "c"), ids("d"));
        assertThat(new G().node("a", COMPLETE).build().waves()).isEmpty();
        assertThat(DependencyGraph.builder().build().waves()).isEmpty();
    }

    @Test
    void wavesLeaveOutFeaturesOnOrBehindACycle() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .blocks("a", "b")
                .blocks("b", "a")
                .blocks("c", "a")
                .build();

        assertThat(graph.waves()).containsExactly(ids("d"));
        assertThat(graph.criticalPath()).containsExactly(id("d"));
    }

    @Test
    void criticalPathIsTheLongestIncompleteChainDependencyFirst() {
        G g = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", IN_PROGRESS)
                .node("d", PENDING)
                .node("e", 5, PENDING)
                .node("f", PENDING)
                .blocks("b", "a")
                .blocks("c", "b")
                .blocks("d", "c")
                .blocks("e", "a")
                .blocks("f", "e");

        assertThat(g.build().criticalPath()).containsExactlyElementsOf(ids("a", "b", "c", "d"));
    }

    @Test
    void criticalPathSkipsCompleteFeatures() {
        DependencyGraph graph = new G()
                .node("a", COMPLETE)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .blocks("b", "a")
                .blocks("c", "b")
                .blocks("d", "c")
                .build();

        assertThat(graph.criticalPath()).containsExactlyElementsOf(ids("b", "c", "d"));
        assertThat(new G().node("a", COMPLETE).build().criticalPath()).isEmpty();
    }

    @Test
    void criticalPathPrefersTheHigherPriorityStartOnTies() {
        DependencyGraph graph = new G()
                .node("x", PENDING)
                .node("y", 1, PENDING)
                .node("p", PENDING)
                .node("q", PENDING)
                .blocks("x", "y")
                .blocks("p", "q")
                .build();

        assertThat(graph.criticalPath()).containsExactlyElementsOf(ids("y", "x"));
    }

    @Test
    void directEdgesAreInRankOrderAndDuplicatesCountOnce() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", 2, PENDING)
                .blocks("a", "b")
                .blocks("a", "c")
                .blocks("a", "b")
                .related("a", "b")
                .build();

        assertThat(graph.dependenciesOf(id("a"), BLOCKS)).containsExactlyElementsOf(ids("c", "b"));
        assertThat(graph.dependentsOf(id("b"), BLOCKS)).containsExactly(id("a"));
        assertThat(graph.edgeCount()).isEqualTo(3);
    }

    @Test
    void anEdgeNamingAnUnknownFeatureIsRefusedByName() {
        DependencyGraph.Builder builder = DependencyGraph.builder()
                .node(id("a"), 1, 0, PENDING)
                .edge(id("a"), id("ghost"), BLOCKS);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");

        DependencyGraph.Builder other = DependencyGraph.builder()
                .node(id("a"), 1, 0, PENDING)
                .edge(id("phantom"), id("a"), RELATED);
        assertThatThrownBy(other::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phantom");
    }

    @Test
    void aFeatureAddedTwiceIsRefused() {
        DependencyGraph.Builder builder = DependencyGraph.builder().node(id("a"), 1, 0, PENDING);

        assertThatThrownBy(() -> builder.node(id("a"), 2, 0, COMPLETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }

    @Test
    void queriesAboutUnknownFeaturesAreRefused() {
        DependencyGraph graph = diamond();

        assertThatThrownBy(() -> graph.status(id("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> graph.blockedBy(id("nope"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> graph.cycleIfAdded(id("a"), id("nope"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderCanBuildAgainAfterMoreAdditions() {
        DependencyGraph.Builder builder = DependencyGraph.builder(1, 1).node(id("a"), 1, 0, PENDING);
        DependencyGraph first = builder.build();
        builder.node(id("b"), 2, 0, PENDING).edge(id("a"), id("b"), BLOCKS);
        DependencyGraph second = builder.build();

        assertThat(first.ready()).containsExactly(id("a"));
        assertThat(first.size()).isEqualTo(1);
        assertThat(second.ready()).containsExactly(id("b"));
    }

    @Test
    void returnedListsAreImmutable() {
        DependencyGraph graph = diamond();

        assertThatThrownBy(() -> graph.ready().add(id("z"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> graph.waves().get(0).set(0, id("z")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> graph.criticalPath().set(0, id("z")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChainOf100000FeaturesDoesNotOverflowTheStack() {
        int n = 100_000;
        DependencyGraph.Builder builder = DependencyGraph.builder(n, n);
        for (int i = 0; i < n; i++) {
            builder.node(id("n" + i), i + 1, 0, PENDING);
            if (i > 0) {
                builder.edge(id("n" + i), id("n" + (i - 1)), BLOCKS);
            }
        }
        DependencyGraph graph = builder.build();
        FeatureId first = id("n0");
        FeatureId last = id("n" + (n - 1));

        assertThat(graph.ready()).containsExactly(first);
        assertThat(graph.blockedBy(last)).hasSize(n - 1).startsWith(first);
        assertThat(graph.dependents(first)).hasSize(n - 1).endsWith(last);
        assertThat(graph.waves()).hasSize(n);
        assertThat(graph.criticalPath()).hasSize(n).startsWith(first).endsWith(last);
        assertThat(graph.cycleIfAdded(first, last)).hasValueSatisfying(c -> assertThat(c).hasSize(n + 1));
        assertThat(graph.validate().isValid()).isTrue();
        assertThat(graph.unlockedBy(first)).containsExactly(id("n1"));

        // Closed into one big cycle, the validator must still cope.
        builder.edge(first, last, BLOCKS);
        ValidationReport report = builder.build().validate();
        assertThat(report.cycles()).singleElement().satisfies(c -> {
            assertThat(c.members()).hasSize(n);
            assertThat(c.path()).hasSize(n + 1);
        });
    }

    @Test
    void aWideGraphKeepsItsAnswersConsistent() {
        // 1,000 independent pairs: every dependency is ready, every dependent is unlocked by it.
        DependencyGraph.Builder builder = DependencyGraph.builder();
        IntStream.range(0, 1000).forEach(i -> builder
                .node(id("dep" + i), 2 * i + 1, 0, PENDING)
                .node(id("top" + i), 2 * i + 2, 0, PENDING)
                .edge(id("top" + i), id("dep" + i), BLOCKS));
        DependencyGraph graph = builder.build();

        assertThat(graph.ready()).hasSize(1000).allMatch(f -> f.value().startsWith("dep"));
        assertThat(graph.waves()).hasSize(2);
        assertThat(graph.unlockedBy(id("dep7"))).containsExactly(id("top7"));
        assertThat(graph.criticalPath()).containsExactlyElementsOf(ids("dep0", "top0"));
    }

    static DependencyGraph diamond() {
        return new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .blocks("b", "a")
                .blocks("c", "a")
                .blocks("d", "b")
                .blocks("d", "c")
                .build();
    }
}
