package dev.ijoka.mcp.internal;

/**
 * A refusal the MCP layer itself raises (bad arguments, nothing to work on): it becomes a tool error,
 * never a protocol error. {@link #code()} is a stable name, like {@code IjokaException.code()}.
 */
public final class ToolError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ToolError(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ToolError invalid(String message) {
        return new ToolError("invalid_input", message);
    }
}
