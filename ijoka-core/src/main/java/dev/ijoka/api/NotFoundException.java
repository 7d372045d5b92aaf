package dev.ijoka.api;

/** A project, feature, session or rule that does not exist was named. */
public final class NotFoundException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "not_found";
    }
}
