package dev.ijoka.swing.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    static GraphData.Node node(int number, Status status, int priority, int wave) {
        return new GraphData.Node(new FeatureId("f" + number), number, "#" + number, "feature " + number, status, priority,
                false, false, wave);
    }

    @Test
    void completeFeaturesComeFirstThenOneColumnPerWaveSoEveryBlockingArrowPointsRight() {
        GraphData data = new GraphData(List.of(
                node(1, Status.COMPLETE, 0, -1), node(2, Status.COMPLETE, 0, -1),
                node(3, Status.PENDING, 0, 0), node(4, Status.PENDING, 0, 1)),
                List.of(new GraphData.Edge(0, 1, DependencyKind.BLOCKS, false), new GraphData.Edge(1, 2, DependencyKind.BLOCKS, false),
                        new GraphData.Edge(2, 3, DependencyKind.BLOCKS, false)),
                List.of(2, 3), 2);
        GraphLayout l = GraphLayout.of(data, true);
        assertThat(l.layer()).containsExactly(0, 1, 2, 3);
        assertThat(l.layers()).isEqualTo(4);
        GraphLayout hidden = GraphLayout.of(data, false);
        assertThat(hidden.shownCount()).isEqualTo(2);
        assertThat(hidden.layer()[2]).isZero();
        assertThat(hidden.layer()[3]).isEqualTo(1);
    }

    @Test
    void barycenterOrderingUncrossesEdgesThatThePlansOrderWouldCross() {
        // Wave 0 holds #1 above #2 (higher priority); wave 1 would put #3 above #4 by priority, but #3 needs #2
        // and #4 needs #1: drawn in plan order the two arrows cross.
        GraphData data = new GraphData(List.of(
                node(1, Status.PENDING, 9, 0), node(2, Status.PENDING, 1, 0),
                node(3, Status.PENDING, 9, 1), node(4, Status.PENDING, 1, 1)),
                List.of(new GraphData.Edge(1, 2, DependencyKind.BLOCKS, false), new GraphData.Edge(0, 3, DependencyKind.BLOCKS, false)),
                List.of(), 2);
        GraphLayout l = GraphLayout.of(data, true);
        assertThat(l.y()[0]).isLessThan(l.y()[1]);
        assertThat(l.y()[3]).as("#4, under #1's arrow, above #3").isLessThan(l.y()[2]);
    }

    @Test
    void aPointInsideABoxFindsItsNode() {
        GraphData data = new GraphData(List.of(node(1, Status.PENDING, 0, 0)), List.of(), List.of(), 1);
        GraphLayout l = GraphLayout.of(data, true);
        assertThat(l.nodeAt(l.x()[0] + 5, l.y()[0] + 5)).isZero();
        assertThat(l.nodeAt(l.x()[0] - 5, l.y()[0])).isEqualTo(-1);
    }

    @Test
    void aWaveOfHundredsWrapsIntoSeveralColumnsInsteadOfOneTooTallToRead() {
        List<GraphData.Node> nodes = new java.util.ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            nodes.add(node(i, Status.PENDING, 0, 0));
        }
        GraphLayout l = GraphLayout.of(new GraphData(nodes, List.of(), List.of(), 1), true);
        long columns = java.util.Arrays.stream(l.x()).distinct().count();
        long rows = java.util.Arrays.stream(l.y()).distinct().count();
        assertThat(columns).isGreaterThan(5);
        assertThat(rows).isLessThanOrEqualTo(30);
        assertThat(l.width()).isGreaterThan(l.height());
    }
}
