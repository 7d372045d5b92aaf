package dev.ijoka.graph;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static dev.ijoka.domain.DependencyKind.RELATED;
import static dev.ijoka.domain.Status.COMPLETE;
import static dev.ijoka.domain.Status.IN_PROGRESS;
import static dev.ijoka.domain.Status.PENDING;
import static dev.ijoka.graph.DependencyGraphTest.id;
import static dev.ijoka.graph.DependencyGraphTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.graph.DependencyGraphTest.G;
import org.junit.jupiter.api.Test;

/** cycleIfAdded and validate on hand-made graphs. */
class DependencyGraphCyclesTest {

    @Test
    void aSelfEdgeIsACycleOfOne() {
        DependencyGraph graph = new G().node("a", PENDING).build();

        assertThat(graph.cycleIfAdded(id("a"), id("a"))).contains(ids("a", "a"));
    }

    @Test
    void reversingAnEdgeClosesATwoCycle() {
        DependencyGraph graph = new G().node("a", PENDING).node("b", PENDING).blocks("a", "b").build();

        assertThat(graph.cycleIfAdded(id("b"), id("a"))).contains(ids("b", "a", "b"));
    }

    @Test
    void aLongCycleIsNamedInFullAlongAShortestWayBack() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .node("e", PENDING)
                .blocks("a", "b")
                .blocks("b", "c")
                .blocks("c", "d")
                .blocks("d", "e")
                .build();

        assertThat(graph.cycleIfAdded(id("e"), id("a"))).contains(ids("e", "a", "b", "c", "d", "e"));

        DependencyGraph withShortcut = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", PENDING)
                .blocks("a", "b")
                .blocks("b", "c")
                .blocks("c", "d")
                .blocks("a", "c")
                .build();
        assertThat(withShortcut.cycleIfAdded(id("d"), id("a"))).contains(ids("d", "a", "c", "d"));
    }

    @Test
    void completeFeaturesStillCloseCycles() {
        DependencyGraph graph = new G()
                .node("a", COMPLETE)
                .node("b", COMPLETE)
                .blocks("a", "b")
                .build();

        assertThat(graph.cycleIfAdded(id("b"), id("a"))).contains(ids("b", "a", "b"));
    }

    @Test
    void safeEdgesGiveNothing() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("x", PENDING)
                .blocks("a", "b")
                .blocks("b", "c")
                .related("c", "a")
                .build();

        assertThat(graph.cycleIfAdded(id("a"), id("c"))).as("already implied").isEmpty();
        assertThat(graph.cycleIfAdded(id("a"), id("b"))).as("already there").isEmpty();
        assertThat(graph.cycleIfAdded(id("x"), id("a"))).as("unrelated").isEmpty();
        assertThat(graph.cycleIfAdded(id("a"), id("x"))).isEmpty();
        assertThat(graph.cycleIfAdded(id("b"), id("x"))).isEmpty();
    }

    @Test
    void aCleanGraphIsValid() {
        ValidationReport report = DependencyGraphTest.diamond().validate();

        assertThat(report.isValid()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(DependencyGraph.builder().build().validate().isValid()).isTrue();
    }

    @Test
    void validateReportsEachCycleOnceWithItsPath() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .node("d", IN_PROGRESS)
                .node("e", PENDING)
                .blocks("a", "b")
                .blocks("b", "a")
                .blocks("c", "d")
                .blocks("d", "e")
                .blocks("e", "c")
                .build();

        ValidationReport report = graph.validate();

        assertThat(report.isValid()).isFalse();
        assertThat(report.cycles()).containsExactly(
                new ValidationReport.Cycle(ids("a", "b", "a"), ids("a", "b")),
                new ValidationReport.Cycle(ids("c", "d", "e", "c"), ids("c", "d", "e")));
        assertThat(report.problems()).containsExactly(
                "dependency cycle: a -> b -> a (each depends on the next)",
                "dependency cycle: c -> d -> e -> c (each depends on the next)");
        assertThat(graph.waves()).isEmpty();
        assertThat(graph.ready()).isEmpty();
    }

    @Test
    void aTangleIsOneComponentEvenWhenNoSingleCycleCoversIt() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("c", PENDING)
                .blocks("a", "b")
                .blocks("b", "a")
                .blocks("b", "c")
                .blocks("c", "b")
                .build();

        ValidationReport report = graph.validate();

        assertThat(report.cycles()).singleElement().satisfies(c -> {
            assertThat(c.path()).containsExactlyElementsOf(ids("a", "b", "a"));
            assertThat(c.members()).containsExactlyElementsOf(ids("a", "b", "c"));
        });
        assertThat(report.problems()).singleElement().asString().contains("a -> b -> a").contains("3 features: a, b, c");
    }

    @Test
    void validateReportsSelfEdgesDuplicatesAndFeaturesStuckBehindCycles() {
        DependencyGraph graph = new G()
                .node("a", PENDING)
                .node("b", PENDING)
                .node("f", PENDING)
                .node("g", IN_PROGRESS)
                .node("h", COMPLETE)
                .node("i", PENDING)
                .node("j", PENDING)
                .node("k", PENDING)
                .node("l", COMPLETE)
                .node("m", COMPLETE)
                .node("n", PENDING)
                .node("o", PENDING)
                .blocks("a", "b")
                .blocks("b", "a")
                .blocks("f", "a") // stuck behind a <-> b
                .blocks("g", "f") // stuck, through f
                .blocks("h", "a") // complete, so not stuck
                .blocks("i", "i") // self edge
                .blocks("o", "i") // stuck behind the self edge
                .blocks("j", "k")
                .blocks("j", "k")
                .blocks("j", "k")
                .related("j", "j")
                .related("k", "j")
                .related("k", "j")
                .blocks("l", "m") // a cycle of complete features is still reported...
                .blocks("m", "l")
                .blocks("n", "l") // ...but does not hold n back
                .build();

        ValidationReport report = graph.validate();

        assertThat(report.cycles()).extracting(ValidationReport.Cycle::members)
                .containsExactly(ids("a", "b"), ids("l", "m"));
        assertThat(report.selfEdges()).containsExactly(
                new ValidationReport.Edge(id("i"), id("i"), BLOCKS),
                new ValidationReport.Edge(id("j"), id("j"), RELATED));
        assertThat(report.duplicateEdges()).containsExactly(
                new ValidationReport.DuplicateEdge(new ValidationReport.Edge(id("j"), id("k"), BLOCKS), 3),
                new ValidationReport.DuplicateEdge(new ValidationReport.Edge(id("k"), id("j"), RELATED), 2));
        assertThat(report.stuckBehindCycles()).containsExactlyElementsOf(ids("f", "g", "o"));
        assertThat(report.problems()).contains(
                "self edge: i depends on itself (blocks)",
                "duplicate edge: j depends on k (blocks) 3 times",
                "f can never become ready: it depends on a dependency cycle");
        assertThat(graph.ready()).containsExactlyElementsOf(ids("k", "n"));
        assertThat(graph.waves()).containsExactly(ids("k", "n"), ids("j"));
    }
}
