package dev.ijoka.api;

/** A dependency (or parent) would close a cycle; the message names the cycle. */
public final class CycleException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public CycleException(String message) {
        super(message);
    }

    public CycleException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "dependency_cycle";
    }
}
