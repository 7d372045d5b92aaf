package dev.ijoka.mcp.internal;

import java.util.Map;
import java.util.Objects;

/**
 * What a tool answers when it succeeds: structured content that matches its output schema, and a
 * short text rendering of the same for clients (and models) that read only text.
 */
public record Reply(Map<String, Object> structured, String text) {

    public Reply {
        Objects.requireNonNull(structured, "structured");
        Objects.requireNonNull(text, "text");
    }
}
