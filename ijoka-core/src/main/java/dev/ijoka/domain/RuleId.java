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

    @Override
    public String toString() {
        return value;
    }
}
