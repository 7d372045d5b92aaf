package dev.ijoka.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The client's end of an in-process stdio connection: the SDK client over a pair of pipes. */
final class PipeClientTransport implements McpClientTransport {

    private final McpJsonMapper json;
    private final InputStream fromServer;
    private final OutputStream toServer;
    private volatile boolean closed;

    PipeClientTransport(McpJsonMapper json, InputStream fromServer, OutputStream toServer) {
        this.json = json;
        this.fromServer = fromServer;
        this.toServer = toServer;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> Thread.ofPlatform().daemon().name("test-client-input").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(json, line);
                    handler.apply(Mono.just(message)).subscribe();
                }
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] bytes = json.writeValueAsBytes(message);
                synchronized (toServer) {
                    toServer.write(bytes);
                    toServer.write('\n');
                    toServer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }

    /** Closing the client closes the server's input: the server sees the end of its stdin. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closed = true;
            try {
                toServer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
