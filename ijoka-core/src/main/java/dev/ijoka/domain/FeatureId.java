package dev.ijoka.domain;

import java.util.Objects;

/**
 * The stable, globally unique id of a feature (a UUIDv7 string). People and agents usually say
 * {@code #12} instead: see {@link FeatureRef}.
 */
public record FeatureId(String value) implements FeatureRef, Comparable<FeatureId> {

    public FeatureId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a feature id must not be blank");
        }
    }

    public static FeatureId of(String value) {
        return new FeatureId(value);
    }

    @Override
    public int compareTo(FeatureId other) {
        return value.compareTo(other.value);
    }

    // equals and hashCode written out rather than left to the record: the record's are bound at their first call
    // through an invokedynamic bootstrap (ObjectMethods) that no start-up cache keeps, ~10-20 ms of a cold command or
    // hook, and ids are compared and hashed on every path (docs/benchmarks.md, "Id records").
    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
