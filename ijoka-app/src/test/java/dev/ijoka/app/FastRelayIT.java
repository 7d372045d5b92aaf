package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * The launcher's own relay client ({@code ./ijoka}, bash over loopback TCP: docs/architecture.md, "The relay's two
 * transports") against a real {@code ijoka mcp} on a SQLite file. Runs that must not start a JVM get a fake
 * {@code JAVA_HOME} whose {@code java} only leaves a mark and fails: whatever such a run prints and records, a server did,
 * with no JVM started for the client. Local runs for comparison use the real JDK and {@code IJOKA_NO_HANDOFF}. Runs
 * after {@code package}.
 */
class FastRelayIT {

    private static final Path LAUNCHER = Path.of("..", "ijoka").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FULL = System.getProperty("java.class.path");

    @TempDir
    Path tmp;
    private Path home;
    private Path project;
    private Path fakeJdk;
    private Path mark;
    private String url;
    private Process server;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("project"));
        url = "jdbc:sqlite:" + tmp.resolve("ijoka.db");
        fakeJdk = Files.createDirectories(tmp.resolve("fake-jdk/bin")).getParent();
        Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"25\"\n");
        mark = tmp.resolve("a-jvm-started");
        Path java = Files.writeString(fakeJdk.resolve("bin/java"), "#!/bin/sh\necho \"$@\" >> '" + mark + "'\nexit 97\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Run(int exit, String out, String err) {}

    private ProcessBuilder launcher(Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("IJOKA_") || k.startsWith("LC_") || k.startsWith("CLAUDE_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        e.put("IJOKA_DB", url);
        e.put("IJOKA_HOME", home.toString());
        e.put("IJOKA_NO_CDS", "1");
        e.put("LANG", "C.UTF-8");
        e.put("COLUMNS", "100");
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String stdin, List<String> args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = launcher(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A run through the launcher that must not start a JVM. */
    private Run fast(String... args) throws Exception {
        return run(Map.of("JAVA_HOME", fakeJdk.toString()), "", List.of(args));
    }

    /** A run in its own JVM, never handed over. */
    private Run local(String... args) throws Exception {
        return run(Map.of("IJOKA_NO_HANDOFF", "1"), "", List.of(args));
    }

    private void startServer(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", FULL, Main.class.getName(),
                "mcp").directory(project.toFile());
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().remove("CLAUDE_PROJECT_DIR");
        pb.environment().remove("CLAUDE_CODE_SESSION_ID");
        pb.environment().putAll(env);
        server = pb.redirectOutput(tmp.resolve("server.out").toFile()).redirectError(tmp.resolve("server.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (tcpFiles().isEmpty()) {
            assertThat(server.isAlive()).as("the server runs: " + Files.readString(tmp.resolve("server.err"))).isTrue();
            assertThat(System.nanoTime()).as("the server listens").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void stopServer() throws Exception {
        server.getOutputStream().close();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private List<Path> tcpFiles() throws IOException {
        return RelayListing.files(home, ".tcp");
    }

    private void noJvmStarted() throws IOException {
        assertThat(mark).as("no JVM started: " + (Files.exists(mark) ? Files.readString(mark) : "")).doesNotExist();
    }

    /** Three features, #2 depending on #1, #3 blocked; one with letters beyond ASCII. */
    private void plan() throws Exception {
        assertThat(local("feature", "add", "Log in").exit()).isZero();
        assertThat(local("feature", "add", "Log out", "--depends-on", "#1").exit()).isZero();
        assertThat(local("feature", "add", "Réinitialiser le mot de passe", "-s", "send a mail").exit()).isZero();
        assertThat(local("feature", "block", "#3", "--reason", "waits for the mail server").exit()).isZero();
    }

    private static final List<List<String>> READS = List.of(
            List.of("next"), List.of("next", "--json"), List.of("status"), List.of("status", "--json"),
            List.of("feature", "list"), List.of("feature", "list", "--json"), List.of("feature", "list", "--ready", "--json"),
            List.of("feature", "show", "#2"), List.of("feature", "show", "#3", "--json"), List.of("--json", "feature", "show", "#3"),
            List.of("feature", "show", "#99"), List.of("feature", "show", "#99", "--json"), List.of("feature", "lsit"),
            List.of("feature", "list", "--status", "nonsense"), List.of("dep", "add", "#1", "#2"),
            List.of("dep", "add", "#1", "#2", "--json"), List.of("feature", "start", "#2"), List.of("rule", "list"),
            List.of("insight", "list"), List.of("projects"), List.of("projects", "--json"),
            List.of("feature", "complete", "#99", "--json"), List.of("--db", "jdbc:sqlite:ijoka.db", "status"),
            List.of("feature", "show", "#1", "with spaces", "and\nnewline"));

    @Test
    void everyCommandIsRunByTheServerWithoutAJvmAndPrintsWhatALocalRunPrints() throws Exception {
        url = "jdbc:sqlite:ijoka.db"; // relative: the server reads it in the client's directory, as a local run would
        Files.move(project, tmp.resolve("p"));
        project = Files.createDirectories(tmp.resolve("p").resolve("project"));
        plan();
        startServer(Map.of());
        for (List<String> args : READS) {
            String[] a = args.toArray(String[]::new);
            Run there = fast(a);
            noJvmStarted();
            assertThat(there).as(String.join(" ", args)).isEqualTo(local(a));
        }
        // Writes: the same commands on two copies of one plan, one handed over, one not, print the same.
        List<List<String>> writes = List.of(List.of("feature", "add", "Sign up", "--depends-on", "#1", "--depends-on", "#2"),
                List.of("feature", "block", "#4", "--reason", "needs a design"), List.of("dep", "add", "#3", "#1"),
                List.of("step", "check", "#3", "1"), List.of("insight", "add", "Les accents passent ✓"));
        List<Run> handed = new ArrayList<>();
        for (List<String> w : writes) {
            handed.add(fast(w.toArray(String[]::new)));
        }
        noJvmStarted();
        stopServer();
        assertThat(tcpFiles()).as("removed when the server ends").isEmpty();
        Files.move(tmp.resolve("p/project/ijoka.db"), tmp.resolve("p/handed.db"));
        plan();
        for (int i = 0; i < writes.size(); i++) {
            assertThat(handed.get(i)).as(String.join(" ", writes.get(i))).isEqualTo(local(writes.get(i).toArray(String[]::new)));
        }
    }

    @Test
    void aHookIsRecordedWithoutAJvmInTheSessionTheJavaClientsLandIn() throws Exception {
        startServer(Map.of("CLAUDE_CODE_SESSION_ID", "agent-1")); // links this JVM, its parent, to agent-1
        Run started = run(Map.of("IJOKA_NO_FAST_RELAY", "1"), payload("agent-1", "SessionStart", ",\"source\":\"startup\""),
                List.of("hook"));
        assertThat(started.exit()).as(started.err()).isZero();
        String post = postToolUse("b1");

        Run bash = run(Map.of("JAVA_HOME", fakeJdk.toString()), post, List.of("hook"));

        assertThat(bash).isEqualTo(new Run(0, "", ""));
        noJvmStarted();
        Run java = run(Map.of("IJOKA_NO_FAST_RELAY", "1"), postToolUse("j1"), List.of("hook"));
        assertThat(java.exit()).as(java.err()).isZero();
        Run start = run(Map.of("JAVA_HOME", fakeJdk.toString()), payload("r1", "SessionStart", ",\"source\":\"startup\""),
                List.of("hook"));
        noJvmStarted();
        Run startJava = run(Map.of("IJOKA_NO_FAST_RELAY", "1"), payload("r2", "SessionStart", ",\"source\":\"startup\""),
                List.of("hook"));
        assertThat(start.out()).contains("additionalContext").isEqualTo(startJava.out());
        stopServer();

        try (Ijoka engine = Ijoka.builder().store(url).build()) {
            SessionId agent = SessionId.of("agent-1");
            assertThat(engine.sessions().resolve(SessionId.of("b1"))).as("the launcher's hook: linked by its ancestors")
                    .isEqualTo(engine.sessions().resolve(SessionId.of("j1"))).isEqualTo(agent);
            Project p = engine.projects().open(project);
            List<Event> events = engine.events().query(new EventQuery(p.id(), null, agent, Set.of(), Long.MAX_VALUE, 100));
            assertThat(events.stream().filter(e -> e.payload().type() == EventType.TOOL_USED).count()).isEqualTo(2);
        }
    }

    @Test
    void whatTheLauncherCannotHandOverStartsTheJvmAsBefore() throws Exception {
        plan();
        Run none = fast("status");
        assertThat(none.exit()).as("no server: the JVM runs it").isEqualTo(97);
        Files.delete(mark);
        startServer(Map.of());
        for (Map<String, String> env : List.of(Map.of("LANG", "C"), Map.of("LC_ALL", "C", "LANG", "C.UTF-8"),
                Map.of("IJOKA_NO_FAST_RELAY", "1"), Map.of("IJOKA_JAVA_OPTS", "-Xmx64m"))) {
            Map<String, String> with = new java.util.HashMap<>(env);
            with.put("JAVA_HOME", fakeJdk.toString());
            assertThat(run(with, "", List.of("status")).exit()).as(env.toString()).isEqualTo(97);
            assertThat(mark).as(env.toString()).exists();
            Files.delete(mark);
        }
        for (List<String> args : List.of(List.of("-v", "status"), List.of("status", "--help"), List.of("import", "x.json"),
                List.of("--db", "jdbc:sqlite:" + tmp.resolve("other.db"), "status"))) {
            Run r = fast(args.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isEqualTo(97);
            assertThat(mark).as(args.toString()).exists();
            Files.delete(mark);
        }
        assertThat(fast("status").exit()).isZero();
        noJvmStarted();
    }

    @Test
    void aKilledServersFileFallsThroughAndEachEventAndCommandIsRecordedOnce() throws Exception {
        plan();
        startServer(Map.of());
        Path file = tcpFiles().getFirst();
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: its files stay behind
        assertThat(file).exists();

        Run hook = run(Map.of(), postToolUse("k1"), List.of("hook"));
        Run add = run(Map.of(), "", List.of("feature", "add", "Once"));

        assertThat(hook).isEqualTo(new Run(0, "", ""));
        assertThat(add.exit()).as(add.err()).isZero();
        try (Ijoka engine = Ijoka.builder().store(url).build()) {
            Project p = engine.projects().open(project);
            assertThat(engine.events().query(new EventQuery(p.id(), null, SessionId.of("k1"), Set.of(), Long.MAX_VALUE, 100))
                    .stream().map(e -> e.payload().type()).toList().reversed())
                    .containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        }
        assertThat(local("feature", "list").out().lines().filter(l -> l.contains("Once")).count()).isEqualTo(1);
    }

    @Test
    void aServerThatDiesAfterGoIsReportedWithExit14AndTheCommandIsNotRunAgain() throws Exception {
        plan();
        startServer(Map.of());
        Path dir = tcpFiles().getFirst().getParent();
        stopServer();
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("1.tcp"), fake.getLocalPort() + " 0123\n");
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket c = fake.accept()) {
                    InputStream in = c.getInputStream();
                    String read = "";
                    while (!read.endsWith(",0:,")) { // a command's request ends with its empty stdin
                        read += (char) in.read();
                    }
                    OutputStream out = c.getOutputStream();
                    out.write("1:1,5:taken,".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    byte[] go = in.readNBytes(5);
                    assertThat(new String(go, StandardCharsets.US_ASCII)).isEqualTo("2:go,");
                    out.write("o6:Added ,".getBytes(StandardCharsets.US_ASCII));
                    out.flush(); // and dies
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            Run r = fast("feature", "add", "Maybe");

            assertThat(r.exit()).isEqualTo(14);
            assertThat(r.out()).isEqualTo("Added ");
            assertThat(r.err()).contains("may or may not have been applied").contains("ijoka status");
            noJvmStarted();
        }
        assertThat(local("feature", "list").out()).doesNotContain("Maybe");
    }

    private String payload(String session, String event, String extra) {
        return "{\"session_id\":\"" + session + "\",\"cwd\":\"" + project + "\",\"hook_event_name\":\"" + event + "\"" + extra + "}";
    }

    private String postToolUse(String session) {
        return payload(session, "PostToolUse", ",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"},"
                + "\"tool_response\":{\"success\":true}");
    }
}
