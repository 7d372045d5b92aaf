package dev.ijoka.graph;

import static dev.ijoka.domain.Status.BLOCKED;
import static dev.ijoka.domain.Status.COMPLETE;
import static dev.ijoka.domain.Status.IN_PROGRESS;
import static dev.ijoka.domain.Status.PENDING;
import static dev.ijoka.graph.DependencyGraphTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.graph.DependencyGraphTest.G;
import org.junit.jupiter.api.Test;

class DependencyGraphFocusTest {

    /**
     * done ← ready1 ← later1 (a chain), ready2 (alone, lower priority), work (in progress) ← waits, work ~ note
     * (related), far ← farther ← farthest (a pending chain: the critical path), and an unrelated complete old.
     */
    private static DependencyGraph plan() {
        return new G()
                .node("done", COMPLETE)
                .node("ready1", 5, PENDING)
                .node("later1", PENDING)
                .node("ready2", 1, PENDING)
                .node("work", IN_PROGRESS)
                .node("waits", PENDING)
                .node("note", COMPLETE)
                .node("far", BLOCKED)
                .node("farther", PENDING)
                .node("farthest", PENDING)
                .node("old", COMPLETE)
                .blocks("ready1", "done")
                .blocks("later1", "ready1")
                .blocks("waits", "work")
                .related("work", "note")
                .blocks("farther", "far")
                .blocks("farthest", "farther")
                .build();
    }

    @Test
    void showsWorkInProgressReadyTheirNeighboursAndTheCriticalPath() {
        Focus focus = plan().focus(10);

        assertThat(focus.shown()).containsExactlyInAnyOrderElementsOf(ids(
                "done", "ready1", "later1", "ready2", "work", "waits", "note", "far", "farther", "farthest"));
        assertThat(focus.shown()).doesNotContain(DependencyGraphTest.id("old"));
        assertThat(focus.inProgress()).isEqualTo(1);
        assertThat(focus.inProgressShown()).isEqualTo(1);
        assertThat(focus.ready()).isEqualTo(2);
        assertThat(focus.readyShown()).isEqualTo(2);
        assertThat(focus.neighbours()).isEqualTo(4); // done, later1, waits, note
        assertThat(focus.criticalPath()).isEqualTo(3);
        assertThat(focus.total()).isEqualTo(11);
    }

    @Test
    void aLimitKeepsTheBestRankedReadyAndSaysHowManyWereLeftOut() {
        Focus focus = plan().focus(1);

        assertThat(focus.shown()).contains(DependencyGraphTest.id("ready1"))
                .doesNotContain(DependencyGraphTest.id("ready2"));
        assertThat(focus.ready()).isEqualTo(2);
        assertThat(focus.readyShown()).isEqualTo(1);
    }

    @Test
    void aLimitKeepsTheBestRankedWorkInProgressAndItsNeighboursOnly() {
        DependencyGraph graph = new G()
                .node("urgent", 9, IN_PROGRESS)
                .node("later", 1, IN_PROGRESS)
                .node("afterUrgent", PENDING)
                .node("afterLater", PENDING)
                .blocks("afterUrgent", "urgent")
                .blocks("afterLater", "later")
                .build();

        Focus focus = graph.focus(1);

        assertThat(focus.inProgress()).isEqualTo(2);
        assertThat(focus.inProgressShown()).isEqualTo(1);
        assertThat(focus.shown()).contains(DependencyGraphTest.id("urgent"), DependencyGraphTest.id("afterUrgent"))
                .doesNotContain(DependencyGraphTest.id("afterLater"));
        // "later" and "afterLater" are a chain of two, as is "urgent" → "afterUrgent": the path takes the best-ranked
        assertThat(focus.criticalPath()).isEqualTo(2);
    }

    @Test
    void aNeighbourOnTheCriticalPathCountsOnThePathOnly() {
        // work is in progress; its dependent waits is also the start of the only chain of incomplete work.
        DependencyGraph graph = new G()
                .node("work", IN_PROGRESS)
                .node("waits", PENDING)
                .node("last", PENDING)
                .blocks("waits", "work")
                .blocks("last", "waits")
                .build();

        Focus focus = graph.focus(5);

        assertThat(focus.shown()).containsExactlyElementsOf(ids("work", "waits", "last"));
        assertThat(focus.neighbours()).isZero();
        assertThat(focus.criticalPath()).isEqualTo(3);
    }

    @Test
    void anEmptyPlanFocusesOnNothing() {
        Focus focus = DependencyGraph.builder().build().focus(5);

        assertThat(focus.shown()).isEmpty();
        assertThat(focus.total()).isZero();
    }

    @Test
    void aPathLimitShowsTheCriticalPathsFirstStepsAndSaysHowLongItIs() {
        Focus focus = plan().focus(10, 1);

        assertThat(focus.criticalPath()).isEqualTo(3);
        assertThat(focus.criticalPathShown()).containsExactlyElementsOf(ids("far"));
        assertThat(focus.shown()).containsExactlyInAnyOrderElementsOf(ids(
                "done", "ready1", "later1", "ready2", "work", "waits", "note", "far"));
        assertThat(plan().focus(10).criticalPathShown()).containsExactlyElementsOf(ids("far", "farther", "farthest"));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> plan().focus(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan().focus(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
