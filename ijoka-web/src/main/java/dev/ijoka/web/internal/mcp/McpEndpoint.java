package dev.ijoka.web.internal.mcp;

import dev.ijoka.Ijoka;
import dev.ijoka.mcp.IjokaMcpTools;
import dev.ijoka.mcp.McpOptions;
import dev.ijoka.web.internal.http.ErrorMapping;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code /mcp}: Ijoka's MCP tools (the same as {@code ijoka mcp} serves on stdio) over Streamable
 * HTTP. Each MCP session is one agent session in the engine; it ends when the client deletes it, when
 * it has been idle for {@link #IDLE}, or when the server stops, and its claims are released then.
 */
public final class McpEndpoint implements HttpHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);
    /** A session no request has named for this long has lost its client: ended, as stdio's end of input would. */
    static final Duration IDLE = Duration.ofHours(1);

    private final Executor executor;
    private final IjokaMcpTools tools;
    private final StreamableTransport transport;
    private final McpAsyncServer server;
    private final ScheduledExecutorService sweeper;

    /**
     * @param projectDirectory the project when the client names no root; else the server's working directory
     */
    public McpEndpoint(Ijoka ijoka, String version, @Nullable Path projectDirectory, Executor executor) {
        this.executor = executor;
        McpOptions options = McpOptions.defaults()
                .withEnvironment(Map.of()) // the server's own environment says nothing about a remote client's project
                .withWorkingDirectory(projectDirectory != null ? projectDirectory : Path.of("").toAbsolutePath());
        this.tools = IjokaMcpTools.create(ijoka, options);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        this.transport = new StreamableTransport(json, tools::screen, tools::endSession, options.callTimeout());
        this.server = McpServer.async(transport)
                .serverInfo("ijoka", version)
                .instructions(IjokaMcpTools.INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .validateToolInputs(false) // the tools check their arguments, with messages an agent can act on
                .requestTimeout(options.clientRequestTimeout())
                .rootsChangeHandler((exchange, roots) -> Mono.fromRunnable(() -> LOG.info(
                        "an MCP client's roots changed; its session keeps the project it started on")))
                .tools(tools.asyncSpecifications())
                .build();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ijoka-mcp-idle").factory());
        sweeper.scheduleWithFixedDelay(() -> transport.endIdle(IDLE), 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, this);
            return;
        }
        exchange.startBlocking();
        try {
            if (exchange.getRequestMethod().equals(Methods.POST)) {
                transport.post(exchange);
            } else if (exchange.getRequestMethod().equals(Methods.GET)) {
                transport.get(exchange);
            } else if (exchange.getRequestMethod().equals(Methods.DELETE)) {
                transport.delete(exchange);
            } else {
                Exchanges.sendError(exchange, new HttpError(405, "method_not_allowed",
                        "/mcp takes POST (messages), GET (the event stream) and DELETE (end the session)"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.endExchange();
        } catch (RuntimeException e) {
            Exchanges.sendError(exchange, ErrorMapping.of(e));
        }
    }

    /** Sessions open now: for tests and diagnostics. */
    public int openSessions() {
        return transport.openSessions();
    }

    /** Ends every session (releasing the agents' claims). */
    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            server.closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP server: {}", e.toString());
        }
        tools.close();
    }
}
