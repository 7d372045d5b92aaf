package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hook relay between real processes: {@code ijoka mcp} on a SQLite file, and {@code ijoka hook}
 * processes that find it. A "lean" hook runs on a class path without SQLite's driver, jOOQ or Flyway (the
 * store's provider stays: it reads the store URL the relay is keyed by), so that its direct path could not
 * record anything: whatever it records went through the relay.
 */
class HookRelayIT {

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
    private Process mcp;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("project"));
        url = "jdbc:sqlite:" + tmp.resolve("ijoka.db");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (mcp != null && mcp.isAlive()) {
            mcp.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Run(int exit, String out, String err) {}

    private ProcessBuilder java(String classPath, List<String> jvmOptions, String command) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, Main.class.getName(), command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().remove("CLAUDE_PROJECT_DIR");
        return pb;
    }

    private void startMcp() throws Exception {
        mcp = java(FULL, List.of(), "mcp").redirectOutput(tmp.resolve("mcp.out").toFile())
                .redirectError(tmp.resolve("mcp.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sockets().isEmpty()) {
            assertThat(mcp.isAlive()).as("ijoka mcp runs: " + Files.readString(tmp.resolve("mcp.err"))).isTrue();
            assertThat(System.nanoTime()).as("ijoka mcp listens for hooks").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Ends {@code ijoka mcp} as Claude Code does, by closing its stdin; returns its stdout. */
    private String stopMcp() throws Exception {
        mcp.getOutputStream().close();
        assertThat(mcp.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mcp.exitValue()).isZero();
        return Files.readString(tmp.resolve("mcp.out"));
    }

    private List<Path> sockets() throws IOException {
        return RelayListing.files(home, ".sock");
    }

    private Process startHook(String classPath, List<String> jvmOptions, String stdin, String name) throws IOException {
        Process p = java(classPath, jvmOptions, "hook").redirectError(tmp.resolve(name + ".err").toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }

    private Run finish(Process p, String name) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(tmp.resolve(name + ".err")));
    }

    private Run hook(String classPath, List<String> jvmOptions, String stdin) throws Exception {
        return finish(startHook(classPath, jvmOptions, stdin, "hook"), "hook");
    }

    private String payload(String session, String event, String extra) {
        String cwd = JsonMapper.builder().build().writeValueAsString(project.toString());
        return "{\"session_id\":\"" + session + "\",\"cwd\":" + cwd + ",\"hook_event_name\":\"" + event + "\"" + extra + "}";
    }

    private String postToolUse(String session) {
        return payload(session, "PostToolUse", ",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"},"
                + "\"tool_response\":{\"success\":true}");
    }

    private List<EventType> events(String session) {
        try (Ijoka engine = Ijoka.builder().store(url).build()) {
            Project p = engine.projects().open(project);
            return engine.events().query(new EventQuery(p.id(), null, SessionId.of(session), Set.of(), Long.MAX_VALUE, 100))
                    .stream().map(Event::payload).map(e -> e.type()).toList().reversed();
        }
    }

    @Test
    void aHookIsAnsweredByTheRunningServerWithoutLoadingTheEngine() throws Exception {
        startMcp();
        Path classes = tmp.resolve("classes.txt");

        Run post = hook(LEAN, List.of("-Xlog:class+load:file=" + classes), postToolUse("s1"));

        assertThat(post.exit()).as(post.err()).isZero();
        assertThat(post.out()).isEmpty();
        assertThat(events("s1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        List<String> loaded = Files.readAllLines(classes).stream().map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
                .toList();
        assertThat(loaded).anyMatch(l -> l.startsWith("dev.ijoka.claude.HookRelayClient "))
                .noneMatch(l -> l.startsWith("tools.jackson.databind."))
                .noneMatch(l -> l.startsWith("org.jooq."))
                .noneMatch(l -> l.startsWith("dev.ijoka.Ijoka ") || l.startsWith("dev.ijoka.store.sqlite.SqliteStore "))
                .noneMatch(l -> l.startsWith("dev.ijoka.internal.") && !l.startsWith("dev.ijoka.internal.memory.InMemoryStoreProvider "))
                .noneMatch(l -> l.startsWith("com.google.inject.") || l.startsWith("org.sqlite."))
                .noneMatch(l -> l.startsWith("dev.ijoka.claude.HookHandler ") || l.startsWith("dev.ijoka.claude.HookRun "))
                // Nothing that makes the JVM open the class path's jars one by one: no class of picocli (the 57th jar),
                // no store provider (found through ServiceLoader), no ServiceLoader lookup on the class path at all
                // (the JDK's selector provider is named on Linux: Main.selectorProviderByName).
                .noneMatch(l -> l.startsWith("picocli."))
                .noneMatch(l -> l.startsWith("dev.ijoka.spi.StoreProvider "));
        if (System.getProperty("os.name", "").equals("Linux")) {
            assertThat(loaded).noneMatch(l -> l.startsWith("java.util.ServiceLoader$LazyClassPathLookupIterator "));
        }

        // SessionStart: the relay's answer is the direct path's, word for word.
        Run relayed = hook(LEAN, List.of(), payload("r1", "SessionStart", ",\"source\":\"startup\""));
        assertThat(relayed.exit()).isZero();
        assertThat(relayed.out()).contains("additionalContext");
        Path socket = sockets().getFirst();
        assertThat(stopMcp()).as("stdout of ijoka mcp carries the protocol alone").isEmpty();
        assertThat(socket).as("removed when the server ends").doesNotExist();
        Run direct = hook(FULL, List.of(), payload("d1", "SessionStart", ",\"source\":\"startup\""));
        assertThat(direct.exit()).isZero();
        assertThat(relayed.out()).isEqualTo(direct.out());
    }

    @Test
    void garbageThroughTheRelayExitsZeroWithNothingOnStdout() throws Exception {
        startMcp();
        for (String garbage : List.of("", "not json at all", "[1,2,3]", "{\"hook_event_name\":\"Nope\",\"session_id\":\"x\"}")) {
            Run r = hook(LEAN, List.of(), garbage);
            assertThat(r.exit()).as(garbage).isZero();
            assertThat(r.out()).as(garbage).isEmpty();
        }
        Run after = hook(LEAN, List.of(), postToolUse("g1"));
        assertThat(after.exit()).isZero();
        assertThat(events("g1")).contains(EventType.TOOL_USED);
        assertThat(stopMcp()).isEmpty();
    }

    @Test
    void twentyConcurrentHooksThroughOneRelayAreAllRecorded() throws Exception {
        startMcp();
        List<Process> hooks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hooks.add(startHook(LEAN, List.of(), postToolUse("c" + i), "c" + i));
        }
        for (int i = 0; i < 20; i++) {
            Run r = finish(hooks.get(i), "c" + i);
            assertThat(r.exit()).as(r.err()).isZero();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(events("c" + i)).as("c" + i).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
        }
        stopMcp();
    }

    @Test
    void aStaleSocketIsRemovedAndTheHookRecordsTheEventItself() throws Exception {
        startMcp();
        Path dir = sockets().getFirst().getParent();
        stopMcp();
        Path stale = dir.resolve("999999999.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale)); // a server killed with -9 leaves its socket behind
        }

        Run r = hook(FULL, List.of(), postToolUse("st1"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(stale).doesNotExist();
        assertThat(events("st1")).containsExactly(EventType.SESSION_STARTED, EventType.TOOL_USED);
    }
}
