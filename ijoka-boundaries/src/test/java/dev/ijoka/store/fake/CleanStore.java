package dev.ijoka.store.fake;

/** A store that keeps to itself. */
public class CleanStore {
    java.util.List<String> rows = java.util.List.of();
}
