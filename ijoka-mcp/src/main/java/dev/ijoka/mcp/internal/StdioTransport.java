package dev.ijoka.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over a pair of streams, one JSON-RPC message per line: what {@code ijoka mcp} speaks on its
 * stdin and stdout. Written for Ijoka instead of the SDK's stdio provider because a server must never
 * die of a request (DESIGN.md §4), and the SDK's provider ends the connection on the first line that
 * is not valid JSON or is too long. Here:
 * <ul>
 *   <li>a line that is not JSON gets a parse error (-32700), one that is JSON but not JSON-RPC an
 *       invalid-request error (-32600), and the connection goes on;</li>
 *   <li>a line over the size bound is skipped, and its request answered with an error naming the
 *       bound (a tool error for {@code tools/call});</li>
 *   <li>{@code tools/call} of a tool that does not exist, or with arguments that are not an object,
 *       is answered with a tool error ({@code isError: true}) that lists the tools, where the SDK
 *       would answer with a protocol error;</li>
 *   <li>the end of the input ends the connection: {@code onClosed} hears of it (to end the agent
 *       session) before the MCP session closes.</li>
 * </ul>
 * Every other message goes to the SDK's server session unchanged. Output is written whole, one line
 * at a time, under a lock.
 */
public final class StdioTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    /** The JSON-RPC request id near the start of a message, e.g. {@code "id":17} or {@code "id":"a-1"}. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(-?\\d{1,18}|\"(?:[^\"\\\\]|\\\\.){0,200}\")");
    private static final Pattern TOOLS_CALL = Pattern.compile("\"method\"\\s*:\\s*\"tools/call\"");

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final Function<@Nullable Object, McpSchema.@Nullable CallToolResult> screen;
    private final Consumer<String> onClosed;
    private final int maxLineBytes;
    private final @Nullable EarlyInitialize early;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile @Nullable McpServerSession session;
    private volatile @Nullable Thread reader;

    /**
     * @param screen looks at the params of a {@code tools/call} before the SDK does; a result it returns
     *     is the answer (a tool error), {@code null} lets the call through
     * @param onClosed told the MCP session's id when the input ends
     * @param early what answered the client's {@code initialize} already, if anything did: {@code in} is then its
     *     {@link EarlyInitialize#input()}, and the SDK's own answer to that request is not written
     */
    public StdioTransport(McpJsonMapper json, InputStream in, OutputStream out,
            Function<@Nullable Object, McpSchema.@Nullable CallToolResult> screen, Consumer<String> onClosed,
            int maxLineBytes, @Nullable EarlyInitialize early) {
        this.json = json;
        this.in = in;
        this.out = out;
        this.screen = screen;
        this.onClosed = onClosed;
        this.maxLineBytes = maxLineBytes;
        this.early = early;
    }

    /**
     * The protocol versions this transport speaks, oldest first: those the SDK's transports speak, named here because
     * {@link EarlyInitialize} must offer the same before any transport exists.
     */
    public static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    @Override
    public List<String> protocolVersions() {
        return PROTOCOL_VERSIONS;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        McpServerSession created = factory.create(new Transport());
        session = created;
        Thread t = Thread.ofPlatform().daemon().name("ijoka-mcp-input").unstarted(() -> readLoop(created));
        reader = t;
        t.start();
    }

    /** Waits until the input has ended and the connection is closed. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    public boolean isOpen() {
        return terminated.getCount() > 0;
    }

    @Override
    public Mono<Void> notifyClients(String method, @Nullable Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /** Stops reading. The reader thread may stay blocked in a read of a stream that cannot be interrupted. */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            Thread t = reader;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
        }
    }

    private void readLoop(McpServerSession s) {
        LineReader lines = new LineReader(in, maxLineBytes);
        try {
            while (!closing.get()) {
                LineReader.Line line = lines.next();
                if (line == null) {
                    LOG.debug("input ended");
                    break;
                }
                try {
                    if (line.oversized()) {
                        refuseOversized(line);
                    } else if (!line.text().isBlank()) {
                        dispatch(s, line.text());
                    }
                } catch (RuntimeException e) {
                    // One bad message must not end the connection (DESIGN.md §4).
                    LOG.warn("a message could not be handled: {}", e.toString(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing.get()) {
                LOG.warn("reading the input failed; closing the connection: {}", e.toString());
            }
        } finally {
            closing.set(true);
            try {
                onClosed.accept(s.getId());
            } catch (RuntimeException e) {
                LOG.warn("ending the session failed: {}", e.toString());
            }
            s.close();
            terminated.countDown();
        }
    }

    private void dispatch(McpServerSession s, String text) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | RuntimeException e) {
            refuseMalformed(text, e);
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            McpSchema.CallToolResult refused = screen.apply(request.params());
            if (refused != null) {
                send(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), refused, null));
                return;
            }
        }
        s.handle(message).subscribe(null, e -> LOG.debug("handling a message failed: {}", e.toString()));
    }

    private void refuseMalformed(String text, Exception e) {
        Object parsed;
        try {
            parsed = json.readValue(text, Object.class);
        } catch (IOException | RuntimeException notJson) {
            LOG.warn("a line of input is not JSON: {}", Views.clip(text, 200));
            sendError(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: each line must be one JSON-RPC 2.0"
                    + " message in JSON (" + Views.clip(String.valueOf(notJson.getMessage()), 200) + ")");
            return;
        }
        Object id = parsed instanceof Map<?, ?> m ? m.get("id") : null;
        if (parsed instanceof Map<?, ?> m && id == null && m.containsKey("method")) {
            LOG.warn("ignoring a malformed notification: {}", Views.clip(text, 200));
            return;
        }
        sendError(id instanceof String || id instanceof Number ? id : null, McpSchema.ErrorCodes.INVALID_REQUEST,
                "Invalid request: not a JSON-RPC 2.0 message the server understands ("
                        + Views.clip(String.valueOf(e.getMessage()), 200) + ")");
    }

    private void refuseOversized(LineReader.Line line) {
        Object id = idIn(line.prefix());
        String message = "the request is " + line.length() + " bytes long; the limit is " + maxLineBytes
                + " bytes. Send less text: a description holds at most 2,000 characters, details 64,000, an insight"
                + " 8,000.";
        LOG.warn("refused a message of {} bytes", line.length());
        if (id != null && TOOLS_CALL.matcher(line.prefix()).find()) {
            send(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, Results.error("too_large", message), null));
        } else {
            sendError(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + message);
        }
    }

    private static @Nullable Object idIn(String prefix) {
        Matcher m = ID.matcher(prefix);
        if (!m.find()) {
            return null;
        }
        String raw = m.group(1);
        if (raw.startsWith("\"")) {
            return raw.substring(1, raw.length() - 1);
        }
        return Long.parseLong(raw);
    }

    /**
     * A JSON-RPC error response. Written as a map, not as the SDK's response record, because that record
     * refuses the {@code null} id that JSON-RPC prescribes when the request's id cannot be read.
     */
    private void sendError(@Nullable Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.put("id", id);
        response.put("error", error);
        send(response);
    }

    private void send(Object message) {
        try {
            write(message);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not write a message: {}", e.toString());
        }
    }

    private void write(Object message) throws IOException {
        byte[] bytes = json.writeValueAsBytes(message); // compact JSON: newlines inside strings are escaped
        if (early != null && message instanceof McpSchema.JSONRPCMessage m && early.answeredAlready(m, bytes)) {
            return;
        }
        synchronized (out) {
            out.write(bytes);
            out.write('\n');
            out.flush();
        }
    }

    /** The SDK session's view of this transport. */
    private final class Transport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                try {
                    write(message);
                } catch (IOException e) {
                    throw new UncheckedIOException("the client's end of the connection is gone", e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(StdioTransport.this::close);
        }

        @Override
        public void close() {
            StdioTransport.this.close();
        }
    }
}
