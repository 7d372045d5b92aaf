package dev.ijoka.api;

/** An argument was missing, malformed or too large; nothing was changed. */
public final class InvalidInputException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "invalid_input";
    }
}
