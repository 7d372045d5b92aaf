package dev.ijoka.domain;

import java.util.Objects;

/**
 * A way to name a feature: its {@link FeatureId}, or its per-project number ({@code #12}).
 * Every command that takes a feature takes a {@code FeatureRef}.
 */
public sealed interface FeatureRef permits FeatureId, FeatureRef.Number {

    /** A feature named by its number within a project. */
    record Number(ProjectId project, int number) implements FeatureRef {
        public Number {
            Objects.requireNonNull(project, "project");
            if (number < 1) {
                throw new IllegalArgumentException("feature numbers start at 1, got " + number);
            }
        }

        @Override
        public String toString() {
            return "#" + number;
        }
    }

    /**
     * Reads what a person or an agent typed: {@code #12}, {@code 12} or a feature id.
     *
     * @throws IllegalArgumentException if the text is blank or a malformed number
     */
    static FeatureRef parse(ProjectId project, String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a feature reference must not be blank: give #number or an id");
        }
        String digits = t.startsWith("#") ? t.substring(1) : t;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            try {
                return new Number(project, Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("feature number " + t + " is too large", e);
            }
        }
        if (t.startsWith("#")) {
            throw new IllegalArgumentException("'" + t + "' is not a feature number: write #12");
        }
        return new FeatureId(t);
    }
}
