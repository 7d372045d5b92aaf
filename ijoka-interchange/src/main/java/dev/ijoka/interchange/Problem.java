package dev.ijoka.interchange;

import java.util.Objects;

/**
 * One thing wrong with an imported file.
 *
 * @param where the place in the file, e.g. {@code task 3 (line 17)} or {@code line 7 (bd-a1b2)}
 * @param message what is wrong and what to do about it
 */
public record Problem(String where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
