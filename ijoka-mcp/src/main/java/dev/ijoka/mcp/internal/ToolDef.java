package dev.ijoka.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tool: its name and description, its input and output schemas, and the handler that does the
 * work inside the calling session's actor.
 */
public record ToolDef(String name, String description, Map<String, Object> input, Map<String, Object> output,
        boolean readOnly, Handler handler) {

    /** Does the work of one call; throws {@link ToolError} or an engine exception to refuse. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call);
    }

    public ToolDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(handler, "handler");
    }

    /** The arguments it accepts, in schema order. */
    public List<String> argumentNames() {
        return List.copyOf(properties().keySet());
    }

    @Nullable String argumentDescription(String argument) {
        return properties().get(argument) instanceof Map<?, ?> p && p.get("description") instanceof String d ? d : null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties() {
        return (Map<String, Object>) input.get("properties");
    }

    /** The tool as {@code tools/list} shows it. */
    public McpSchema.Tool tool() {
        McpSchema.Tool.Builder builder = McpSchema.Tool.builder(name, input)
                .description(description)
                .outputSchema(output);
        if (readOnly) {
            builder.annotations(new McpSchema.ToolAnnotations(null, true, null, null, null, null));
        }
        return builder.build();
    }
}
