package dev.ijoka.domain;

import java.util.Objects;

/** One verification step of a feature's checklist. */
public record Step(String text, boolean done) {

    public Step {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a step needs text");
        }
        Limits.checkLength("step text", text, Limits.MAX_STEP);
    }

    public static Step todo(String text) {
        return new Step(text, false);
    }

    public Step withDone(boolean done) {
        return new Step(text, done);
    }
}
