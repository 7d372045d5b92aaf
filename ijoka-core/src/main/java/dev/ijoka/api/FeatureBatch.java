package dev.ijoka.api;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Many features and the dependencies among them (and on features that exist), created by
 * {@link Features#createAll} in one transaction with one cycle check: all or nothing. This is what
 * imports use; creating features one by one would take a transaction, and rebuild the cycle check,
 * per feature and per edge.
 *
 * <pre>{@code
 * FeatureBatch batch = new FeatureBatch(
 *         List.of(FeatureBatch.Entry.pending(NewFeature.of("Schema", Category.INFRASTRUCTURE)),
 *                 FeatureBatch.Entry.pending(NewFeature.of("Login", Category.FUNCTIONAL))),
 *         List.of(new FeatureBatch.Edge(FeatureBatch.Target.entry(1), FeatureBatch.Target.entry(0), DependencyKind.BLOCKS)));
 * ijoka.features().createAll(project.id(), batch, FeatureBatch.Progress.NONE);
 * }</pre>
 *
 * @param entries the features to create, numbered in this order
 * @param edges dependencies to add; an edge that exists with the same kind is left as it is
 */
public record FeatureBatch(List<Entry> entries, List<Edge> edges) {

    public FeatureBatch {
        entries = List.copyOf(entries);
        edges = List.copyOf(edges);
        for (Entry e : entries) {
            checkTarget(e.parent(), entries.size(), "a parent");
        }
        for (Edge e : edges) {
            checkTarget(e.dependent(), entries.size(), "an edge");
            checkTarget(e.dependency(), entries.size(), "an edge");
        }
    }

    private static void checkTarget(@Nullable Target target, int size, String what) {
        if (target instanceof Target.Entry(int index) && index >= size) {
            throw new InvalidInputException(what + " names entry " + index + " but the batch has " + size
                    + " entries (numbered from 0)");
        }
    }

    /** Names a feature of the batch: one of its entries, by position, or a feature that exists. */
    public sealed interface Target {

        /** The entry at {@code index} (0-based) of the batch. */
        record Entry(int index) implements Target {
            public Entry {
                if (index < 0) {
                    throw new InvalidInputException("an entry index must not be negative, got " + index);
                }
            }
        }

        /** A feature of the project that exists already. */
        record Existing(FeatureRef feature) implements Target {
            public Existing {
                Objects.requireNonNull(feature, "feature");
            }
        }

        static Target entry(int index) {
            return new Entry(index);
        }

        static Target existing(FeatureRef feature) {
            return new Existing(feature);
        }
    }

    /**
     * A feature to create, directly in {@code status}: an import keeps the state its file records
     * (a complete feature is created complete, with no start or complete events and no notification).
     *
     * @param feature what to create; its {@link NewFeature#parent() parent} must be null: use {@code parent}
     * @param blockReason required exactly when {@code status} is {@link Status#BLOCKED}
     * @param parent the parent feature, an entry of this batch or an existing feature
     */
    public record Entry(NewFeature feature, Status status, @Nullable String blockReason, @Nullable Target parent) {

        public Entry {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(status, "status");
            if (feature.parent() != null) {
                throw new InvalidInputException("a batch entry names its parent through Entry.parent, not NewFeature.parent");
            }
            if (status == Status.BLOCKED) {
                if (blockReason == null || blockReason.isBlank()) {
                    throw new InvalidInputException("a blocked entry needs a block reason: say what it waits for");
                }
                try {
                    blockReason = Limits.checkLength("reason", blockReason.strip(), Limits.MAX_REASON);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage(), e);
                }
            } else if (blockReason != null) {
                throw new InvalidInputException("only a blocked entry has a block reason; this one is " + status.wireName());
            }
        }

        /** A pending feature without a parent. */
        public static Entry pending(NewFeature feature) {
            return new Entry(feature, Status.PENDING, null, null);
        }
    }

    /** {@code dependent} depends on {@code dependency}. */
    public record Edge(Target dependent, Target dependency, DependencyKind kind) {
        public Edge {
            Objects.requireNonNull(dependent, "dependent");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * What {@link Features#createAll} did.
     *
     * @param created the new features, in entry order
     * @param added the edges that were added (or changed kind)
     * @param unchanged edges of the batch that existed already with the same kind
     */
    public record Result(List<Feature> created, List<Dependency> added, int unchanged) {
        public Result {
            created = List.copyOf(created);
            added = List.copyOf(added);
        }
    }

    /** Told how far the write has got: called from the writing thread, so keep it short. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> { };

        /** {@code done} of {@code total} features and edges have been written. */
        void written(int done, int total);
    }
}
