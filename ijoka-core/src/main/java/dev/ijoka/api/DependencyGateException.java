package dev.ijoka.api;

/** A start was refused because `blocks` dependencies are not complete; the message lists them. */
public final class DependencyGateException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public DependencyGateException(String message) {
        super(message);
    }

    public DependencyGateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "dependencies_incomplete";
    }
}
