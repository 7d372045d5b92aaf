package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.interchange.Exporter;
import dev.ijoka.interchange.Format;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shape per concept: a feature read through the web API, the Ijoka JSON export and the MCP tools
 * has the same fields under the same names with the same values. The MCP face only leaves out what
 * an agent's budget cannot afford and adds what only an agent asks ({@code yours}).
 */
class OneShapeIT extends ServerTestBase {

    /** What the MCP face has that the others do not: whether the caller holds the claim, and a cut-details flag. */
    private static final Set<String> MCP_ONLY = Set.of("yours", "detailsTruncated");

    @Test
    void theApiTheExportAndTheMcpToolsShowAFeatureInOneShape() throws Exception {
        Feature epic = t.ijoka.features().create(t.project.id(), NewFeature.of("Accounts", Category.FUNCTIONAL));
        Feature schema = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE));
        Feature login = t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.SECURITY)
                .withDetails("Email and password").withPriority(3).withSteps("form", "session")
                .withParent(epic.id()));
        t.ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.features().checkStep(login.id(), 0, true, null);

        McpSyncClient agent = connect();
        try {
            call(agent, "ijoka_start_feature", Map.of("feature", "#2"));
            JsonNode mcpLogin = TestServer.JSON.valueToTree(call(agent, "ijoka_get_feature", Map.of("feature", "#3")).get("feature"));
            JsonNode mcpSchema = TestServer.JSON.valueToTree(call(agent, "ijoka_get_feature", Map.of("feature", "#2")).get("feature"));
            JsonNode mcpRows = TestServer.JSON.valueToTree(call(agent, "ijoka_list_features", Map.of()).get("features"));
            JsonNode mcpStatus = TestServer.JSON.valueToTree(call(agent, "ijoka_status", Map.of()));

            JsonNode apiLogin = api("/features/%233");
            JsonNode apiSchema = api("/features/%232");
            assertSameNamesAndValues(mcpLogin, apiLogin, "#3");
            assertSameNamesAndValues(mcpSchema, apiSchema, "#2");
            assertThat(mcpSchema.get("claim").get("yours").asBoolean()).isTrue();
            assertThat(apiLogin.get("parent").asString()).isEqualTo("#1");

            JsonNode summaries = api("/features").get("items");
            for (int i = 0; i < mcpRows.size(); i++) {
                assertThat(names(summaries.get(i))).as("a list row's names are the summary's")
                        .containsAll(names(mcpRows.get(i)));
            }
            JsonNode progress = api("/status").get("progress");
            assertThat(names(progress)).containsAll(names(mcpStatus.get("counts")));
            assertThat(progress.get("percentComplete").asInt()).isEqualTo(mcpStatus.get("percentComplete").asInt());

            JsonNode exported = export().get("features");
            for (JsonNode api : List.of(apiLogin, apiSchema)) {
                ObjectNode feature = (ObjectNode) api.deepCopy();
                feature.remove(List.of("dependsOn", "dependents", "events", "agentTodos")); // what the API adds beside the feature
                ObjectNode inExport = (ObjectNode) exported.get(api.get("number").asInt() - 1).deepCopy();
                inExport.remove("dependencies");
                assertThat(inExport).as("the export's %s is the API's", api.get("ref")).isEqualTo(feature);
            }
        } finally {
            agent.closeGracefully();
        }
    }

    /** Every field the MCP face shows is in the API's view under the same name, with the same value. */
    private static void assertSameNamesAndValues(JsonNode mcp, JsonNode api, String ref) {
        for (String name : names(mcp)) {
            if (MCP_ONLY.contains(name)) {
                continue;
            }
            assertThat(api.has(name)).as("%s: the API has the MCP's '%s'", ref, name).isTrue();
            JsonNode m = mcp.get(name);
            JsonNode a = api.get(name);
            if (m.isValueNode()) {
                assertThat(m).as("%s.%s", ref, name).isEqualTo(a);
            } else if (m.isObject()) {
                for (String inner : names(m)) {
                    if (!MCP_ONLY.contains(inner)) {
                        assertThat(m.get(inner)).as("%s.%s.%s", ref, name, inner).isEqualTo(a.get(inner));
                    }
                }
            } else {
                assertThat(m.size()).as("%s.%s", ref, name).isEqualTo(a.size());
                for (int i = 0; i < m.size(); i++) {
                    assertThat(names(a.get(i))).as("%s.%s[%d]", ref, name, i).containsAll(names(m.get(i)));
                }
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        return new HashSet<>(object.propertyNames());
    }

    private JsonNode api(String path) {
        return TestServer.JSON.readTree(t.get(t.api(path)).body());
    }

    private JsonNode export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(t.ijoka).export(t.project.id(), Format.JSON, out);
        return TestServer.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private McpSyncClient connect() {
        var transport = HttpClientStreamableHttpTransport.builder(t.origin()).endpoint("/mcp").build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("shape-agent", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
        assertThat(result.isError()).as("%s: %s", tool, result).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

}
