package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.mcp.internal.EarlyInitialize;
import dev.ijoka.mcp.internal.StdioTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to {@code initialize} written the moment the request arrives ({@link EarlyInitialize}): byte for byte the
 * answer the MCP SDK gives to the same request, never given twice, and never given to anything but a plain {@code
 * initialize} first line, which is left to the SDK as before.
 */
class EarlyInitializeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path project;

    private final Ijoka ijoka = Ijoka.inMemory();
    private final List<Connection> connections = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(c -> c.server.close());
        ijoka.close();
    }

    static Stream<String> initializeRequests() {
        List<String> requests = new ArrayList<>();
        List<String> versions = new ArrayList<>(StdioTransport.PROTOCOL_VERSIONS);
        versions.add("2099-01-01"); // not spoken: the newest is offered instead
        for (String version : versions) {
            requests.add(initialize("0", version));
        }
        requests.add(initialize("9007199254740993", "2025-06-18")); // beyond a double's exact integers
        requests.add(initialize("-4", "2025-06-18"));
        requests.add(initialize("\"a-1\"", "2025-03-26"));
        requests.add(initialize("\"quotes \\\" and \\\\ and \\u00fc and \\ud83d\\ude00\"", "2025-06-18"));
        // fields in another order, with ones the server does not read, and spaces
        requests.add("{ \"params\" : {\"clientInfo\":{\"name\":\"c\",\"version\":\"2\",\"id\":99},\"capabilities\":"
                + "{\"roots\":{\"listChanged\":true},\"sampling\":{}},\"protocolVersion\":\"2025-06-18\",\"_meta\":{}},"
                + " \"method\" : \"initialize\", \"id\" : 12, \"jsonrpc\" : \"2.0\" }");
        return requests.stream();
    }

    @ParameterizedTest
    @MethodSource("initializeRequests")
    void theAnswerOnArrivalIsTheSdksOwnAnswerToTheSameRequest(String request) throws Exception {
        Connection early = connect();
        early.send(request);
        String answeredOnArrival = early.receive();

        Connection sdk = connect();
        sdk.send(""); // a blank first line: the SDK answers the initialize that follows, as it did before
        sdk.send(request);
        String answeredBySdk = sdk.receive();

        assertThat(answeredOnArrival).isEqualTo(answeredBySdk);
        JsonNode result = JSON.readTree(answeredOnArrival).path("result");
        assertThat(result.path("serverInfo").path("name").asString()).isEqualTo("ijoka");
        assertThat(StdioTransport.PROTOCOL_VERSIONS).contains(result.path("protocolVersion").asString());
    }

    @Test
    void theSdksOwnAnswerIsNotWrittenAgainAndTheSessionGoesOn() throws Exception {
        Connection c = connect();
        c.send(initialize("0", "2025-06-18"));
        c.send(INITIALIZED);
        c.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\","
                + "\"arguments\":{}}}");
        c.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"again\",\"version\":\"1\"}}}");
        c.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");

        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(JSON.readTree(c.receive()));
        }
        assertThat(answers).extracting(a -> a.path("id").asInt()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 1).findFirst().orElseThrow()
                .path("result").path("isError").asBoolean()).isFalse();
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 2).findFirst().orElseThrow()
                .path("result").path("protocolVersion").asString()).isEqualTo("2025-06-18"); // the SDK's, the second time
        assertThat(c.receiveWithin(300)).as("nothing more: the SDK's answer to id 0 was not written").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":\"none\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"id\":8,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":20250618}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7.5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}} trailing",
        "{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}]",
        "initialize, please",
    })
    void aFirstLineThatIsNotAPlainInitializeIsLeftToTheSdk(String first) throws Exception {
        Connection early = connect();
        early.send(first);
        early.send(initialize("5", "2025-06-18"));
        early.send(INITIALIZED);
        early.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}");
        List<String> answered = early.receiveUntilId(6);

        Connection sdk = connect();
        sdk.send("");
        sdk.send(first);
        sdk.send(initialize("5", "2025-06-18"));
        sdk.send(INITIALIZED);
        sdk.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}");
        List<String> answeredBySdk = sdk.receiveUntilId(6);

        assertThat(answered).isEqualTo(answeredBySdk);
        assertThat(answered.stream().filter(a -> JSON.readTree(a).path("id").asInt(-1) == 5)).hasSize(1);
    }

    @Test
    void aFirstLineLongerThanAnInitializeIsLeftToTheSdkWhole() throws Exception {
        Connection c = connect();
        c.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"pad\":\"" + "p".repeat(200_000) + "\"}}");
        c.send(initialize("4", "2025-06-18"));
        c.send(INITIALIZED);
        List<JsonNode> answers = List.of(JSON.readTree(c.receive()), JSON.readTree(c.receive()));
        assertThat(answers).extracting(a -> a.path("id").asInt()).containsExactlyInAnyOrder(3, 4);
        JsonNode pong = answers.stream().filter(a -> a.path("id").asInt() == 3).findFirst().orElseThrow();
        assertThat(pong.has("result")).as(pong.toString()).isTrue(); // read whole: no parse error, no size error
    }

    @Test
    void theAnswerNeedsNoServerAndEveryByteReadIsReadAgainByTheTransport() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        EarlyInitialize early = EarlyInitialize.start(Channels.newInputStream(toServer.source()),
                Channels.newOutputStream(fromServer.sink()), new EarlyInitialize.Greeting(
                        McpSchema.Implementation.builder("probe", "9").build(),
                        McpSchema.ServerCapabilities.builder().tools(true).build(), "Be brief.",
                        StdioTransport.PROTOCOL_VERSIONS));
        String first = initialize("1", "2025-03-26") + "\n";
        String rest = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
        try (OutputStream client = Channels.newOutputStream(toServer.sink())) {
            client.write((first + rest).getBytes(StandardCharsets.UTF_8));
            client.flush();
            BufferedReader answers = new BufferedReader(new InputStreamReader(Channels.newInputStream(fromServer.source()),
                    StandardCharsets.UTF_8));
            assertThat(answers.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":"
                    + "\"2025-03-26\",\"capabilities\":{\"logging\":{},\"tools\":{\"listChanged\":true}},\"serverInfo\":"
                    + "{\"name\":\"probe\",\"version\":\"9\"},\"instructions\":\"Be brief.\"}}");
        }
        InputStream replay = early.input();
        assertThat(new String(replay.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first + rest);
    }

    private static String initialize(String id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-client\",\"version\":\"1\"}}}";
    }

    private Connection connect() throws IOException {
        Connection c = new Connection(ijoka, project);
        connections.add(c);
        return c;
    }

    /** A server on pipes, and its output line by line. */
    private static final class Connection {
        final IjokaMcpServer server;
        final OutputStream toServer;
        final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();

        Connection(Ijoka ijoka, Path project) throws IOException {
            Pipe in = Pipe.open();
            Pipe out = Pipe.open();
            server = IjokaMcpServer.stdio(ijoka, Channels.newInputStream(in.source()),
                    Channels.newOutputStream(out.sink()), Harness.options(project));
            toServer = Channels.newOutputStream(in.sink());
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        fromServer.add(line);
                    }
                } catch (IOException e) {
                    // the test is over
                }
            });
        }

        void send(String line) throws IOException {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }

        String receive() throws InterruptedException {
            String line = fromServer.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("an answer within 20 s").isNotNull();
            return line;
        }

        String receiveWithin(long millis) throws InterruptedException {
            return fromServer.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** Every line up to and with the answer to {@code id}. */
        List<String> receiveUntilId(int id) throws InterruptedException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = receive();
                lines.add(line);
                if (JSON.readTree(line).path("id").asInt(-1) == id) {
                    return lines;
                }
            }
        }
    }
}
