package dev.ijoka.api;

/** A command is not allowed in the feature's current state; the message names the state and what is allowed. */
public final class IllegalTransitionException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }

    public IllegalTransitionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "illegal_transition";
    }
}
