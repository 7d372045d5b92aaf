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

    @Override
    public String toString() {
        return value;
    }
}
