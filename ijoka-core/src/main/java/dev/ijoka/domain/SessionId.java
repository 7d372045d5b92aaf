package dev.ijoka.domain;

import java.util.Objects;

/** An agent session: Claude Code's {@code session_id}, or an id made for one MCP connection. */
public record SessionId(String value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a session id must not be blank");
        }
        Limits.checkLength("session id", value, Limits.MAX_NAME);
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
