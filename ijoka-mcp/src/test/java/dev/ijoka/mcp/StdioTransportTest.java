package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire itself, byte by byte as a careless or hostile client might send it: the server answers
 * what it can, refuses the rest with an error, never closes the connection over a bad line, and
 * writes nothing to its output but JSON-RPC.
 */
class StdioTransportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path project;

    private Ijoka ijoka;
    private IjokaMcpServer server;
    private OutputStream toServer;
    private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException, InterruptedException {
        ijoka = Ijoka.inMemory();
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        server = IjokaMcpServer.stdio(ijoka, Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()),
                Harness.options(project));
        toServer = Channels.newOutputStream(in.sink());
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    fromServer.add(line);
                }
            } catch (IOException e) {
                // the test is over
            }
        });
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-client\",\"version\":\"1\"}}}");
        assertThat(receive().path("result").path("serverInfo").path("name").asString()).isEqualTo("ijoka");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterEach
    void stop() {
        server.close();
        ijoka.close();
    }

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheConnectionGoesOn() throws Exception {
        send("hello, server");
        JsonNode error = receive();
        assertThat(error.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(error.path("error").path("message").asString()).contains("one JSON-RPC 2.0 message");
        assertThat(callStatus(1)).isFalse();
    }

    @Test
    void jsonThatIsNotJsonRpcGetsAnInvalidRequestErrorWithItsId() throws Exception {
        send("{\"id\":7,\"greeting\":\"hi\"}");
        JsonNode error = receive();
        assertThat(error.path("id").asInt()).isEqualTo(7);
        assertThat(error.path("error").path("code").asInt()).isEqualTo(-32600);
        send("[1,2,3]");
        assertThat(receive().path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(callStatus(2)).isFalse();
    }

    @Test
    void blankLinesAndCarriageReturnsAreTolerated() throws Exception {
        send("");
        send("   ");
        toServer.write(("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\","
                + "\"arguments\":{}}}\r\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
        JsonNode reply = receive();
        assertThat(reply.path("id").asInt()).isEqualTo(3);
        assertThat(reply.path("result").path("isError").asBoolean()).isFalse();
    }

    @Test
    void anOversizedToolCallGetsAToolErrorNamingTheLimit() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"id\":9,\"params\":{\"name\":\"ijoka_add_feature\","
                + "\"arguments\":{\"description\":\"" + big + "\"}}}");
        JsonNode reply = receive();
        assertThat(reply.path("id").asInt()).isEqualTo(9);
        assertThat(reply.path("result").path("isError").asBoolean()).isTrue();
        assertThat(reply.path("result").path("content").get(0).path("text").asString())
                .startsWith("too_large: ").contains("limit is 1048576 bytes");
        assertThat(callStatus(10)).isFalse();
        assertThat(ijoka.features().list(ijoka.projects().open(project).id())).isEmpty();
    }

    @Test
    void anUnknownToolOrArgumentsThatAreNotAnObjectGetAToolError() throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"rm_rf\",\"arguments\":{}}}");
        JsonNode unknown = receive();
        assertThat(unknown.path("result").path("isError").asBoolean()).isTrue();
        assertThat(unknown.path("result").path("content").get(0).path("text").asString()).startsWith("unknown_tool: ");
        send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_get_feature\","
                + "\"arguments\":\"#1\"}}");
        JsonNode notAnObject = receive();
        assertThat(notAnObject.path("result").path("content").get(0).path("text").asString())
                .startsWith("invalid_input: ").contains("JSON object");
        assertThat(callStatus(6)).isFalse();
    }

    @Test
    void theEndOfTheInputEndsTheSession() throws Exception {
        assertThat(callStatus(1)).isFalse();
        toServer.close();
        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        List<Session> sessions = ijoka.sessions().list(ijoka.projects().open(project).id());
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.agent()).isEqualTo("raw-client");
            assertThat(s.endedAt()).isNotNull();
        });
    }

    @Test
    void everyLineWrittenIsJsonRpc() throws Exception {
        send("not json");
        send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}");
        assertThat(callStatus(11)).isFalse();
        toServer.close();
        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        String line;
        while ((line = fromServer.poll(200, TimeUnit.MILLISECONDS)) != null) {
            assertThat(JSON.readTree(line).path("jsonrpc").asString()).isEqualTo("2.0");
        }
    }

    /** Calls ijoka_status; returns its isError flag. */
    private boolean callStatus(int id) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\"}}");
        JsonNode reply = receive();
        while (reply.path("id").asInt(-1) != id) { // skip anything else the test did not wait for
            reply = receive();
        }
        return reply.path("result").path("isError").asBoolean();
    }

    private void send(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode receive() throws InterruptedException {
        String line = fromServer.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("an answer from the server").isNotNull();
        JsonNode node = JSON.readTree(line);
        assertThat(node.path("jsonrpc").asString()).isEqualTo("2.0");
        return node;
    }

}
