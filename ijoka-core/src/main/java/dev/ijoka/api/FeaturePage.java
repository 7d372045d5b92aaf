package dev.ijoka.api;

import dev.ijoka.domain.Feature;
import java.util.List;

/**
 * One page of a list of features and how many the whole list holds, so that a caller showing twenty of
 * 100,000 needs neither the other 99,980 nor a second question for the count.
 *
 * @param features the page, in the list's order
 * @param total how many features the whole list holds
 */
public record FeaturePage(List<Feature> features, int total) {

    public FeaturePage {
        features = List.copyOf(features);
        if (total < features.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the page's " + features.size());
        }
    }
}
