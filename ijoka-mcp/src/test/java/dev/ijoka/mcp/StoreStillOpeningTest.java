package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ijoka mcp} answers the handshake while its store still opens ({@link IjokaMcpServer#stdio(java.util.concurrent.CompletionStage,
 * java.io.InputStream, OutputStream, McpOptions)}): {@code initialize} and {@code tools/list} need no store, a tool
 * call waits for it and answers once it is open, and a store that fails to open makes tool calls answer with the
 * reason rather than hang. The store here is a future the test completes when it chooses: a store that opens as
 * slowly as the test likes.
 */
class StoreStillOpeningTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path project;

    private final CompletableFuture<Ijoka> engine = new CompletableFuture<>();
    private IjokaMcpServer server;
    private OutputStream toServer;
    private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        server = IjokaMcpServer.stdio(engine, Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()),
                Harness.options(project).withServerVersion("7.8.9"));
        toServer = Channels.newOutputStream(in.sink());
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    fromServer.add(line);
                }
            } catch (IOException e) {
                // the test is over
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
        engine.thenAccept(Ijoka::close);
    }

    private void send(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode receive() throws InterruptedException {
        String line = fromServer.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("an answer within 20 s").isNotNull();
        return JSON.readTree(line);
    }

    private void handshake() throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-client\",\"version\":\"1\"}}}");
        JsonNode answer = receive();
        assertThat(answer.path("id").asInt()).isZero();
        assertThat(answer.path("result").path("serverInfo").path("version").asString()).isEqualTo("7.8.9");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    private void callStatus() throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\",\"arguments\":{}}}");
    }

    @Test
    void theHandshakeAndTheToolListAreAnsweredBeforeTheStoreHasOpened() throws Exception {
        handshake();
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        JsonNode list = receive();

        assertThat(list.path("result").path("tools").size()).isPositive();
        assertThat(engine).isNotDone();
    }

    @Test
    void aToolCallBeforeTheStoreHasOpenedWaitsForItAndAnswers() throws Exception {
        handshake();
        callStatus();
        assertThat(fromServer.poll(300, TimeUnit.MILLISECONDS)).as("no answer while the store opens").isNull();

        engine.complete(Ijoka.inMemory());
        JsonNode answer = receive();

        assertThat(answer.path("id").asInt()).isEqualTo(2);
        assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isFalse();
    }

    @Test
    void aStoreThatFailsToOpenMakesToolCallsAnswerWithTheReason() throws Exception {
        handshake();
        callStatus();
        engine.completeExceptionally(new StoreException("cannot open /nowhere/ijoka.db: the directory is missing"));
        JsonNode answer = receive();

        assertThat(answer.path("id").asInt()).isEqualTo(2);
        assertThat(answer.toString()).contains("cannot open /nowhere/ijoka.db");
        // and the next call too, at once
        callStatus();
        assertThat(receive().toString()).contains("cannot open /nowhere/ijoka.db");
    }
}
