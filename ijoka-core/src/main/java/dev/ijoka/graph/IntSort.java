package dev.ijoka.graph;

import java.util.function.IntBinaryOperator;

/** A stable merge sort of an int array by a comparator over its values, so ranks need no boxing. */
final class IntSort {

    private IntSort() {}

    /** Sorts {@code a} by {@code compare}, which returns negative, zero or positive like a Comparator. */
    static void sort(int[] a, IntBinaryOperator compare) {
        int n = a.length;
        int[] src = a;
        int[] dst = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = compare.applyAsInt(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }
}
