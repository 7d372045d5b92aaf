package dev.ijoka.internal.engine;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map made to be brought forward cheaply, for a snapshot's features by id and its indexes:
 * a change replaces or adds a few entries of ten thousand, so a new map shares the last full map and
 * keeps the changed entries in a small map of its own, merged into a new full map only when that grows
 * large. Copying the whole map on every change cost a server about a millisecond per write at 10,000
 * features (docs/benchmarks.md, "MCP on the real stores").
 */
final class LayeredMap<K, V> {

    /** Changed entries kept beside the full map before they are merged into a new one. */
    private static final int MAX_CHANGED = 512;

    private final Map<K, V> full;
    private final Map<K, V> changed;

    private LayeredMap(Map<K, V> full, Map<K, V> changed) {
        this.full = full;
        this.changed = changed;
    }

    /** A map of {@code entries}, which the caller hands over and no longer changes. */
    static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
        return new LayeredMap<>(entries, Map.of());
    }

    @Nullable V get(K key) {
        V v = changed.get(key);
        return v != null ? v : full.get(key);
    }

    V getOrDefault(K key, V otherwise) {
        V v = get(key);
        return v != null ? v : otherwise;
    }

    boolean contains(K key) {
        return changed.containsKey(key) || full.containsKey(key);
    }

    /** This map with {@code replacements} put in (new keys, or keys it holds with their new values). */
    LayeredMap<K, V> with(Map<K, V> replacements) {
        if (replacements.isEmpty()) {
            return this;
        }
        if (changed.size() + replacements.size() > MAX_CHANGED) {
            Map<K, V> merged = new HashMap<>(full);
            merged.putAll(changed);
            merged.putAll(replacements);
            return new LayeredMap<>(merged, Map.of());
        }
        Map<K, V> now = new HashMap<>(changed);
        now.putAll(replacements);
        return new LayeredMap<>(full, now);
    }
}
