package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools served by a plain synchronous SDK server on another transport, as the web module will
 * serve them over Streamable HTTP: {@link IjokaMcpTools#specifications()} needs nothing of Ijoka's
 * own stdio server.
 */
class SyncSpecificationsTest {

    @TempDir
    Path project;

    @Test
    void theToolsWorkOnAnyTransportOfTheSdk() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        try (Ijoka ijoka = Ijoka.inMemory();
             IjokaMcpTools tools = IjokaMcpTools.create(ijoka, Harness.options(project).withProjectDirectory(project))) {
            McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
                            Channels.newInputStream(toServer.source()), Channels.newOutputStream(fromServer.sink())))
                    .serverInfo("ijoka", "test")
                    .instructions(IjokaMcpTools.INSTRUCTIONS)
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .validateToolInputs(false)
                    .tools(tools.specifications())
                    .build();
            McpSyncClient client = McpClient.sync(new PipeClientTransport(McpJsonDefaults.getMapper(),
                            Channels.newInputStream(fromServer.source()), Channels.newOutputStream(toServer.sink())))
                    .clientInfo(McpSchema.Implementation.builder("web-agent", "1").build())
                    .requestTimeout(Duration.ofSeconds(20))
                    .build();
            client.initialize();
            Agent agent = new Agent(client);
            agent.ok("ijoka_add_feature", "description", "Schema", "steps", List.of("tables exist"));
            assertThat(Agent.map(agent.ok("ijoka_start_feature").get("feature"))).containsEntry("ref", "#1");
            agent.error("invalid_input", "ijoka_list_features", "limit", "many");
            assertThat(Agent.map(agent.ok("ijoka_status").get("session"))).containsEntry("agent", "web-agent");
            client.close();
            server.close();
        }
    }
}
