package dev.ijoka.graph;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A random graph for property tests, kept as plain arrays indexed by generation order (not by rank) so
 * the brute-force oracles below share nothing with the code under test.
 */
record RandomGraph(
        FeatureId[] ids, int[] numbers, int[] priorities, Status[] statuses, List<int[]> edges, int a, int b) {

    static final int RELATED = 1;

    /** Acyclic: every edge goes from a higher generation index to a lower one. */
    static Gen<RandomGraph> dags(int minNodes, int maxNodes) {
        return in -> generate(in, minNodes, maxNodes, true);
    }

    /** Anything: cycles, self edges and duplicates included. */
    static Gen<RandomGraph> anyGraphs(int minNodes, int maxNodes) {
        return in -> generate(in, minNodes, maxNodes, false);
    }

    private static RandomGraph generate(RandomnessSource in, int minNodes, int maxNodes, boolean acyclic) {
        int n = (int) in.next(Constraint.between(minNodes, maxNodes));
        // Density in percent; arbitrary graphs get sparser edges so that not everything is one big tangle.
        int density = (int) in.next(Constraint.between(0, acyclic ? 40 : 12));
        int[] idOrder = permutation(in, n);
        FeatureId[] ids = new FeatureId[n];
        int[] numbers = new int[n];
        int[] priorities = new int[n];
        Status[] statuses = new Status[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new FeatureId(String.format("f%02d", idOrder[i]));
            // Small ranges on purpose: ties in priority and even in number exercise every tie-break.
            numbers[i] = (int) in.next(Constraint.between(1, Math.max(1, n)).withShrinkPoint(1));
            priorities[i] = (int) in.next(Constraint.between(-2, 2).withShrinkPoint(0));
            statuses[i] = Status.values()[(int) in.next(Constraint.between(0, 3))];
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < (acyclic ? i : n); j++) {
                if (in.next(Constraint.between(0, 99)) < density) {
                    int kind = in.next(Constraint.between(0, 4)) == 0 ? RELATED : 0;
                    edges.add(new int[] {i, j, kind});
                    if (in.next(Constraint.between(0, 19)) == 0) {
                        edges.add(new int[] {i, j, kind});
                    }
                }
            }
        }
        int a = n == 0 ? -1 : (int) in.next(Constraint.between(0, n - 1));
        int b = n == 0 ? -1 : (int) in.next(Constraint.between(0, n - 1));
        return new RandomGraph(ids, numbers, priorities, statuses, edges, a, b);
    }

    private static int[] permutation(RandomnessSource in, int n) {
        int[] p = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = (int) in.next(Constraint.between(0, i));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    int n() {
        return ids.length;
    }

    DependencyGraph graph() {
        DependencyGraph.Builder builder = DependencyGraph.builder();
        // Edges first for half of the graphs: the builder must accept them in any order.
        if (n() % 2 == 0) {
            addEdges(builder);
        }
        for (int i = 0; i < n(); i++) {
            builder.node(ids[i], numbers[i], priorities[i], statuses[i]);
        }
        if (n() % 2 != 0) {
            addEdges(builder);
        }
        return builder.build();
    }

    private void addEdges(DependencyGraph.Builder builder) {
        for (int[] e : edges) {
            builder.edge(ids[e[0]], ids[e[1]], e[2] == RELATED ? DependencyKind.RELATED : DependencyKind.BLOCKS);
        }
    }

    boolean complete(int i) {
        return statuses[i] == Status.COMPLETE;
    }

    /** {@code m[i][j]}: i depends on j over a BLOCKS edge. */
    boolean[][] blocks() {
        boolean[][] m = new boolean[n()][n()];
        for (int[] e : edges) {
            if (e[2] != RELATED) {
                m[e[0]][e[1]] = true;
            }
        }
        return m;
    }

    /** {@code r[i][j]}: a path of one or more edges of {@code m} leads from i to j (Floyd-Warshall). */
    static boolean[][] closure(boolean[][] m) {
        int n = m.length;
        boolean[][] r = new boolean[n][];
        for (int i = 0; i < n; i++) {
            r[i] = m[i].clone();
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (r[i][k]) {
                    for (int j = 0; j < n; j++) {
                        r[i][j] |= r[k][j];
                    }
                }
            }
        }
        return r;
    }

    /** The BLOCKS edges whose both ends are incomplete. */
    boolean[][] incompleteBlocks() {
        boolean[][] m = blocks();
        for (int i = 0; i < n(); i++) {
            for (int j = 0; j < n(); j++) {
                m[i][j] &= !complete(i) && !complete(j);
            }
        }
        return m;
    }

    /** Rank order of generation indices: priority desc, number asc, id asc. */
    Comparator<Integer> byRank() {
        return Comparator.<Integer>comparingInt(i -> -priorities[i])
                .thenComparingInt(i -> numbers[i])
                .thenComparing(i -> ids[i]);
    }

    List<FeatureId> toIds(List<Integer> indices) {
        return indices.stream().map(i -> ids[i]).toList();
    }

    int indexOf(FeatureId id) {
        for (int i = 0; i < n(); i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no such id " + id);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RandomGraph[");
        for (int i = 0; i < n(); i++) {
            s.append(ids[i]).append("(#").append(numbers[i]).append(" p").append(priorities[i]).append(' ')
                    .append(statuses[i]).append(") ");
        }
        for (int[] e : edges) {
            s.append(ids[e[0]]).append(e[2] == RELATED ? "~>" : "->").append(ids[e[1]]).append(' ');
        }
        if (a >= 0) {
            s.append("a=").append(ids[a]).append(" b=").append(ids[b]);
        }
        return s.append(']').toString();
    }
}
