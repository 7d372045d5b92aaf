package dev.ijoka.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tarjan's strongly connected components, iterative so a 100,000-node chain cannot overflow the stack. */
final class Scc {

    /** One strongly connected component of two or more nodes, and one closed path through it. */
    record Tangle(int[] members, int[] cycle) {}

    private Scc() {}

    /**
     * The components of two or more nodes, ordered by their lowest index, members ascending. Self-loops
     * do not make a component non-trivial: they are reported as self edges instead.
     */
    static List<Tangle> tangles(Csr g) {
        int n = g.start.length - 1;
        int[] start = g.start;
        int[] target = g.target;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        Arrays.fill(index, -1);
        long[] onStack = Bits.of(n);
        IntList sccStack = new IntList(64);
        IntList callStack = new IntList(64);
        IntList cursor = new IntList(64);
        int counter = 0;
        int comps = 0;
        int[] compSize = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            index[root] = low[root] = counter++;
            sccStack.add(root);
            Bits.set(onStack, root);
            callStack.add(root);
            cursor.add(start[root]);
            while (!callStack.isEmpty()) {
                int top = callStack.size() - 1;
                int v = callStack.get(top);
                int c = cursor.get(top);
                if (c < start[v + 1]) {
                    cursor.set(top, c + 1);
                    int w = target[c];
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        sccStack.add(w);
                        Bits.set(onStack, w);
                        callStack.add(w);
                        cursor.add(start[w]);
                    } else if (Bits.get(onStack, w) && index[w] < low[v]) {
                        low[v] = index[w];
                    }
                    continue;
                }
                callStack.removeLast();
                cursor.removeLast();
                if (low[v] == index[v]) {
                    int size = 0;
                    int w;
                    do {
                        w = sccStack.removeLast();
                        Bits.clear(onStack, w);
                        comp[w] = comps;
                        size++;
                    } while (w != v);
                    compSize[comps++] = size;
                }
                if (!callStack.isEmpty()) {
                    int parent = callStack.last();
                    if (low[v] < low[parent]) {
                        low[parent] = low[v];
                    }
                }
            }
        }

        // Group members by component in ascending index order, so each list comes out sorted and the
        // components come out ordered by their lowest member.
        int[][] members = new int[comps][];
        int[] filled = new int[comps];
        List<Integer> found = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            int c = comp[v];
            if (compSize[c] < 2) {
                continue;
            }
            if (members[c] == null) {
                members[c] = new int[compSize[c]];
                found.add(c);
            }
            members[c][filled[c]++] = v;
        }
        List<Tangle> result = new ArrayList<>(found.size());
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        for (int c : found) {
            int[] m = members[c];
            result.add(new Tangle(m, shortestCycleThrough(g, m[0], comp, parent)));
        }
        return result;
    }

    /**
     * A shortest closed path {@code from -> ... -> from} inside {@code from}'s component, by BFS. The
     * components are disjoint, so {@code parent} can be shared between calls without clearing it.
     */
    private static int[] shortestCycleThrough(Csr g, int from, int[] comp, int[] parent) {
        IntList queue = new IntList(16);
        queue.add(from);
        parent[from] = from;
        for (int head = 0; head < queue.size(); head++) {
            int v = queue.get(head);
            for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                int w = g.target[e];
                if (w == from && v != from) {
                    IntList back = new IntList(16);
                    back.add(from);
                    for (int x = v; x != from; x = parent[x]) {
                        back.add(x);
                    }
                    back.add(from);
                    int[] path = new int[back.size()];
                    for (int i = 0; i < path.length; i++) {
                        path[i] = back.get(path.length - 1 - i);
                    }
                    return path;
                }
                if (comp[w] == comp[from] && parent[w] == -1) {
                    parent[w] = v;
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("a strongly connected component without a cycle through " + from);
    }
}
