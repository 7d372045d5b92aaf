package dev.ijoka.web.internal.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One open Server-Sent Events response of /mcp: the answer stream of a POSTed request, or a GET's
 * listening stream. The MCP SDK writes JSON-RPC messages to it from any thread; the request's own
 * (virtual) thread waits in {@link #awaitClosed} until the SDK closes it or the client goes away,
 * since returning would end the HTTP response.
 */
final class SseStream implements McpStreamableServerTransport {

    private final McpJsonMapper json;
    private final OutputStream out;
    private final String sessionId;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);

    SseStream(McpJsonMapper json, HttpServerExchange exchange, String sessionId) {
        this.json = json;
        this.sessionId = sessionId;
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString(
                io.modelcontextprotocol.spec.HttpHeaders.MCP_SESSION_ID), sessionId);
        this.out = exchange.getOutputStream();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, @Nullable String messageId) {
        return Mono.fromRunnable(() -> {
            String data;
            try {
                data = json.writeValueAsString(message); // compact: one line
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write a JSON-RPC message", e);
            }
            write("id: " + (messageId != null ? messageId : sessionId) + "\nevent: message\ndata: " + data + "\n\n");
        });
    }

    /** A comment line: keeps the stream alive and finds out whether the client is still there. */
    boolean ping() {
        write(":\n\n");
        return isOpen();
    }

    private void write(String text) {
        lock.lock();
        try {
            if (!isOpen()) {
                return;
            }
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            closed.countDown(); // the client has gone: nothing more can reach it
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        return closed.getCount() > 0;
    }

    /** @return whether the stream closed within the time */
    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
