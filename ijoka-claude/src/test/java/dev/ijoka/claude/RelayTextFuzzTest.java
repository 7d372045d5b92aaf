package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.Ijoka;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the launcher's transport (docs/fuzzing.md): any bytes after the right token, as a connection to a real relay
 * server on a SQLite file would carry them. The parser ({@link RelayText#readRequest}) refuses what it cannot read with an
 * {@link IOException} and nothing else, and keeps to its bounds; the server stays up and answers a proper request
 * afterwards.
 */
class RelayTextFuzzTest {

    private static Path dir;
    private static Path project;
    private static String url;
    private static Ijoka engine;
    private static HookRelayServer server;
    private static int port;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("ijoka-relay-text-fuzz-");
        project = Files.createDirectories(dir.resolve("project"));
        url = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        engine = Ijoka.builder().store(url).build();
        server = HookRelayServer.start(engine, url, dir.resolve("home"), System.err).orElseThrow();
        String[] fields = Files.readString(server.tcpFile().orElseThrow()).strip().split(" ");
        port = Integer.parseInt(fields[0]);
        token = fields[1];
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void requestBytes(byte[] request) throws IOException {
        try {
            RelayText.Request read = RelayText.readRequest(new ByteArrayInputStream(request));
            assertThat(read.kind()).isIn(RelayText.HOOK, RelayText.COMMAND, RelayText.MCP);
            assertThat(read.args()).hasSizeLessThanOrEqualTo(4096);
            assertThat(read.stdin().length).isLessThanOrEqualTo(HookMain.MAX_INPUT);
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RelayText.write(bytes, token);
        bytes.write(request);
        send(bytes.toByteArray(), true);

        String event = "{\"session_id\":\"fuzz\",\"cwd\":\"" + project + "\",\"hook_event_name\":\"UserPromptSubmit\","
                + "\"prompt\":\"go\"}";
        String answer = send(RelayText.request(token, RelayText.HOOK, project.toString(), 1, false, "UTF-8", List.of(),
                Map.of("IJOKA_DB", url), event.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(answer).as("the server still answers a proper hook").startsWith("1:1,4:done,");
    }

    /** One connection; {@code halfClose} ends the request, as a client that sent it all and waits would not. */
    private static String send(byte[] bytes, boolean halfClose) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            if (halfClose) {
                s.shutdownOutput();
            }
            try {
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketException e) {
                return ""; // reset by a server that closed with the request unread: refused, which is fine
            }
        }
    }
}
