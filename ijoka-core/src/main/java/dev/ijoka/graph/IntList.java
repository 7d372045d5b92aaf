package dev.ijoka.graph;

import java.util.Arrays;

/** A growable int array: the stacks and queues of the graph walks, without boxing. */
final class IntList {

    private int[] items;
    private int size;

    IntList(int capacity) {
        items = new int[Math.max(capacity, 4)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int get(int i) {
        return items[i];
    }

    void set(int i, int value) {
        items[i] = value;
    }

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = value;
    }

    int last() {
        return items[size - 1];
    }

    int removeLast() {
        return items[--size];
    }
}
