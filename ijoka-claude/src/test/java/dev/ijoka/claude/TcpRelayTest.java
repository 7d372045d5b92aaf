package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's loopback TCP transport, the launcher's ({@link TcpRelay}, {@link RelayText}), in one process: a server on a
 * real SQLite file, and requests written as the launcher writes them.
 */
class TcpRelayTest {

    @TempDir
    Path tmp;
    private Path home;
    private Path project;
    private String url;
    private Ijoka engine;
    private HookRelayServer server;

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("project"));
        url = "jdbc:sqlite:" + tmp.resolve("ijoka.db");
        engine = Ijoka.builder().store(url).build();
        server = HookRelayServer.start(engine, url, home, System.err).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        server.close();
        engine.close();
    }

    private String postToolUse(String session) {
        return "{\"session_id\":\"" + session + "\",\"cwd\":\"" + project + "\",\"hook_event_name\":\"PostToolUse\","
                + "\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"},\"tool_response\":{\"success\":true}}";
    }

    private List<EventType> events(String session) {
        Project p = engine.projects().open(project);
        return engine.events().query(new EventQuery(p.id(), null, SessionId.of(session), Set.of(), Long.MAX_VALUE, 100))
                .stream().map(Event::payload).map(e -> e.type()).toList().reversed();
    }

    private String[] portAndToken() throws IOException {
        return Files.readString(server.tcpFile().orElseThrow()).strip().split(" ");
    }

    /** Sends {@code request} as one connection and returns everything the server wrote before it closed. */
    private String exchange(byte[] request) throws IOException {
        int port = Integer.parseInt(portAndToken()[0]);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private byte[] hook(String token, String stdin) {
        return RelayText.request(token, RelayText.HOOK, project.toString(), ProcessHandle.current().pid(), false, "UTF-8",
                List.of(), Map.of("IJOKA_DB", url, "IJOKA_HOME", home.toString()), stdin.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHookIsRecordedThroughTheTokenFileAndAnswered() throws Exception {
        String answer = exchange(hook(portAndToken()[1], postToolUse("t1")));

        assertThat(answer).isEqualTo("1:1,4:done,0:,0:,");
        assertThat(events("t1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        assertThat(server.answered()).isEqualTo(1);
    }

    @Test
    void aWrongTokenIsClosedHavingDoneNothing() throws Exception {
        String right = portAndToken()[1];
        String wrong = (right.charAt(0) == 'a' ? "b" : "a") + right.substring(1);

        assertThat(exchange(hook(wrong, postToolUse("w1")))).isEmpty();
        assertThat(exchange(hook("", postToolUse("w2")))).isEmpty();
        assertThat(exchange("no netstring at all".getBytes(StandardCharsets.UTF_8))).isEmpty();

        assertThat(events("w1")).isEmpty();
        assertThat(events("w2")).isEmpty();
        assertThat(server.answered()).isZero();
    }

    private byte[] mcp(String token) {
        return RelayText.request(token, RelayText.MCP, project.toString(), ProcessHandle.current().pid(), false, "UTF-8",
                List.of("mcp"), Map.of("IJOKA_DB", url, "IJOKA_HOME", home.toString()), new byte[0]);
    }

    @Test
    void anMcpSessionIsDeclinedByAServerThatServesNoneAndAWrongTokenIsClosed() throws Exception {
        assertThat(exchange(mcp(portAndToken()[1]))).isEqualTo("1:1,8:declined,35:this process serves no MCP sessions,");
        assertThat(exchange(mcp("0".repeat(64)))).isEmpty();
        assertThat(server.answered()).isZero();
    }

    @Test
    void anMcpSessionIsTakenForItsStoreAndThenCarriesTheStreamsUntilTheClientCloses() throws Exception {
        server.close();
        java.util.concurrent.CompletableFuture<String> served = new java.util.concurrent.CompletableFuture<>();
        HookRelayServer.McpSessions echo = new HookRelayServer.McpSessions() {
            @Override
            public String storeOf(List<String> args, Map<String, String> env, Path workingDirectory) {
                return args.equals(List.of("mcp")) ? env.get("IJOKA_DB") : null;
            }

            @Override
            public void serve(List<String> args, Map<String, String> env, Path workingDirectory, ProcessHandle client,
                    InputStream in, java.io.OutputStream out) {
                try {
                    byte[] all = in.readAllBytes(); // until the client's stdin ends
                    out.write(all);
                    out.flush();
                    served.complete(new String(all, StandardCharsets.UTF_8) + " from " + client.pid());
                } catch (IOException e) {
                    served.completeExceptionally(e);
                }
            }
        };
        server = HookRelayServer.start(engine, url, home, System.err, null, echo).orElseThrow();
        int port = Integer.parseInt(portAndToken()[0]);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(mcp(portAndToken()[1]));
            s.getOutputStream().flush();
            byte[] verdict = s.getInputStream().readNBytes("1:1,5:taken,".length());
            assertThat(new String(verdict, StandardCharsets.UTF_8)).isEqualTo("1:1,5:taken,");
            s.getOutputStream().write("2:go,{\"jsonrpc\":\"2.0\"}\n".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\"}\n");
        }
        assertThat(served.get(30, TimeUnit.SECONDS)).isEqualTo("{\"jsonrpc\":\"2.0\"}\n from " + ProcessHandle.current().pid());
        assertThat(server.answered()).isEqualTo(1);

        // Another store's session, or a line the server leaves to a JVM, is declined.
        byte[] other = RelayText.request(portAndToken()[1], RelayText.MCP, project.toString(), ProcessHandle.current().pid(),
                false, "UTF-8", List.of("-v", "mcp"), Map.of("IJOKA_DB", url), new byte[0]);
        assertThat(exchange(other)).isEqualTo("1:1,8:declined,43:this ijoka mcp line runs in its own process,");
    }

    @Test
    void anotherVersionIsAnsweredWithThisOneAndNothingElse() throws Exception {
        byte[] request = hook(portAndToken()[1], postToolUse("v1"));
        String text = new String(request, StandardCharsets.ISO_8859_1).replaceFirst("1:1,4:hook,", "1:9,4:hook,");

        assertThat(exchange(text.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("1:1,");
        assertThat(events("v1")).isEmpty();
    }

    @Test
    void aHookOfAnotherStoreIsToldToTryTheNextServer() throws Exception {
        byte[] request = RelayText.request(portAndToken()[1], RelayText.HOOK, project.toString(), 1, false, "UTF-8", List.of(),
                Map.of("IJOKA_DB", "jdbc:sqlite:" + tmp.resolve("other.db")), postToolUse("o1").getBytes(StandardCharsets.UTF_8));

        assertThat(exchange(request)).isEqualTo("1:1,5:other,0:,0:,");
        assertThat(events("o1")).isEmpty();
    }

    @Test
    void aServerWithoutCommandsDeclinesOne() throws Exception {
        byte[] request = RelayText.request(portAndToken()[1], RelayText.COMMAND, project.toString(), 1, false, "UTF-8",
                List.of("status"), Map.of("IJOKA_DB", url), new byte[0]);

        assertThat(exchange(request)).isEqualTo("1:1,8:declined,29:this process runs no commands,");
    }

    @Test
    void theTokenFileIsTheOwnersAloneHoldsAFreshTokenAndGoesWithTheServer() throws Exception {
        Path file = server.tcpFile().orElseThrow();
        assertThat(file.getFileName().toString()).as("named as the socket is, after this process")
                .isEqualTo(server.socket().getFileName().toString().replace(".sock", ".tcp"))
                .startsWith(Long.toString(ProcessHandle.current().pid()));
        assertThat(file.getParent()).isEqualTo(server.socket().getParent());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        String[] fields = portAndToken();
        assertThat(fields[1]).matches("[0-9a-f]{64}");

        try (Ijoka second = Ijoka.builder().store("jdbc:sqlite:" + tmp.resolve("second.db")).build();
                HookRelayServer other = HookRelayServer.start(second, "jdbc:sqlite:" + tmp.resolve("second.db"), home,
                        System.err).orElseThrow()) {
            assertThat(Files.readString(other.tcpFile().orElseThrow()).strip().split(" ")[1]).isNotEqualTo(fields[1]);
        }

        server.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void theTokenFileOfADeadServerIsRemovedWhenAServerStarts() throws Exception {
        Path dir = server.tcpFile().orElseThrow().getParent();
        Path stale = Files.writeString(dir.resolve("999999999.tcp"), "1 00\n");
        server.close();

        server = HookRelayServer.start(engine, url, home, System.err).orElseThrow();

        assertThat(stale).doesNotExist();
        assertThat(server.tcpFile().orElseThrow()).exists();
    }

    @Test
    void theServerComputesTheAncestorsTheJavaClientWouldHaveSent() throws Exception {
        // The launcher sends its own process id; the server reads its ancestors from the system. A child of this JVM has
        // this JVM and then this JVM's ancestors as its own.
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Map<String, String> fromServer = HookEnvironment.of(Map.of(), ProcessHandle.of(child.pid()));
            List<String> expected = new ArrayList<>();
            expected.add(SessionId.ofProcess(ProcessHandle.current()).orElseThrow().value());
            expected.addAll(List.of(HookEnvironment.of(Map.of()).get(HookEnvironment.PROCESSES).split(",")));
            List<String> sent = List.of(fromServer.get(HookEnvironment.PROCESSES).split(","));
            assertThat(sent).isEqualTo(expected.subList(0, Math.min(expected.size(), HookEnvironment.ANCESTORS)));
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(HookEnvironment.of(Map.of(), ProcessHandle.of(Long.MAX_VALUE)).get(HookEnvironment.PROCESSES))
                .as("a process that is gone has no ancestors to send").isEmpty();
    }

    @Test
    void theFramingIsReadWithinItsBounds() throws Exception {
        assertThat(RelayText.field(in("5:hello,"), 5)).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(RelayText.field(in("0:,"), 0)).isEmpty();
        for (String bad : List.of("6:hello,", "5:hello;", "5hello,", ":,", "-1:,", "1234567890:x,", "x:,", "5:hel")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelayText.field(in(bad), 5)).as(bad)
                    .isInstanceOf(IOException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelayText.field(in("6:hellos,"), 5))
                .isInstanceOf(IOException.class).hasMessageContaining("at most 5");
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
