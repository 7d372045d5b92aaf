package dev.ijoka.domain;

/** Where an item of an agent's own todo list stands, as Claude Code says it. */
public enum TodoStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED;

    /** The lower-case name used on the wire: {@code in_progress}. */
    public String wireName() {
        return WireNames.wire(this);
    }

    /** Reads a wire name such as {@code in_progress}; the error lists the allowed names. */
    public static TodoStatus fromWire(String text) {
        return WireNames.parse(TodoStatus.class, "todo status", text);
    }
}
