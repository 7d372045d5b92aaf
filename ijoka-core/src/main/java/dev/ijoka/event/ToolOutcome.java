package dev.ijoka.event;

import java.util.Locale;

/**
 * How a tool use ended, as the agent's hooks report it. {@link #UNKNOWN} is kept apart from success: a
 * response the hook could not read says nothing about whether the tool worked.
 */
public enum ToolOutcome {
    SUCCEEDED,
    FAILED,
    UNKNOWN;

    public static ToolOutcome of(boolean success) {
        return success ? SUCCEEDED : FAILED;
    }

    /** The lower-case name shown on the wire: {@code succeeded}, {@code failed}, {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
