package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An MCP client as an agent uses it: call a tool, expect an answer or a tool error. */
final class Agent {

    private final McpSyncClient client;

    Agent(McpSyncClient client) {
        this.client = client;
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        if (Boolean.getBoolean("ijoka.test.echo")) { // -Dijoka.test.echo=true shows every exchange on stderr
            System.err.println("> " + tool + " " + arguments + "\n" + text(result) + (result.isError() ? "" : "\n" + result.structuredContent()));
        }
        return result;
    }

    McpSchema.CallToolResult call(String tool, Object... namesAndValues) {
        return call(tool, args(namesAndValues));
    }

    /** The structured content of a successful call. */
    @SuppressWarnings("unchecked")
    Map<String, Object> ok(String tool, Object... namesAndValues) {
        McpSchema.CallToolResult result = call(tool, namesAndValues);
        assertThat(result.isError()).as("%s %s failed: %s", tool, List.of(namesAndValues), text(result)).isFalse();
        assertThat(text(result)).as("%s has a text rendering", tool).isNotBlank();
        return (Map<String, Object>) result.structuredContent();
    }

    /** The text of a tool error, which must start with {@code code}. */
    String error(String code, String tool, Object... namesAndValues) {
        McpSchema.CallToolResult result = call(tool, namesAndValues);
        assertThat(result.isError()).as("%s %s should fail, but answered %s", tool, List.of(namesAndValues),
                text(result)).isTrue();
        assertThat(text(result)).startsWith(code + ": ");
        return text(result);
    }

    static String text(McpSchema.CallToolResult result) {
        StringBuilder out = new StringBuilder();
        for (McpSchema.Content c : result.content()) {
            if (c instanceof McpSchema.TextContent t) {
                out.append(t.text());
            }
        }
        return out.toString();
    }

    static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
