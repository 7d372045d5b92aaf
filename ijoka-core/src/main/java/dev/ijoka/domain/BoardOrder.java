package dev.ijoka.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which a Kanban column shows its features: done work most recently completed first (what a
 * person looks for there), every other status highest priority first; then lowest number. Defined once so
 * that a store's query ({@code StoreReader.featuresInBoardOrder}), the in-memory default and the boards that
 * sort what they hold agree.
 */
public final class BoardOrder {

    private static final Comparator<Feature> BY_PRIORITY = Comparator.comparingInt(Feature::priority).reversed()
            .thenComparingInt(Feature::number);
    private static final Comparator<Feature> RECENTLY_COMPLETED = Comparator
            .comparing((Feature f) -> f.completedAt() == null ? Instant.EPOCH : f.completedAt()).reversed()
            .thenComparingInt(Feature::number);

    private BoardOrder() {}

    /** The order of the column of features in {@code status}. */
    public static Comparator<Feature> of(Status status) {
        return status == Status.COMPLETE ? RECENTLY_COMPLETED : BY_PRIORITY;
    }
}
