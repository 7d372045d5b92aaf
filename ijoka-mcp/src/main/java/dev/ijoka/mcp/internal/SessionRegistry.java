package dev.ijoka.mcp.internal;

import dev.ijoka.domain.Limits;
import dev.ijoka.domain.SessionId;
import dev.ijoka.mcp.McpOptions;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The live session actors of one server, one per MCP connection (keyed by the transport's session
 * id). An actor is made on the connection's first tool call and lives until the connection ends. The
 * first connection's agent session is {@link McpOptions#sessionId()} when it is given (Claude Code's own
 * session id, which its hooks report too), so one Claude Code session is one Ijoka session.
 */
public final class SessionRegistry {

    /** How long ending a session may wait for the calls queued before it. */
    static final Duration END_TIMEOUT = Duration.ofSeconds(10);
    private static final String FALLBACK_AGENT = "mcp-client";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionRegistry.class);

    private final EngineHandle engine;
    private final McpOptions options;
    private final ProjectResolver resolver;
    private final Map<String, SessionActor> actors = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean givenTaken = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    public SessionRegistry(EngineHandle engine, McpOptions options) {
        this.engine = engine;
        this.options = options;
        this.resolver = new ProjectResolver(options);
        String given = options.sessionId();
        if (given != null) {
            engine.whenOpen(ijoka -> linkParentProcess(ijoka, options.client(), SessionId.of(given)));
        }
    }

    /**
     * Links the process that started the client's process (Claude Code) to the given session, so that a hook of that
     * process that comes with a session id of its own (after {@code /clear}) finds the session this server
     * serves, on the relay and on the direct path alike. Done once the store is open, before any call.
     */
    private static void linkParentProcess(dev.ijoka.Ijoka ijoka, ProcessHandle client, SessionId session) {
        try {
            client.parent().flatMap(SessionId::ofProcess)
                    .ifPresent(parent -> ijoka.sessions().link(parent, session));
        } catch (RuntimeException e) { // hooks then start a session of their own after a /clear: logged, not fatal
            LOG.warn("could not link the client's process to session {}: {}", session, e.toString());
        }
    }

    /** Runs a tool call in its connection's actor and waits for the result: for synchronous servers. */
    public McpSchema.CallToolResult call(ToolDef tool, @Nullable McpSyncServerExchange exchange,
            @Nullable Map<String, Object> arguments) {
        SessionActor actor = actorFor(exchange == null ? null : exchange.sessionId(),
                exchange == null ? null : exchange.getClientInfo());
        if (actor == null) {
            return shuttingDown();
        }
        return actor.call(tool, exchange, arguments);
    }

    /**
     * Queues a tool call in its connection's actor: for asynchronous servers, whose answer is then
     * written from the actor's thread, so a call costs one hand-over between threads.
     */
    public Mono<McpSchema.CallToolResult> submit(ToolDef tool, McpAsyncServerExchange exchange,
            @Nullable Map<String, Object> arguments) {
        SessionActor actor = actorFor(exchange.sessionId(), exchange.getClientInfo());
        if (actor == null) {
            return Mono.just(shuttingDown());
        }
        return Mono.fromFuture(() -> actor.submit(tool, new McpSyncServerExchange(exchange), arguments), true)
                .timeout(options.callTimeout(), Mono.fromSupplier(() -> SessionActor.timedOut(tool, options.callTimeout())));
    }

    private static McpSchema.CallToolResult shuttingDown() {
        return Results.error("shutting_down", "the server is stopping and takes no more calls: reconnect.");
    }

    private @Nullable SessionActor actorFor(@Nullable String sessionId, McpSchema.@Nullable Implementation client) {
        String key = sessionId == null ? "" : sessionId;
        SessionActor existing = actors.get(key);
        if (existing != null || closed) {
            return closed ? null : existing;
        }
        synchronized (this) { // against endAll: no actor may be made after it has looked
            if (closed) {
                return null;
            }
            return actors.computeIfAbsent(key, k -> {
                SessionActor actor = new SessionActor(engine, options, resolver, nextSessionId(), agentName(client));
                actor.start();
                return actor;
            });
        }
    }

    /** The given session id for the first connection, a new one for every other. */
    private SessionId nextSessionId() {
        String given = options.sessionId();
        if (given != null && givenTaken.compareAndSet(false, true)) {
            return SessionId.of(given);
        }
        return SessionId.of("mcp-" + UUID.randomUUID());
    }

    /** The agent's name from the client's {@code clientInfo}, as the engine accepts it. */
    static String agentName(McpSchema.@Nullable Implementation info) {
        String name = info == null || info.name() == null || info.name().isBlank() ? FALLBACK_AGENT : info.name().strip();
        return Views.clip(name, Limits.MAX_NAME);
    }

    /** Ends one connection's session (the transport closed), releasing its claims. */
    public void end(String transportSessionId, String reason) {
        SessionActor actor = actors.get(transportSessionId);
        if (actor != null) {
            actor.end(reason, END_TIMEOUT); // idempotent: a second caller waits for the first
            actors.remove(transportSessionId, actor);
        }
    }

    /** Ends every session and takes no more calls. */
    public void endAll(String reason) {
        synchronized (this) {
            closed = true;
        }
        for (String key : List.copyOf(actors.keySet())) {
            end(key, reason);
        }
    }

    /** The live actors, for tests and diagnostics. */
    public List<SessionActor> actors() {
        return List.copyOf(actors.values());
    }
}
