package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Session;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /mcp driven by the MCP SDK's own Streamable HTTP client, as an agent on this machine would. */
class McpHttpIT extends ServerTestBase {

    private McpSyncClient connect() {
        var transport = HttpClientStreamableHttpTransport.builder(t.origin()).endpoint("/mcp").build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("http-agent", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    }

    @Test
    void anAgentWorksTheProjectOverHttpAndItsSessionEndsWithTheConnection() {
        McpSyncClient client = connect();
        assertThat(client.listTools().tools()).hasSize(15);
        McpSchema.CallToolResult added = call(client, "ijoka_add_feature", Map.of("description", "Over HTTP", "steps",
                java.util.List.of("works")));
        assertThat(added.isError()).as(added.toString()).isFalse();
        McpSchema.CallToolResult started = call(client, "ijoka_start_feature", Map.of());
        assertThat(started.isError()).as(started.toString()).isFalse();

        Feature f = t.ijoka.features().get(new FeatureRef.Number(t.project.id(), 1));
        assertThat(f.description()).isEqualTo("Over HTTP");
        assertThat(f.claim()).as("claimed by the agent's session").isNotNull();
        Session s = t.ijoka.sessions().get(f.claim().session());
        assertThat(s.agent()).isEqualTo("http-agent");

        McpSchema.CallToolResult unknown = call(client, "ijoka_teleport", Map.of());
        assertThat(unknown.isError()).isTrue();
        McpSchema.CallToolResult bad = call(client, "ijoka_get_feature", Map.of("feature", "#42"));
        assertThat(bad.isError()).isTrue();

        assertThat(client.closeGracefully()).isTrue(); // DELETE /mcp
        Session ended = t.ijoka.sessions().get(s.id());
        assertThat(ended.endedAt()).as("the session ended with the connection").isNotNull();
        assertThat(t.ijoka.features().get(f.id()).claim()).as("its claim released").isNull();
    }

    @Test
    void requestsWithoutASessionOrWithAnUnknownOneAreRefused() {
        HttpResponse<String> noSession = t.send(t.request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build());
        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(noSession.body()).contains("Mcp-Session-Id");
        HttpResponse<String> unknown = t.send(t.request("/mcp").header("Mcp-Session-Id", "nope")
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> garbage = t.send(t.request("/mcp").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(garbage.statusCode()).isEqualTo(400);
    }
}
