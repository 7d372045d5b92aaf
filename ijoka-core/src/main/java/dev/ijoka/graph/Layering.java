package dev.ijoka.graph;

import java.util.Arrays;

/**
 * Kahn's algorithm over the incomplete nodes and the BLOCKS edges between them, wave by wave.
 * {@code order[0 .. count)} is a topological order (dependencies first) made of consecutive waves,
 * each sorted by index; nodes on or behind a cycle never reach in-degree zero and are not in it.
 */
final class Layering {

    final int[] order;
    final int count;
    /** {@code waveEnds.get(k)} is the end (exclusive) of wave {@code k} in {@link #order}. */
    final IntList waveEnds;

    private Layering(int[] order, int count, IntList waveEnds) {
        this.order = order;
        this.count = count;
        this.waveEnds = waveEnds;
    }

    static Layering of(Csr dependencies, Csr dependents, byte[] status, byte complete) {
        int n = status.length;
        int[] pending = new int[n]; // incomplete dependencies not yet placed in a wave
        int[] order = new int[n];
        int tail = 0;
        int[] dStart = dependencies.start;
        int[] dTarget = dependencies.target;
        for (int v = 0; v < n; v++) {
            if (status[v] == complete) {
                continue;
            }
            int count = 0;
            for (int e = dStart[v], end = dStart[v + 1]; e < end; e++) {
                if (status[dTarget[e]] != complete) {
                    count++;
                }
            }
            pending[v] = count;
            if (count == 0) {
                order[tail++] = v;
            }
        }
        IntList waveEnds = new IntList(16);
        if (tail > 0) {
            waveEnds.add(tail);
        }
        int[] rStart = dependents.start;
        int[] rTarget = dependents.target;
        int head = 0;
        while (head < tail) {
            int waveEnd = tail;
            for (; head < waveEnd; head++) {
                int v = order[head];
                for (int e = rStart[v], end = rStart[v + 1]; e < end; e++) {
                    int u = rTarget[e];
                    if (status[u] != complete && --pending[u] == 0) {
                        order[tail++] = u;
                    }
                }
            }
            if (tail > waveEnd) {
                Arrays.sort(order, waveEnd, tail);
                waveEnds.add(tail);
            }
        }
        return new Layering(order, tail, waveEnds);
    }
}
