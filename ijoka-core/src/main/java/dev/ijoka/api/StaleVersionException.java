package dev.ijoka.api;

/** A write was based on an old version of the feature; reload it and try again. */
public final class StaleVersionException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message) {
        super(message);
    }

    public StaleVersionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "stale_version";
    }
}
