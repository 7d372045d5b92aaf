package dev.ijoka.graph;

/** A fixed-size bit set over node indices, as bare {@code long[]}: an eighth of a boolean array, no object. */
final class Bits {

    private Bits() {}

    static long[] of(int size) {
        return new long[(size + 63) >>> 6];
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    static void clear(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }
}
