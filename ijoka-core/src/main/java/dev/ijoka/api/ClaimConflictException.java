package dev.ijoka.api;

/** Another live session holds the feature's claim; the message names the holder and when its lease ends. */
public final class ClaimConflictException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public ClaimConflictException(String message) {
        super(message);
    }

    public ClaimConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "claim_conflict";
    }
}
