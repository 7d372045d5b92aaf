package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines handed to a process that holds the store's engine warm ({@link Handoff}, {@link CommandRelay}), between
 * real processes on a real SQLite file. A "lean" client runs on a class path without SQLite's driver, jOOQ or Flyway,
 * so that it cannot run a command itself: whatever it prints, a server printed. Local runs for comparison set
 * {@code IJOKA_NO_HANDOFF}.
 */
class CommandHandoffIT {

    /** The relay protocol's version this build speaks (ijoka-claude's package-private RelayProtocol.VERSION). */
    private static final byte RELAY_VERSION = 4;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FULL = System.getProperty("java.class.path");
    private static final String LEAN = Arrays.stream(FULL.split(File.pathSeparator))
            .filter(e -> !e.contains("sqlite-jdbc") && !e.contains("jooq") && !e.contains("flyway"))
            .collect(Collectors.joining(File.pathSeparator));

    @TempDir
    Path tmp;
    private Path home;
    private Path project;
    private String url;
    private Process server;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("project"));
        url = "jdbc:sqlite:" + tmp.resolve("ijoka.db");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Run(int exit, String out, String err) {}

    private ProcessBuilder java(String classPath, List<String> args, Consumer<Map<String, String>> env) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().put("COLUMNS", "100");
        pb.environment().remove("IJOKA_NO_HANDOFF");
        pb.environment().remove("IJOKA_DB_PASSWORD_FILE");
        env.accept(pb.environment());
        return pb;
    }

    private Run run(String classPath, Consumer<Map<String, String>> env, String... args) throws Exception {
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = java(classPath, List.of(args), env).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    /** A run in its own process, never handed over. */
    private Run local(String... args) throws Exception {
        return run(FULL, env -> env.put("IJOKA_NO_HANDOFF", "1"), args);
    }

    /** A run that cannot work on the store itself. */
    private Run lean(String... args) throws Exception {
        return run(LEAN, env -> {}, args);
    }

    private void startServer(String... args) throws Exception {
        server = java(FULL, List.of(args), env -> {}).redirectOutput(tmp.resolve("server.out").toFile())
                .redirectError(tmp.resolve("server.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (sockets().isEmpty()) {
            assertThat(server.isAlive()).as("the server runs: " + Files.readString(tmp.resolve("server.err"))).isTrue();
            assertThat(System.nanoTime()).as("the server listens").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Path> sockets() throws IOException {
        return RelayListing.files(home, ".sock");
    }

    /** Three features, #2 depending on #1, #3 blocked. */
    private void plan() throws Exception {
        assertThat(local("feature", "add", "Log in").exit()).isZero();
        assertThat(local("feature", "add", "Log out", "--depends-on", "#1").exit()).isZero();
        assertThat(local("feature", "add", "Reset the password", "-s", "send a mail").exit()).isZero();
        assertThat(local("feature", "block", "#3", "--reason", "waits for the mail server").exit()).isZero();
    }

    private static final List<List<String>> READS = List.of(
            List.of("next"), List.of("next", "--json"), List.of("status"), List.of("status", "--json"),
            List.of("feature", "list"), List.of("feature", "list", "--json"), List.of("feature", "list", "--ready", "--json"),
            List.of("feature", "show", "#2"), List.of("feature", "show", "#2", "--json"), List.of("--json", "feature", "show", "#3"),
            List.of("feature", "show", "#99"), List.of("feature", "show", "#99", "--json"), List.of("feature", "lsit"),
            List.of("feature", "list", "--status", "nonsense"), List.of("dep", "add", "#1", "#2"),
            List.of("dep", "add", "#1", "#2", "--json"), List.of("feature", "start", "#2"), List.of("rule", "list"),
            List.of("insight", "list"), List.of("projects"), List.of("projects", "--json"),
            List.of("feature", "complete", "#99", "--json"));

    @Test
    void everyHandedOverCommandPrintsWhatALocalRunPrintsByteForByte() throws Exception {
        plan();
        startServer("mcp");
        for (List<String> args : READS) {
            String[] a = args.toArray(String[]::new);
            Run here = local(a);
            Run there = lean(a);
            assertThat(there).as(String.join(" ", args)).isEqualTo(here);
        }
        // Writes: the same command on two copies of one plan, one handed over, one not, prints the same.
        Run added = lean("feature", "add", "Sign up", "--depends-on", "#1", "--depends-on", "#2");
        assertThat(added.exit()).as(added.err()).isZero();
        Run blocked = lean("feature", "block", "#4", "--reason", "needs a design");
        assertThat(blocked.exit()).as(blocked.err()).isZero();
        Run dep = lean("dep", "add", "#3", "#1");
        assertThat(dep.exit()).as(dep.err()).isZero();
        Run stepped = lean("step", "check", "#3", "1");
        server.getOutputStream().close();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        url = "jdbc:sqlite:" + tmp.resolve("copy.db");
        plan();
        assertThat(added).isEqualTo(local("feature", "add", "Sign up", "--depends-on", "#1", "--depends-on", "#2"));
        assertThat(blocked).isEqualTo(local("feature", "block", "#4", "--reason", "needs a design"));
        assertThat(dep).isEqualTo(local("dep", "add", "#3", "#1"));
        assertThat(stepped).isEqualTo(local("step", "check", "#3", "1"));
    }

    @Test
    void serveTakesCommandsToo() throws Exception {
        plan();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startServer("serve", "--port", Integer.toString(port));
        Run there = lean("feature", "list", "--json");
        assertThat(there).isEqualTo(local("feature", "list", "--json"));
        Run added = lean("feature", "add", "From the dashboard's engine");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(local("feature", "show", "#4").out()).contains("From the dashboard's engine");
    }

    @Test
    void commandsAndHooksRunConcurrentlyOnOneServer() throws Exception {
        plan();
        startServer("mcp");
        // Full class paths: on a loaded machine a client may give up waiting for the server's first answer and run
        // its command itself, which is right, as long as every command runs exactly once.
        Process hook = java(LEAN, List.of("hook"), env -> {}).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        hook.getOutputStream().write(("{\"session_id\":\"h1\",\"hook_event_name\":\"PostToolUse\",\"cwd\":\""
                + project + "\",\"tool_name\":\"Edit\",\"tool_input\":{},\"tool_response\":{}}").getBytes(StandardCharsets.UTF_8));
        hook.getOutputStream().close();
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            running.add(java(FULL, List.of("feature", "add", "Parallel " + i), env -> {})
                    .redirectError(tmp.resolve("add" + i + ".err").toFile()).start());
            running.add(java(FULL, List.of("status", "--json"), env -> {})
                    .redirectError(tmp.resolve("status" + i + ".err").toFile()).start());
        }
        for (int i = 0; i < running.size(); i++) {
            Process p = running.get(i);
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(tmp.resolve((i % 2 == 0 ? "add" : "status") + i / 2 + ".err"));
            assertThat(p.exitValue()).as(err).isZero();
        }
        assertThat(hook.getInputStream().readAllBytes()).isEmpty();
        assertThat(hook.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(hook.exitValue()).isZero();
        String list = local("feature", "list").out();
        for (int i = 0; i < 12; i++) {
            assertThat(list).contains("Parallel " + i + "\n");
        }
        assertThat(list.lines().filter(l -> l.contains("Parallel ")).count()).isEqualTo(12);
    }

    @Test
    void withoutAServerOrWithAStaleSocketTheCommandRunsHere() throws Exception {
        plan();
        assertThat(lean("status").exit()).as("no server: the lean client cannot do it itself").isNotZero();
        startServer("mcp");
        Path dir = sockets().getFirst().getParent();
        server.getOutputStream().close();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path stale = dir.resolve("999999999.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale)); // a server killed with -9 leaves its socket behind
        }

        Run r = run(FULL, env -> {}, "feature", "add", "Once");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(stale).as("removed by the client").doesNotExist();
        assertThat(local("feature", "list").out().lines().filter(l -> l.contains("Once")).count()).isEqualTo(1);
    }

    @Test
    void aServerOfAnotherStoreOrAnotherVersionOrOneThatNeverAnswersLeavesTheCommandHere() throws Exception {
        plan();
        startServer("mcp");
        Path dir = sockets().getFirst().getParent();
        server.getOutputStream().close();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // A server of another build answers with another version; one that is stuck answers nothing.
        for (byte[] answer : List.of(new byte[] {99, 0}, new byte[0])) {
            try (FakeServer fake = new FakeServer(dir.resolve("1.sock"), (in, out) -> {
                out.write(answer);
                out.flush();
                Thread.sleep(answer.length == 0 ? 10_000 : 0);
            })) {
                Run r = run(FULL, env -> {}, "feature", "add", "Fallback " + answer.length);
                assertThat(r.exit()).as(r.err()).isZero();
                assertThat(fake.connections()).isEqualTo(1);
            }
        }
        String list = local("feature", "list").out();
        assertThat(list).contains("Fallback 2").contains("Fallback 0");

        // A real server of another store declines, and the command runs here.
        String mine = url;
        url = "jdbc:sqlite:" + tmp.resolve("other.db");
        startServer("mcp");
        Path otherSocket = sockets().getFirst();
        Files.move(otherSocket, dir.resolve(otherSocket.getFileName())); // where a client of the first store looks
        url = mine;
        Run r = run(FULL, env -> {}, "feature", "add", "Not the other store");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(local("feature", "list").out()).contains("Not the other store");
    }

    @Test
    void aServerThatDiesAfterTakingACommandIsReportedAndTheCommandIsNotRunAgain() throws Exception {
        plan();
        startServer("mcp");
        Path dir = sockets().getFirst().getParent();
        server.getOutputStream().close();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (FakeServer fake = new FakeServer(dir.resolve("1.sock"), (in, out) -> {
            skipCommandRequest(in);
            out.write(new byte[] {RELAY_VERSION, 0}); // this build's version, taken
            out.flush();
            assertThat(in.read()).as("the go").isEqualTo(7);
            out.write(new byte[] {1, 0, 0, 0, 6});
            out.write("Added ".getBytes(StandardCharsets.UTF_8));
            out.flush(); // and dies
        })) {
            Run r = run(FULL, env -> {}, "feature", "add", "Maybe");
            assertThat(r.exit()).isEqualTo(14);
            assertThat(r.out()).isEqualTo("Added ");
            assertThat(r.err()).contains("may or may not have been applied").contains("ijoka status");
            assertThat(fake.connections()).isEqualTo(1);
        }
        assertThat(local("feature", "list").out()).doesNotContain("Maybe");
    }

    @Test
    void verboseRunsAndHelpStayHere() throws Exception {
        plan();
        startServer("mcp");
        assertThat(lean("-v", "status").exit()).isNotZero();
        assertThat(lean("status", "-vv").exit()).isNotZero();
        assertThat(lean("import", "x.json").exit()).isNotZero();
        assertThat(lean("feature", "add", "x", "--db-password-file", "p").exit()).isNotZero();
        assertThat(lean("status").exit()).isZero();
    }

    /** Reads a command request as RelayProtocol writes it: version, kind, 3 texts, a flag, arguments, variables. */
    private static void skipCommandRequest(DataInputStream in) throws IOException {
        assertThat(in.readByte()).as("the version").isEqualTo(RELAY_VERSION);
        assertThat(in.readByte()).as("a command").isEqualTo((byte) 1);
        for (int i = 0; i < 3; i++) {
            in.skipNBytes(in.readInt());
        }
        in.readBoolean();
        for (int texts = in.readInt(); texts > 0; texts--) {
            in.skipNBytes(in.readInt());
        }
        for (int texts = 2 * in.readInt(); texts > 0; texts--) {
            in.skipNBytes(in.readInt());
        }
    }

    interface Conversation {
        void talk(DataInputStream in, DataOutputStream out) throws Exception;
    }

    /** A socket that plays a relay server badly, once per connection. */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocketChannel listener;
        private final Path socket;
        private final Thread thread;
        private volatile int connections;

        FakeServer(Path socket, Conversation conversation) throws IOException {
            this.socket = socket;
            this.listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
            Files.setLastModifiedTime(socket, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            this.thread = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try (SocketChannel c = listener.accept()) {
                        connections++;
                        conversation.talk(new DataInputStream(Channels.newInputStream(c)),
                                new DataOutputStream(Channels.newOutputStream(c)));
                    } catch (Exception e) {
                        if (!listener.isOpen()) {
                            return;
                        }
                    }
                }
            });
        }

        int connections() {
            return connections;
        }

        @Override
        public void close() throws IOException {
            listener.close();
            thread.interrupt();
            Files.deleteIfExists(socket);
        }
    }
}
