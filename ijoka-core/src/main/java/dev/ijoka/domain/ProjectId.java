package dev.ijoka.domain;

import java.util.Objects;

/** The stable id of a project. */
public record ProjectId(String value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a project id must not be blank");
        }
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    // Written out for the reason FeatureId gives.
    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectId id && value.equals(id.value);
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
