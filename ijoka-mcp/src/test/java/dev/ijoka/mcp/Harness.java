package dev.ijoka.mcp;

import dev.ijoka.Ijoka;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One in-process MCP server on pipes and the SDK client talking to it, as Claude Code talks to
 * {@code ijoka mcp}. Nothing touches the real stdin or stdout.
 */
final class Harness implements AutoCloseable {

    final IjokaMcpServer server;
    final Agent agent;
    private final McpSyncClient client;

    private Harness(IjokaMcpServer server, McpSyncClient client) {
        this.server = server;
        this.client = client;
        this.agent = new Agent(client);
    }

    /** A server on {@code ijoka} and a client named {@code clientName}, offering {@code root} as its root if given. */
    static Harness start(Ijoka ijoka, McpOptions options, String clientName, @Nullable Path root) {
        try {
            Pipe toServer = Pipe.open();
            Pipe fromServer = Pipe.open();
            IjokaMcpServer server = IjokaMcpServer.stdio(ijoka, Channels.newInputStream(toServer.source()),
                    Channels.newOutputStream(fromServer.sink()), options);
            PipeClientTransport transport = new PipeClientTransport(McpJsonDefaults.getMapper(),
                    Channels.newInputStream(fromServer.source()), Channels.newOutputStream(toServer.sink()));
            McpClient.SyncSpec spec = McpClient.sync(transport)
                    .clientInfo(McpSchema.Implementation.builder(clientName, "1.0.0").build())
                    .requestTimeout(Duration.ofSeconds(20));
            if (root != null) {
                spec.capabilities(McpSchema.ClientCapabilities.builder().roots(true).build())
                        .roots(new McpSchema.Root(root.toUri().toString(), "project"));
            }
            McpSyncClient client = spec.build();
            client.initialize();
            return new Harness(server, client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options for tests: no environment, the given working directory, the given clock. */
    static McpOptions options(Path workingDirectory) {
        return McpOptions.defaults().withEnvironment(Map.of()).withWorkingDirectory(workingDirectory);
    }

    McpSyncClient client() {
        return client;
    }

    /** Closes the client's end, as an agent that quits does: the server sees its input end. */
    void disconnect() throws InterruptedException {
        client.closeGracefully();
        if (!server.awaitTermination(Duration.ofSeconds(10))) {
            throw new AssertionError("the server did not notice the client leaving");
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
