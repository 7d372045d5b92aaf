package dev.ijoka.domain;

/** Where a feature stands. The transitions between them live in {@code FeatureStateMachine}. */
public enum Status {
    PENDING,
    IN_PROGRESS,
    BLOCKED,
    COMPLETE;

    /** The lower-case name used on the wire and in files: {@code in_progress}. */
    public String wireName() {
        return WireNames.wire(this);
    }

    /** Reads a wire name such as {@code in_progress}; the error lists the allowed names. */
    public static Status fromWire(String text) {
        return WireNames.parse(Status.class, "status", text);
    }

    public boolean isComplete() {
        return this == COMPLETE;
    }
}
