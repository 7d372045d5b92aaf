package dev.ijoka.api;

/** The store could not be opened or failed; the message says what to check. */
public final class StoreException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "store_failure";
    }
}
