package dev.ijoka.mcp;

import dev.ijoka.Ijoka;
import dev.ijoka.mcp.internal.EarlyInitialize;
import dev.ijoka.mcp.internal.LazySchemaValidator;
import dev.ijoka.mcp.internal.StdioTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ijoka's MCP server on a pair of streams: {@code ijoka mcp} runs it on stdin and stdout, tests on
 * pipes. The connection is one agent session; it ends, releasing the session's claims, when the input
 * ends or the server is closed.
 *
 * <pre>{@code
 * try (Ijoka ijoka = Ijoka.builder().store(url).build();
 *      IjokaMcpServer server = IjokaMcpServer.stdio(ijoka, in, out, McpOptions.defaults())) {
 *     server.awaitTermination(); // until the client closes the input
 * }
 * }</pre>
 *
 * Nothing but JSON-RPC is written to {@code out}; logs go through SLF4J. Closing the server does not
 * close the engine or the streams.
 */
public final class IjokaMcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IjokaMcpServer.class);
    /** The longest message accepted; longer ones are refused with an error (DESIGN.md §9: sizes are bounded). */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final IjokaMcpTools tools;
    private final StdioTransport transport;
    private final McpAsyncServer server;

    private IjokaMcpServer(IjokaMcpTools tools, StdioTransport transport, McpAsyncServer server) {
        this.tools = tools;
        this.transport = transport;
        this.server = server;
    }

    /** Starts serving at once: a thread reads {@code in} until it ends. */
    public static IjokaMcpServer stdio(Ijoka ijoka, InputStream in, OutputStream out, McpOptions options) {
        EarlyInitialize.Greeting greeting = greeting(options);
        EarlyInitialize early = EarlyInitialize.start(in, out, greeting);
        return serve(IjokaMcpTools.create(ijoka, options), greeting, early, out, options);
    }

    /**
     * Starts serving at once on an engine that may still be opening: the client's {@code initialize}
     * is answered without waiting for the store, and tool calls wait for it (or fail saying why it did
     * not open). This is how {@code ijoka mcp} starts fast: opening SQLite, Flyway and jOOQ takes longer
     * than the MCP handshake.
     */
    public static IjokaMcpServer stdio(CompletionStage<Ijoka> ijoka, InputStream in, OutputStream out,
            McpOptions options) {
        // The handshake is answered before anything else is built: the tools, Jackson's mapper, the SDK's server.
        EarlyInitialize.Greeting greeting = greeting(options);
        EarlyInitialize early = EarlyInitialize.start(in, out, greeting);
        return serve(IjokaMcpTools.create(ijoka, options), greeting, early, out, options);
    }

    /** What {@code initialize} answers; the SDK's server is built with the same values. */
    private static EarlyInitialize.Greeting greeting(McpOptions options) {
        return new EarlyInitialize.Greeting(McpSchema.Implementation.builder("ijoka", options.serverVersion()).build(),
                McpSchema.ServerCapabilities.builder().tools(false).build(), IjokaMcpTools.INSTRUCTIONS,
                StdioTransport.PROTOCOL_VERSIONS);
    }

    private static IjokaMcpServer serve(IjokaMcpTools tools, EarlyInitialize.Greeting greeting, EarlyInitialize early,
            OutputStream out, McpOptions options) {
        Objects.requireNonNull(out, "out");
        // The mapper McpJsonDefaults would find through ServiceLoader (JacksonMcpJsonMapperSupplier's), made directly:
        // that lookup reads every jar of the class path on the way to initialize's answer (docs/benchmarks.md, "Cold start").
        McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
        StdioTransport transport = new StdioTransport(json, early.input(), out,
                params -> tools.screen(params).orElse(null), sessionId -> tools.endSession(sessionId, "disconnected"),
                MAX_MESSAGE_BYTES, early);
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo(greeting.serverInfo())
                .instructions(greeting.instructions())
                .capabilities(greeting.capabilities())
                .jsonMapper(json)
                .jsonSchemaValidator(new LazySchemaValidator())
                .validateToolInputs(false) // the tools check their arguments, with messages an agent can act on
                .requestTimeout(options.clientRequestTimeout())
                .rootsChangeHandler((exchange, roots) -> Mono.fromRunnable(() -> LOG.info(
                        "the client's roots changed; this session keeps the project it started on")))
                .tools(tools.asyncSpecifications())
                .build();
        return new IjokaMcpServer(tools, transport, server);
    }

    /** Blocks until the client has closed the input and the session has ended. */
    public void awaitTermination() throws InterruptedException {
        transport.awaitTermination();
    }

    /** @return whether the connection ended within {@code timeout} */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return transport.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return transport.isOpen();
    }

    /** The tools this server serves. */
    public IjokaMcpTools tools() {
        return tools;
    }

    /** Ends the session (releasing its claims) and stops reading; the streams stay open. */
    @Override
    public void close() {
        tools.close();
        try {
            server.closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP server: {}", e.toString());
        }
        transport.close();
    }
}
