package dev.ijoka.domain;

import java.util.Objects;

/** The stable id of a rule. */
public record RuleId(String value) {

    public RuleId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a rule id must not be blank");
        }
    }

    // Written out for the reason FeatureId gives.
    @Override
    public boolean equals(Object other) {
        return other instanceof RuleId id && value.equals(id.value);
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
