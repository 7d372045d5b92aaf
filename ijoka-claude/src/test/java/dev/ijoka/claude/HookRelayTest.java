package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay in one process: a server on a real SQLite file, and the client as {@code ijoka hook} uses it. */
class HookRelayTest {

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

    /** What a hook run prints and reports, and whether the relay took the event. */
    record Result(boolean relayed, String out, String err) {}

    /**
     * Far above the hook's own {@link HookMain#RELAY_TIMEOUT_MS}: these tests are about what the relay records and
     * answers, and a loaded build machine must not turn a slow answer into the fallback they would then see.
     */
    private static final long RELAY_TIMEOUT_MS = 30_000;

    private Result relay(String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean relayed = HookRelayClient.relay(stdin.getBytes(StandardCharsets.UTF_8), print(out), print(err),
                Map.of("IJOKA_DB", url), project, home, RELAY_TIMEOUT_MS);
        return new Result(relayed, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result direct(String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HookRun.direct(stdin.getBytes(StandardCharsets.UTF_8), print(out), print(err), Map.of("IJOKA_DB", url), project);
        return new Result(false, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String payload(String session, String event, String extra) {
        return "{\"session_id\":\"" + session + "\",\"cwd\":\"" + project + "\",\"hook_event_name\":\"" + event + "\"" + extra + "}";
    }

    private String postToolUse(String session) {
        return payload(session, "PostToolUse", ",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"},"
                + "\"tool_response\":{\"success\":true}");
    }

    private List<EventType> events(String session) {
        Project p = engine.projects().open(project);
        return engine.events().query(new EventQuery(p.id(), null, SessionId.of(session), Set.of(), Long.MAX_VALUE, 100))
                .stream().map(Event::payload).map(e -> e.type()).toList().reversed();
    }

    @Test
    void aPostToolUseIsRecordedThroughTheRelay() {
        Result r = relay(postToolUse("s1"));

        assertThat(r.relayed()).as(r.err()).isTrue();
        assertThat(r.out()).isEmpty();
        assertThat(events("s1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        assertThat(server.answered()).isEqualTo(1);
    }

    @Test
    void aTodoWriteIsMirroredThroughTheRelayAndAMalformedOneIsRefusedThere() {
        String todos = ",\"tool_name\":\"TodoWrite\",\"tool_input\":{\"todos\":[{\"content\":\"Run the tests\","
                + "\"status\":\"in_progress\",\"activeForm\":\"Running the tests\"}]},\"tool_response\":{}";
        Result r = relay(payload("t1", "PostToolUse", todos));

        assertThat(r.relayed()).as(r.err()).isTrue();
        assertThat(r.out()).isEmpty();
        assertThat(events("t1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED, EventType.TODO_ADDED);
        assertThat(engine.sessions().todos(SessionId.of("t1")).orElseThrow().line()).isEqualTo("0/1 · now: Running the tests");

        Result bad = relay(payload("t1", "PostToolUse", ",\"tool_name\":\"TodoWrite\",\"tool_input\":{\"todos\":7}"));
        assertThat(bad.relayed()).as("refused by the server as the direct path would: no second try").isTrue();
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("ijoka hook: ").contains("todo list was left as it was");
        assertThat(events("t1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED, EventType.TODO_ADDED,
                EventType.TOOL_USED);
    }

    @Test
    void sessionStartAnswersAsTheDirectPathDoes() {
        engine.features().create(engine.projects().open(project).id(), NewFeature.of("Login form", Category.UI));

        Result relayed = relay(payload("r1", "SessionStart", ",\"source\":\"startup\""));
        Result direct = direct(payload("d1", "SessionStart", ",\"source\":\"startup\""));

        assertThat(relayed.relayed()).isTrue();
        assertThat(relayed.out()).contains("additionalContext").contains("#1 Login form").isEqualTo(direct.out());
    }

    @Test
    void garbageIsRefusedWithNothingPrintedAndTheServerStaysUp() {
        for (String garbage : List.of("", "not json", "[1,2]", "{\"hook_event_name\":\"Nope\",\"session_id\":\"x\"}")) {
            Result r = relay(garbage);
            assertThat(r.relayed()).as(garbage).isTrue(); // the direct path would refuse it alike: no second try
            assertThat(r.out()).as(garbage).isEmpty();
            assertThat(r.err()).as(garbage).startsWith("ijoka hook: ");
        }
        assertThat(relay(postToolUse("s2")).relayed()).isTrue();
        assertThat(events("s2")).contains(EventType.TOOL_USED);
    }

    @Test
    void aStaleSocketIsRemovedAndTheHookFallsBack() throws Exception {
        server.close();
        Path dir = RelayDirectory.of(home, url, project).orElseThrow();
        Path stale = dir.resolve("999999999.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale)); // closing does not remove the file: a crashed server's leftover
        }
        assertThat(stale).exists();

        Result r = relay(postToolUse("s3"));

        assertThat(r.relayed()).isFalse();
        assertThat(stale).doesNotExist();
        assertThat(events("s3")).isEmpty();
    }

    @Test
    void aServerOfAnotherStoreDeclinesAndTheHookReachesItsOwnStoresServer() throws Exception {
        String otherUrl = "jdbc:sqlite:" + tmp.resolve("other.db");
        try (Ijoka otherEngine = Ijoka.builder().store(otherUrl).build();
                HookRelayServer other = HookRelayServer.start(otherEngine, otherUrl, home, System.err).orElseThrow()) {
            // The other store's socket is the newest, so the hook asks that server first.
            Files.setLastModifiedTime(other.socket(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            Files.setLastModifiedTime(server.socket(), java.nio.file.attribute.FileTime.fromMillis(0));

            Result r = relay(postToolUse("o1"));

            assertThat(r.relayed()).as(r.err()).isTrue();
            assertThat(events("o1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
            assertThat(server.answered()).isEqualTo(1);
            assertThat(other.answered()).as("the other store's server did nothing").isZero();
            assertThat(otherEngine.projects().find(project)).as("nor did its store").isEmpty();

            // With its own store's server gone, the hook takes its direct path rather than the other store's server.
            server.close();
            Result alone = relay(postToolUse("o2"));
            assertThat(alone.relayed()).as(alone.err()).isFalse();
            assertThat(other.answered()).isZero();
        }
    }

    @Test
    void twentyConcurrentHooksAreAllRecorded() throws Exception {
        List<Callable<Result>> hooks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String session = "c" + i;
            hooks.add(() -> relay(postToolUse(session)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<Result> f : pool.invokeAll(hooks)) {
                assertThat(f.get().relayed()).as(f.get().err()).isTrue();
            }
        }
        for (int i = 0; i < 20; i++) {
            assertThat(events("c" + i)).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        }
        assertThat(server.answered()).isEqualTo(20);
    }

    @Test
    void anotherVersionOnEitherSideMeansTheDirectPath() throws Exception {
        // A client of another build: the server answers with a failure and keeps serving.
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            out.writeByte(RelayProtocol.VERSION + 1);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(c));
            assertThat(RelayProtocol.readAnswer(in).status()).isEqualTo(RelayProtocol.FAILED);
        }
        assertThat(relay(postToolUse("v1")).relayed()).isTrue();

        // A server of another build: the hook does not take its answer.
        server.close();
        Path dir = RelayDirectory.of(home, url, project).orElseThrow();
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(dir.resolve("1.sock")));
            Thread.ofVirtual().start(() -> {
                try (SocketChannel c = other.accept()) {
                    RelayProtocol.readRequest(new DataInputStream(Channels.newInputStream(c)));
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
                    out.writeByte(RelayProtocol.VERSION + 1);
                    out.writeByte(RelayProtocol.ANSWERED);
                    out.writeBoolean(false);
                    out.flush();
                } catch (java.io.IOException e) {
                    // the test fails on the assertion below
                }
            });
            Result r = relay(postToolUse("v2"));
            assertThat(r.relayed()).isFalse();
            assertThat(r.err()).contains("relay protocol version");
        }
    }

    @Test
    void aFailureInsideTheServerSendsTheHookDownItsDirectPath() {
        engine.close(); // the server's engine is gone: each request fails there, and the hook must not lose its event

        Result r = relay(postToolUse("f1"));

        assertThat(r.relayed()).isFalse();
        assertThat(r.err()).contains("the relay failed");
    }

    @Test
    void theSocketLivesInAnOwnerOnlyDirectoryAndGoesWithTheServer() throws Exception {
        Path socket = server.socket();
        // <pid>.sock, or <pid>-<n>.sock for the n-th server of one process (as in these tests)
        assertThat(socket.getFileName().toString()).matches(ProcessHandle.current().pid() + "(-\\d+)?\\.sock");
        assertThat(socket.getParent().getParent()).isEqualTo(home.resolve("relay"));
        if (socket.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("relay")))).isEqualTo("rwx------");
        }
        server.close();
        assertThat(socket).doesNotExist();
        assertThat(relay(postToolUse("x")).relayed()).isFalse();
    }

    @Test
    void theStoreKeyIsOnePerDatabaseFile() {
        Path a = Path.of("/work/a");
        Path b = Path.of("/work/b");
        assertThat(RelayDirectory.of(home, "jdbc:sqlite:ijoka.db", a))
                .isEqualTo(RelayDirectory.of(home, "jdbc:sqlite:file:///work/a/./ijoka.db", b))
                .isEqualTo(RelayDirectory.of(home, "jdbc:sqlite:../a/sub/../ijoka.db", a))
                .isEqualTo(RelayDirectory.of(home, "jdbc:sqlite:/work/a/ijoka.db", b));
        assertThat(RelayDirectory.of(home, "jdbc:sqlite:~/ijoka.db", a))
                .isEqualTo(RelayDirectory.of(home, "jdbc:sqlite:" + System.getProperty("user.home") + "/ijoka.db", b));
        assertThat(RelayDirectory.of(home, "jdbc:sqlite:ijoka.db", a)).isNotEqualTo(RelayDirectory.of(home, "jdbc:sqlite:ijoka.db", b));
        assertThat(RelayDirectory.of(home, "memory:", a)).isEmpty();
        assertThat(RelayDirectory.of(home, "jdbc:sqlite::memory:", a)).isEmpty();
        assertThat(RelayDirectory.of(home, "jdbc:sqlite:/x.db", a).orElseThrow().getFileName().toString()).matches("[0-9a-f]{16}");
    }
}
