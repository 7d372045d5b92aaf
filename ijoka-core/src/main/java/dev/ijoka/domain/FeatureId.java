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

    @Override
    public String toString() {
        return value;
    }
}
