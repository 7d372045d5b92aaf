package dev.ijoka.internal.engine;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot's features by id, immutable, made to be brought forward cheaply: a status change
 * replaces a few features of ten thousand, so a new table shares the last full map and keeps the
 * replaced features in a small map of its own, merged into a new full map only when that grows
 * large. Copying the whole map on every change cost a server about a millisecond per write at
 * 10,000 features (docs/benchmarks.md, "MCP on the real stores").
 */
final class FeatureTable {

    /** Replaced features kept beside the full map before they are merged into a new one. */
    private static final int MAX_CHANGED = 512;

    private final Map<FeatureId, Feature> full;
    private final Map<FeatureId, Feature> changed;

    private FeatureTable(Map<FeatureId, Feature> full, Map<FeatureId, Feature> changed) {
        this.full = full;
        this.changed = changed;
    }

    /** A table of {@code features}, which the caller hands over and no longer changes. */
    static FeatureTable of(Map<FeatureId, Feature> features) {
        return new FeatureTable(features, Map.of());
    }

    @Nullable Feature get(FeatureId id) {
        Feature f = changed.get(id);
        return f != null ? f : full.get(id);
    }

    boolean contains(FeatureId id) {
        return changed.containsKey(id) || full.containsKey(id);
    }

    /** This table with {@code replacements} (features it holds, as they are now). */
    FeatureTable with(Map<FeatureId, Feature> replacements) {
        if (changed.size() + replacements.size() > MAX_CHANGED) {
            Map<FeatureId, Feature> merged = new HashMap<>(full);
            merged.putAll(changed);
            merged.putAll(replacements);
            return new FeatureTable(merged, Map.of());
        }
        Map<FeatureId, Feature> now = new HashMap<>(changed);
        now.putAll(replacements);
        return new FeatureTable(full, now);
    }
}
