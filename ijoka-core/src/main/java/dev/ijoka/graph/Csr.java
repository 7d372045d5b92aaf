package dev.ijoka.graph;

import java.util.Arrays;

/**
 * One direction of one edge kind in compressed sparse row form: the neighbours of node {@code v} are
 * {@code target[start[v]] .. target[start[v + 1] - 1]}, in ascending index order.
 */
final class Csr {

    final int[] start;
    final int[] target;

    private Csr(int[] start, int[] target) {
        this.start = start;
        this.target = target;
    }

    /** From distinct keys {@code from << 32 | to}, sorted ascending (so each row comes out sorted too). */
    static Csr fromSortedKeys(long[] keys, int count, int nodes) {
        int[] start = new int[nodes + 1];
        int[] target = new int[count];
        for (int i = 0; i < count; i++) {
            start[(int) (keys[i] >>> 32) + 1]++;
            target[i] = (int) keys[i];
        }
        for (int v = 0; v < nodes; v++) {
            start[v + 1] += start[v];
        }
        return new Csr(start, target);
    }

    /** The same edges reversed. A counting sort: scanning sources in ascending order keeps every row sorted. */
    Csr transpose() {
        int nodes = start.length - 1;
        int[] tStart = new int[nodes + 1];
        for (int t : target) {
            tStart[t + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            tStart[v + 1] += tStart[v];
        }
        int[] fill = new int[nodes];
        System.arraycopy(tStart, 0, fill, 0, nodes);
        int[] tTarget = new int[target.length];
        for (int v = 0; v < nodes; v++) {
            for (int e = start[v], end = start[v + 1]; e < end; e++) {
                tTarget[fill[target[e]]++] = v;
            }
        }
        return new Csr(tStart, tTarget);
    }

    int edgeCount() {
        return target.length;
    }

    boolean hasEdge(int from, int to) {
        return Arrays.binarySearch(target, start[from], start[from + 1], to) >= 0;
    }
}
