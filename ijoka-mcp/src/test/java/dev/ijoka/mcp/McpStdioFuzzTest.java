package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.Ijoka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what {@code ijoka mcp} reads on stdin (docs/fuzzing.md): any bytes, as lines, to the real stdio
 * server after a proper handshake. The server never dies of a line: afterwards it still answers a ping,
 * and everything it wrote meanwhile is one JSON-RPC message a line.
 */
class McpStdioFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path dir;
    private static Ijoka ijoka;
    private static IjokaMcpServer server;
    private static OutputStream toServer;
    private static final BlockingQueue<String> FROM_SERVER = new LinkedBlockingQueue<>();
    private static long probes;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("ijoka-mcp-stdio-fuzz-");
        Path root = Files.createDirectories(dir.resolve("project"));
        ijoka = Ijoka.builder().store("jdbc:sqlite:" + dir.resolve("ijoka.db")).build();
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        server = IjokaMcpServer.stdio(ijoka, Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()),
                Harness.options(root));
        toServer = Channels.newOutputStream(in.sink());
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("fuzz-stdout").start(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    FROM_SERVER.add(line);
                }
            } catch (IOException e) {
                FROM_SERVER.add("<closed: " + e + ">");
            }
        });
        send("""
                {"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
                "clientInfo":{"name":"fuzzer","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                {"jsonrpc":"2.0","id":"first","method":"tools/call","params":{"name":"ijoka_add_feature","arguments":{"description":"Schema"}}}
                """.getBytes(StandardCharsets.UTF_8));
        awaitAnswer("first");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        ijoka.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Any bytes as one or more lines of stdin; then the server must still answer, with JSON-RPC only. */
    @FuzzTest(maxDuration = "5m")
    void stdinLines(byte[] bytes) throws IOException, InterruptedException {
        byte[] line = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, line, 0, bytes.length);
        line[bytes.length] = '\n';
        send(line);
        String probe = "probe-" + ++probes;
        send(("{\"jsonrpc\":\"2.0\",\"id\":\"" + probe + "\",\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
        awaitAnswer(probe);
    }

    private static void send(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** Reads the server's lines up to the answer to {@code id}, checking that each is a JSON-RPC message. */
    private static void awaitAnswer(String id) throws InterruptedException {
        while (true) {
            String line = FROM_SERVER.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("the server answers %s", id).isNotNull();
            JsonNode message = JSON.readTree(line);
            assertThat(message.path("jsonrpc").asString()).as("a JSON-RPC message: %s", line).isEqualTo("2.0");
            if (message.path("error").isObject()) {
                assertThat(message.path("error").path("message").asString()).as("an error says what is wrong: %s", line)
                        .isNotBlank();
            }
            if (id.equals(message.path("id").asString(""))) {
                assertThat(message.has("result")).as("%s answered: %s", id, line).isTrue();
                return;
            }
        }
    }
}
