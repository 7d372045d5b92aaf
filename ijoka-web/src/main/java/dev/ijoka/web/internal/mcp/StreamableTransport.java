package dev.ijoka.web.internal.mcp;

import dev.ijoka.web.internal.http.Exchanges;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's Streamable HTTP transport (protocol 2025-03-26 and later) on undertow-core, for the MCP SDK's
 * server: the SDK ships it only as a servlet, and undertow-servlet is not served in the versions that
 * match (DESIGN.md §10). One endpoint:
 * <ul>
 *   <li>POST a JSON-RPC message. {@code initialize} opens a session (its id comes back in
 *       {@code Mcp-Session-Id}, which every later request carries) and is answered as JSON; other
 *       requests are answered as an SSE stream that carries the response (and anything the server
 *       asks the client on the way); notifications and responses get 202.</li>
 *   <li>GET opens the session's listening stream (SSE) for what the server sends unasked.</li>
 *   <li>DELETE ends the session: the agent session's claims are released.</li>
 * </ul>
 * Every handler method runs on a request's own virtual thread in blocking mode.
 */
final class StreamableTransport implements McpStreamableServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StreamableTransport.class);
    /** The longest message accepted, as on stdio (DESIGN.md §9: sizes are bounded). */
    static final int MAX_MESSAGE_BYTES = 1 << 20;
    static final Duration PING = Duration.ofSeconds(15);

    private final McpJsonMapper json;
    private final Function<@Nullable Object, Optional<McpSchema.CallToolResult>> screen;
    private final BiConsumer<String, String> onSessionEnd;
    private final Duration callTimeout;
    private final Map<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.@Nullable Factory factory;
    private volatile boolean closing;

    /**
     * @param screen answers a {@code tools/call} the tools would refuse anyway (unknown tool, arguments not
     *     an object) with a tool error instead of a protocol error
     * @param onSessionEnd told the session id and why when a session ends
     */
    StreamableTransport(McpJsonMapper json, Function<@Nullable Object, Optional<McpSchema.CallToolResult>> screen,
            BiConsumer<String, String> onSessionEnd, Duration callTimeout) {
        this.json = json;
        this.screen = screen;
        this.onSessionEnd = onSessionEnd;
        this.callTimeout = callTimeout;
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.factory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, @Nullable Object params) {
        return Mono.fromRunnable(() -> sessions.values().forEach(s -> s.sendNotification(method, params)
                .subscribe(null, e -> LOG.debug("notifying session {}: {}", s.getId(), e.toString()))));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            for (String id : List.copyOf(sessions.keySet())) {
                end(id, "server stopped");
            }
        });
    }

    int openSessions() {
        return sessions.size();
    }

    /** Ends the sessions no request has named for longer than {@code idle}: their clients are gone. */
    void endIdle(Duration idle) {
        Instant limit = Instant.now().minus(idle);
        lastSeen.forEach((id, seen) -> {
            if (seen.isBefore(limit)) {
                LOG.info("ending MCP session {}: idle since {}", id, seen);
                end(id, "idle");
            }
        });
    }

    private void end(String id, String reason) {
        McpStreamableServerSession s = sessions.remove(id);
        lastSeen.remove(id);
        if (s == null) {
            return;
        }
        try {
            s.closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing MCP session {}: {}", id, e.toString());
        }
        onSessionEnd.accept(id, reason);
    }

    void post(HttpServerExchange exchange) throws InterruptedException {
        if (refuseWhileClosing(exchange)) {
            return;
        }
        String body = body(exchange);
        if (body == null) {
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IOException | RuntimeException e) {
            error(exchange, 400, null, McpSchema.ErrorCodes.PARSE_ERROR, "the body is not a JSON-RPC 2.0 message ("
                    + e.getMessage() + "): POST one JSON-RPC message as application/json");
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(exchange, request);
            return;
        }
        McpStreamableServerSession session = session(exchange);
        if (session == null) {
            return;
        }
        switch (message) {
            case McpSchema.JSONRPCResponse response -> {
                try {
                    session.accept(response).block(callTimeout);
                } catch (McpError e) { // the SDK refuses a response to a request the server never sent
                    error(exchange, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST, "the server asked nothing with id "
                            + response.id() + ": POST a response only to a request the server sent on this session");
                    return;
                }
                accepted(exchange);
            }
            case McpSchema.JSONRPCNotification notification -> {
                session.accept(notification).block(callTimeout);
                accepted(exchange);
            }
            case McpSchema.JSONRPCRequest request -> answer(exchange, session, request);
            default -> error(exchange, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "not a JSON-RPC request, notification or response");
        }
    }

    private void initialize(HttpServerExchange exchange, McpSchema.JSONRPCRequest request) {
        McpStreamableServerSession.Factory f = factory;
        if (f == null) {
            error(exchange, 503, request.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "the MCP server is starting: retry");
            return;
        }
        McpSchema.InitializeRequest init = request.params() instanceof Map<?, ?> params
                ? convert(params) : null;
        if (init == null) {
            error(exchange, 400, request.id(), McpSchema.ErrorCodes.INVALID_PARAMS, "initialize needs params {\"protocolVersion\":"
                    + " ..., \"capabilities\": {...}, \"clientInfo\": {\"name\": ..., \"version\": ...}}");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = f.startSession(init);
        String id = started.session().getId();
        sessions.put(id, started.session());
        lastSeen.put(id, Instant.now());
        McpSchema.InitializeResult result = started.initResult().block(callTimeout);
        exchange.getResponseHeaders().put(HttpString.tryFromString(HttpHeaders.MCP_SESSION_ID), id);
        Exchanges.sendText(exchange, 200, Exchanges.JSON, text(
                new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null)));
        LOG.debug("MCP session {} opened by {}", id, init.clientInfo());
    }

    /** The params of {@code initialize}, or null if they are not an initialize request's. */
    private McpSchema.@Nullable InitializeRequest convert(Map<?, ?> params) {
        try {
            return json.convertValue(params, new TypeRef<McpSchema.InitializeRequest>() { });
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A request's answer comes as an SSE stream that the SDK closes after the response. */
    private void answer(HttpServerExchange exchange, McpStreamableServerSession session, McpSchema.JSONRPCRequest request)
            throws InterruptedException {
        if (McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            Optional<McpSchema.CallToolResult> refused = screen.apply(request.params());
            if (refused.isPresent()) {
                Exchanges.sendText(exchange, 200, Exchanges.JSON, text(
                        new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), refused.get(), null)));
                return;
            }
        }
        if (!accepts(exchange, "text/event-stream")) {
            error(exchange, 406, request.id(), McpSchema.ErrorCodes.INVALID_REQUEST,
                    "requests are answered as Server-Sent Events: send Accept: application/json, text/event-stream");
            return;
        }
        SseStream stream = new SseStream(json, exchange, session.getId());
        McpStreamableServerSession.McpStreamableServerSessionStream answering = session.responseStream(stream);
        try {
            answering.handle(request).block(callTimeout.plusSeconds(5));
            waitWhileOpen(stream, callTimeout.plusSeconds(5));
        } finally {
            answering.releaseTransport(); // the connection is done: the session must not write to it any more
        }
    }

    void get(HttpServerExchange exchange) throws InterruptedException {
        if (refuseWhileClosing(exchange)) {
            return;
        }
        if (!accepts(exchange, "text/event-stream")) {
            error(exchange, 406, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "GET opens the session's event stream: send Accept: text/event-stream");
            return;
        }
        McpStreamableServerSession session = session(exchange);
        if (session == null) {
            return;
        }
        SseStream stream = new SseStream(json, exchange, session.getId());
        String lastEventId = exchange.getRequestHeaders().getFirst(HttpHeaders.LAST_EVENT_ID);
        if (lastEventId != null) {
            for (McpSchema.JSONRPCMessage m : session.replay(lastEventId).collectList().block(callTimeout)) {
                stream.sendMessage(m).block();
            }
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionStream listening = session.listeningStream(stream);
        try {
            stream.ping(); // sends the headers now, so the client knows the stream is open
            waitWhileOpen(stream, null);
        } finally {
            listening.close();
        }
    }

    void delete(HttpServerExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            error(exchange, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST, "name the session to end in Mcp-Session-Id");
            return;
        }
        if (!sessions.containsKey(id)) {
            error(exchange, 404, null, McpSchema.ErrorCodes.INVALID_REQUEST, "there is no session " + id
                    + " (it ended, or the server restarted)");
            return;
        }
        end(id, "client ended the session");
        exchange.setStatusCode(200);
        exchange.endExchange();
    }

    /** Waits until the stream closes, pinging every {@link #PING} so a vanished client is noticed. */
    private static void waitWhileOpen(SseStream stream, @Nullable Duration limit) throws InterruptedException {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        while (!stream.awaitClosed(PING.toMillis())) {
            if (System.nanoTime() > deadline || !stream.ping()) {
                break;
            }
        }
        stream.close();
    }

    private @Nullable McpStreamableServerSession session(HttpServerExchange exchange) {
        String id = exchange.getRequestHeaders().getFirst(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            error(exchange, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "send the Mcp-Session-Id that initialize returned (start with an initialize request)");
            return null;
        }
        McpStreamableServerSession s = sessions.get(id);
        if (s == null) {
            // 404 tells a client to start a new session (the spec's rule for unknown sessions).
            error(exchange, 404, null, McpSchema.ErrorCodes.INVALID_REQUEST, "there is no session " + id
                    + " (it ended, or the server restarted): initialize a new one");
            return null;
        }
        lastSeen.put(id, Instant.now());
        return s;
    }

    private boolean refuseWhileClosing(HttpServerExchange exchange) {
        if (closing) {
            error(exchange, 503, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "the server is stopping");
        }
        return closing;
    }

    private @Nullable String body(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > MAX_MESSAGE_BYTES) {
            tooLarge(exchange);
            return null;
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_MESSAGE_BYTES + 1);
            if (bytes.length > MAX_MESSAGE_BYTES) {
                tooLarge(exchange);
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request failed", e);
        }
    }

    private void tooLarge(HttpServerExchange exchange) {
        error(exchange, 413, null, McpSchema.ErrorCodes.INVALID_REQUEST, "the message is larger than "
                + MAX_MESSAGE_BYTES + " bytes: send less text (a description holds 2,000 characters, details 64,000)");
    }

    private static boolean accepts(HttpServerExchange exchange, String type) {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        return accept == null || accept.contains(type) || accept.contains("*/*");
    }

    private static void accepted(HttpServerExchange exchange) {
        exchange.setStatusCode(202);
        exchange.endExchange();
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON-RPC message", e);
        }
    }

    /**
     * A JSON-RPC error. Written as a map, not as the SDK's response record, which refuses the null id
     * JSON-RPC prescribes when the request's id is unknown.
     */
    private void error(HttpServerExchange exchange, int status, @Nullable Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.put("id", id);
        response.put("error", error);
        Exchanges.sendText(exchange, status, Exchanges.JSON, text(response));
    }
}
