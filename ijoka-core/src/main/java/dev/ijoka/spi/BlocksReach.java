package dev.ijoka.spi;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import java.util.List;

/**
 * What one feature waits for, as the store reads it without the whole plan ({@link StoreReader#blocksReach}): every
 * feature it reaches by following {@code blocks} edges from dependent to dependency, whatever their status (a
 * complete feature may depend on a reopened one), and the {@code blocks} edges out of the feature and out of each of
 * those. Enough to build the part of the dependency graph that the feature's "waits for" walks.
 *
 * @param features the features reached, the feature itself left out; in no particular order
 * @param edges the {@code blocks} edges out of the feature and out of every feature reached; in no particular order
 */
public record BlocksReach(List<Feature> features, List<Dependency> edges) {

    public BlocksReach {
        features = List.copyOf(features);
        edges = List.copyOf(edges);
    }
}
