package dev.ijoka.swing.internal.graph;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places the graph's nodes in columns, left to right: complete features first (in the order their own
 * dependencies give), then the core's waves, each wave a column, so every blocking arrow points right. Within a
 * column, nodes are ordered by the barycenter heuristic: a few sweeps that move each node towards the average
 * position of its neighbours in the other columns, which removes most edge crossings in linear time per sweep.
 *
 * @param shown whether each node is drawn (complete ones can be hidden)
 * @param layer each node's column
 * @param x the left edge of each node, in graph units; {@code y} its top
 */
record GraphLayout(boolean[] shown, int[] layer, double[] x, double[] y, double width, double height, int layers) {

    static final double NODE_WIDTH = 220;
    static final double NODE_HEIGHT = 46;
    static final double GAP_X = 90;
    static final double GAP_Y = 18;
    static final double MARGIN = 30;
    /** Columns shorter than this never wrap. */
    static final int MIN_ROWS = 20;
    /** Enough sweeps to settle; more rarely removes another crossing. */
    private static final int SWEEPS = 6;

    static GraphLayout of(GraphData data, boolean showComplete) {
        int n = data.nodes().size();
        boolean[] shown = new boolean[n];
        for (int i = 0; i < n; i++) {
            shown[i] = showComplete || data.nodes().get(i).status() != Status.COMPLETE;
        }
        int[] layer = layers(data, shown);
        int layers = 0;
        for (int i = 0; i < n; i++) {
            if (shown[i]) {
                layers = Math.max(layers, layer[i] + 1);
            }
        }
        List<List<Integer>> columns = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            columns.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (shown[i]) {
                columns.get(layer[i]).add(i);
            }
        }
        // First order: what the plan puts first (priority, then number), so that a graph without edges reads like the list.
        Comparator<Integer> plan = Comparator.<Integer>comparingInt(i -> -data.nodes().get(i).priority())
                .thenComparingInt(i -> data.nodes().get(i).number());
        columns.forEach(c -> c.sort(plan));
        double[] position = new double[n];
        positions(columns, position);
        int[][] before = neighbours(data, shown, layer, n, true);
        int[][] after = neighbours(data, shown, layer, n, false);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 0; k < layers; k++) {
                int l = down ? k : layers - 1 - k;
                order(columns.get(l), down ? before : after, position);
                positions(List.of(columns.get(l)), position);
            }
        }
        // A wave of hundreds would be one column too tall to read: long columns wrap into several side by side
        // (a wave has no blocking edge inside it, so arrows still point right), keeping the drawing wide, not tall.
        int shownCount = 0;
        for (boolean s : shown) {
            shownCount += s ? 1 : 0;
        }
        int rows = Math.max(MIN_ROWS, (int) Math.ceil(Math.sqrt(shownCount) * 1.5));
        int tallest = Math.min(rows, columns.stream().mapToInt(List::size).max().orElse(0));
        double[] x = new double[n];
        double[] y = new double[n];
        double pitch = NODE_HEIGHT + GAP_Y;
        int slot = 0; // the drawn column, counting wrapped ones
        for (int l = 0; l < layers; l++) {
            List<Integer> c = columns.get(l);
            int wraps = Math.max(1, (c.size() + rows - 1) / rows);
            for (int i = 0; i < c.size(); i++) {
                int sub = i / rows;
                int inColumn = sub < wraps - 1 ? rows : c.size() - sub * rows;
                double top = MARGIN + (tallest - inColumn) * pitch / 2; // each column centred on the tallest
                x[c.get(i)] = MARGIN + (slot + sub) * (NODE_WIDTH + GAP_X);
                y[c.get(i)] = top + (i % rows) * pitch;
            }
            slot += wraps;
        }
        double width = slot == 0 ? 0 : 2 * MARGIN + slot * NODE_WIDTH + (slot - 1) * GAP_X;
        double height = tallest == 0 ? 0 : 2 * MARGIN + tallest * pitch - GAP_Y;
        return new GraphLayout(shown, layer, x, y, width, height, layers);
    }

    /**
     * Complete features by the length of their longest chain of complete blocking dependencies; the waves after
     * them. A feature in no wave and not complete (the core puts every incomplete feature in one) goes last.
     */
    private static int[] layers(GraphData data, boolean[] shown) {
        int n = data.nodes().size();
        int[] depth = new int[n];
        boolean anyComplete = false;
        List<int[]> completeEdges = new ArrayList<>();
        for (GraphData.Edge e : data.edges()) {
            if (e.kind() == DependencyKind.BLOCKS && shown[e.dependency()] && shown[e.dependent()]
                    && data.nodes().get(e.dependency()).status() == Status.COMPLETE
                    && data.nodes().get(e.dependent()).status() == Status.COMPLETE) {
                completeEdges.add(new int[] {e.dependency(), e.dependent()});
            }
        }
        for (int i = 0; i < n; i++) {
            anyComplete |= shown[i] && data.nodes().get(i).status() == Status.COMPLETE;
        }
        // Longest path by relaxation; the blocking graph is acyclic (the core refuses cycles), so n rounds suffice,
        // and in practice a handful do.
        for (int round = 0; round < n; round++) {
            boolean moved = false;
            for (int[] e : completeEdges) {
                if (depth[e[1]] < depth[e[0]] + 1) {
                    depth[e[1]] = depth[e[0]] + 1;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        int offset = 0;
        if (anyComplete) {
            for (int i = 0; i < n; i++) {
                if (shown[i] && data.nodes().get(i).status() == Status.COMPLETE) {
                    offset = Math.max(offset, depth[i] + 1);
                }
            }
        }
        int[] layer = new int[n];
        for (int i = 0; i < n; i++) {
            GraphData.Node node = data.nodes().get(i);
            if (node.status() == Status.COMPLETE) {
                layer[i] = depth[i];
            } else {
                layer[i] = offset + (node.wave() >= 0 ? node.wave() : data.waves());
            }
        }
        return layer;
    }

    /** Each shown node's neighbours in earlier ({@code earlier}) or later columns. */
    private static int[][] neighbours(GraphData data, boolean[] shown, int[] layer, int n, boolean earlier) {
        int[] count = new int[n];
        for (GraphData.Edge e : data.edges()) {
            if (shown[e.dependency()] && shown[e.dependent()]) {
                int a = e.dependency();
                int b = e.dependent();
                if (layer[a] != layer[b]) {
                    int later = layer[a] > layer[b] ? a : b;
                    int sooner = later == a ? b : a;
                    count[earlier ? later : sooner]++;
                }
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (GraphData.Edge e : data.edges()) {
            if (shown[e.dependency()] && shown[e.dependent()]) {
                int a = e.dependency();
                int b = e.dependent();
                if (layer[a] != layer[b]) {
                    int later = layer[a] > layer[b] ? a : b;
                    int sooner = later == a ? b : a;
                    int owner = earlier ? later : sooner;
                    out[owner][count[owner]++] = earlier ? sooner : later;
                }
            }
        }
        return out;
    }

    /** Sorts a column by its nodes' barycenters; a node without neighbours keeps its place. */
    private static void order(List<Integer> column, int[][] neighbours, double[] position) {
        double[] key = new double[position.length];
        for (int i : column) {
            int[] ns = neighbours[i];
            if (ns.length == 0) {
                key[i] = position[i];
            } else {
                double sum = 0;
                for (int m : ns) {
                    sum += position[m];
                }
                key[i] = sum / ns.length;
            }
        }
        column.sort(Comparator.comparingDouble(i -> key[i])); // stable: ties keep the previous order
    }

    /** Each node's place in its column as a fraction of the column, so columns of different sizes compare. */
    private static void positions(List<List<Integer>> columns, double[] position) {
        for (List<Integer> c : columns) {
            for (int i = 0; i < c.size(); i++) {
                position[c.get(i)] = (i + 0.5) / c.size();
            }
        }
    }

    int shownCount() {
        int count = 0;
        for (boolean s : shown) {
            count += s ? 1 : 0;
        }
        return count;
    }

    /** The node under a point in graph units, or -1. */
    int nodeAt(double gx, double gy) {
        for (int i = 0; i < x.length; i++) {
            if (shown[i] && gx >= x[i] && gx <= x[i] + NODE_WIDTH && gy >= y[i] && gy <= y[i] + NODE_HEIGHT) {
                return i;
            }
        }
        return -1;
    }
}
