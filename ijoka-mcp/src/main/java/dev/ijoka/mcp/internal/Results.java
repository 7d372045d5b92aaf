package dev.ijoka.mcp.internal;

import dev.ijoka.api.IjokaException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a handler did into a {@code tools/call} result: a success with structured content and
 * text, or a tool error ({@code isError: true}) whose text starts with a stable code and says what to
 * do next. Nothing a request does escapes as a protocol error or takes the server down.
 */
public final class Results {

    private static final Logger LOG = LoggerFactory.getLogger(Results.class);

    private Results() {}

    static McpSchema.CallToolResult success(Reply reply) {
        return McpSchema.CallToolResult.builder()
                .structuredContent(reply.structured())
                .addTextContent(reply.text())
                .isError(false)
                .build();
    }

    /** A tool error: {@code code: message}. */
    public static McpSchema.CallToolResult error(String code, String message) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(McpSchema.TextContent.builder(code + ": " + message).build()))
                .isError(true)
                .build();
    }

    /** The tool error for anything a handler threw. */
    static McpSchema.CallToolResult failure(String tool, Throwable t) {
        return switch (t) {
            case ToolError e -> error(e.code(), e.getMessage());
            case IjokaException e -> error(e.code(), e.getMessage() + hint(e.code()));
            case IllegalArgumentException e -> error("invalid_input",
                    e.getMessage() == null ? "an argument is not valid: check them against the tool's schema" : e.getMessage());
            default -> {
                LOG.error("{} failed unexpectedly", tool, t);
                yield error("internal_error", tool + " failed inside the server (" + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "). Nothing is lost; the server is"
                        + " still running. Try again, and report it if it repeats.");
            }
        };
    }

    /** Where the engine's message speaks of its own API, what to call over MCP instead. */
    private static String hint(String code) {
        return switch (code) {
            case "not_found" -> " (ijoka_list_features lists them.)";
            case "claim_conflict", "dependencies_incomplete" -> " (ijoka_next_feature finds one you can start.)";
            case "stale_version" -> " (ijoka_get_feature shows the current version.)";
            case "store_failure" -> " Try again; if it persists, run `ijoka doctor`.";
            default -> "";
        };
    }
}
