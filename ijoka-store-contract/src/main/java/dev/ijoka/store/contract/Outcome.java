package dev.ijoka.store.contract;

import dev.ijoka.api.IjokaException;
import java.util.List;

/**
 * What a command did, in a form the engine and the model can agree on: {@code ok}, {@code ok [1, 3]}
 * when it answers with feature numbers, or the simple name of the error it raised.
 *
 * @param detail the error's message, for a failure report; not compared
 */
record Outcome(String result, String detail) {

    static Outcome ok() {
        return new Outcome("ok", "");
    }

    static Outcome ok(List<Integer> numbers) {
        return new Outcome("ok " + numbers, "");
    }

    static Outcome failed(Class<? extends IjokaException> error, String detail) {
        return new Outcome(error.getSimpleName(), detail);
    }

    boolean succeeded() {
        return result.startsWith("ok");
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? result : result + " (" + detail + ")";
    }
}
