package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ijoka mcp} handed to a running background engine by the launcher ({@code ./ijoka}: docs/architecture.md, "MCP
 * sessions handed to the engine"), between real processes on a real SQLite file: the engine, the MCP SDK's stdio client
 * on the launcher, and relayed hooks. Launchers that must not start a JVM get a fake {@code JAVA_HOME} whose {@code java}
 * only leaves a mark and fails (as in {@link FastRelayIT}): whatever such a session answers, the engine did. The test JVM
 * plays Claude Code: it starts the MCP server and the hooks. Runs after {@code package}.
 */
class McpHandoffIT {

    private static final Path LAUNCHER = Path.of("..", "ijoka").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FULL = System.getProperty("java.class.path");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n";

    @TempDir
    Path tmp;
    private Path home;
    private Path project;
    private Path fakeJdk;
    private Path mark;
    private String url;
    private Process engine;
    private int hooks;

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
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            ijoka.projects().open(project); // the store exists: an engine holds none that does not
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionHandedToTheEngineServesToolsItsHooksLandOnItsFeatureAndItEndsWithTheConnection() throws Exception {
        startEngine();
        McpSyncClient agent = connect("claude-abc");
        McpSchema.InitializeResult init = agent.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("ijoka");
        assertThat(agent.listTools().tools()).extracting(McpSchema.Tool::name).contains("ijoka_start_feature", "ijoka_status");
        call(agent, "ijoka_add_feature", Map.of("description", "Login form"));
        call(agent, "ijoka_add_feature", Map.of("description", "Password reset"));
        call(agent, "ijoka_start_feature", Map.of("feature", "#1"));

        hook("claude-abc", payload("claude-abc", "SessionStart").put("source", "startup"));
        edit("claude-abc", "src/Login.java");
        // /clear: Claude Code goes on under a new id; the hook finds the session through Claude Code's process, which the
        // handed-over session linked (the launcher's parent, as an ijoka mcp links its own).
        hook("claude-abc", payload("claude-abc", "SessionEnd").put("reason", "clear"));
        hook("claude-def", payload("claude-def", "SessionStart").put("source", "clear"));
        edit("claude-def", "src/LoginTest.java");

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project p = ijoka.projects().open(project);
            Feature login = ijoka.features().get(FeatureRef.parse(p.id(), "#1"));
            assertThat(login.claim().session().value()).isEqualTo("claude-abc");
            assertThat(ijoka.sessions().list(p.id())).extracting(s -> s.id().value()).containsExactly("claude-abc");
            List<Event> used = ijoka.events().query(new EventQuery(p.id(), null, null, Set.of(EventType.TOOL_USED),
                    Long.MAX_VALUE, 1000));
            assertThat(used).as("one per tool use, before and after the clear").hasSize(2).allSatisfy(e -> {
                assertThat(e.session().value()).isEqualTo("claude-abc");
                assertThat(e.feature()).as(e.toString()).isEqualTo(login.id());
            });
            assertThat(ijoka.sessions().resolve(SessionId.of("claude-def")).value()).isEqualTo("claude-abc");
        }
        noJvmStarted();

        // The client stops its server (the SDK's client sends SIGTERM): the connection closes, the session ends.
        assertThat(agent.closeGracefully()).isTrue();
        await("the session ends and its claim is released", () -> ended("claude-abc") && unclaimed("#1"));
        assertThat(engine.isAlive()).as("the engine stays up").isTrue();
        noJvmStarted();
    }

    @Test
    void stdinClosedEndsTheSessionAndTheLauncherExitsZero() throws Exception {
        startEngine();
        Process mcp = launcher(Map.of("JAVA_HOME", fakeJdk.toString(), "CLAUDE_CODE_SESSION_ID", "claude-raw"), "mcp")
                .redirectError(tmp.resolve("raw.err").toFile()).start();
        OutputStream in = mcp.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(mcp.getInputStream(), StandardCharsets.UTF_8));
        in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertThat(JSON.readTree(out.readLine()).path("result").path("serverInfo").path("name").asString()).isEqualTo("ijoka");
        in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_add_feature\","
                + "\"arguments\":{\"description\":\"Cart\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_start_feature\","
                + "\"arguments\":{\"feature\":\"#1\"}}}\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String started = out.readLine();
        started = started.contains("\"id\":3") ? started : out.readLine();
        assertThat(JSON.readTree(started).path("result").path("isError").asBoolean()).as(started).isFalse();
        assertThat(unclaimed("#1")).isFalse();

        in.close();
        assertThat(mcp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mcp.exitValue()).as(Files.readString(tmp.resolve("raw.err"))).isZero();
        await("the session ends and its claim is released", () -> ended("claude-raw") && unclaimed("#1"));
        noJvmStarted();
    }

    @Test
    void withoutAnEngineOrWhereItDeclinesTheLauncherStartsItsJvm() throws Exception {
        assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString()))).as("no server: the JVM").isEqualTo(97);
        Files.delete(mark);

        // A server of an older build, which knows no MCP session: it answers its version alone and closes.
        Path relay = Files.createDirectories(home.resolve("relay/oldserver"));
        try (ServerSocket old = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket s = old.accept()) {
                    s.getOutputStream().write("1:1,".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test's assertion says it
                }
            });
            Files.writeString(relay.resolve(ProcessHandle.current().pid() + ".tcp"), old.getLocalPort() + " " + "ab".repeat(32) + "\n");
            assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString()))).as("an old server: the JVM").isEqualTo(97);
            server.join(Duration.ofSeconds(30));
        }
        Files.delete(mark);
        deleteTree(home.resolve("relay"));

        // A real engine, but a wrong token: the engine closes the connection, having done nothing.
        startEngine();
        Path tcp = RelayListing.files(home, ".tcp").getFirst();
        String port = Files.readString(tcp).split(" ")[0];
        Files.writeString(tcp, port + " " + "0".repeat(64) + "\n");
        assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString()))).as("a wrong token: the JVM").isEqualTo(97);
        Files.delete(mark);

        // The engine declines a line it leaves to a JVM (-v), and one for another store.
        assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString()), "-v", "mcp")).isEqualTo(97);
        Files.delete(mark);
        assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString(), "IJOKA_DB", "jdbc:sqlite:" + tmp.resolve("other.db"))))
                .as("another store: the JVM").isEqualTo(97);
        Files.delete(mark);
        // IJOKA_NO_FAST_RELAY turns the launcher's client off.
        assertThat(rawInitialize(Map.of("JAVA_HOME", fakeJdk.toString(), "IJOKA_NO_FAST_RELAY", "1"))).isEqualTo(97);
        Files.delete(mark);
        assertThat(engine.isAlive()).isTrue();

        // With no engine at all, the real JVM serves, as before.
        engine.destroy();
        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        McpSyncClient alone = connect("claude-alone", Map.of());
        assertThat(alone.initialize().serverInfo().name()).isEqualTo("ijoka");
        call(alone, "ijoka_status", Map.of());
        assertThat(alone.closeGracefully()).isTrue();
    }

    @Test
    void aColdIjokaMcpStartsTheEngineAndTheNextSessionIsHandedToIt() throws Exception {
        Files.createDirectories(home); // as a user's data directory is: the launcher starts the engine from it
        ProcessBuilder cold = launcher(Map.of(), "mcp").redirectError(tmp.resolve("cold.err").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        cold.environment().remove("IJOKA_NO_ENGINE");
        Process first = cold.start();
        try (OutputStream in = first.getOutputStream()) {
            in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(tmp.resolve("cold.err"))).isZero();
        await("the launcher starts the background engine", () -> {
            try {
                return !RelayListing.files(home, ".tcp").isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        try {
            ProcessBuilder next = launcher(Map.of("JAVA_HOME", fakeJdk.toString()), "mcp");
            next.environment().remove("IJOKA_NO_ENGINE");
            Process handed = next.redirectError(tmp.resolve("next.err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(handed.getInputStream(), StandardCharsets.UTF_8));
            handed.getOutputStream().write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
            handed.getOutputStream().flush();
            assertThat(JSON.readTree(out.readLine()).path("result").path("serverInfo").path("name").asString())
                    .isEqualTo("ijoka");
            handed.getOutputStream().close();
            assertThat(handed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(handed.exitValue()).as(Files.readString(tmp.resolve("next.err"))).isZero();
            noJvmStarted();
        } finally {
            for (Path tcp : RelayListing.files(home, ".tcp")) { // the engine the launcher started: ours to stop
                String name = tcp.getFileName().toString();
                ProcessHandle.of(Long.parseLong(name.substring(0, name.length() - ".tcp".length()).replaceFirst("-\\d+$", "")))
                        .ifPresent(p -> {
                            p.destroy();
                            p.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
                        });
            }
        }
    }

    // --- processes --------------------------------------------------------------------------------

    private ProcessBuilder launcher(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("IJOKA_") || k.startsWith("CLAUDE_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        e.putAll(baseEnv());
        e.putAll(env);
        return pb;
    }

    private Map<String, String> baseEnv() {
        return Map.of("IJOKA_DB", url, "IJOKA_HOME", home.toString(), "IJOKA_NO_CDS", "1", "IJOKA_NO_ENGINE", "1",
                "CLAUDE_PROJECT_DIR", project.toString(), "JAVA_HOME", System.getProperty("java.home"), "LANG", "C.UTF-8");
    }

    /** {@code ijoka mcp} given an initialize and its stdin closed; its exit code (97: the fake JVM ran). */
    private int rawInitialize(Map<String, String> env, String... args) throws Exception {
        Process p = launcher(env, args.length == 0 ? new String[] {"mcp"} : args).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            // the fake JVM exited before reading: its code says what ran
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private void startEngine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", FULL, Main.class.getName(),
                "engine").directory(tmp.toFile());
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("CLAUDE_"));
        engine = pb.redirectOutput(tmp.resolve("engine.out").toFile()).redirectError(tmp.resolve("engine.err").toFile()).start();
        await("the engine listens", () -> {
            try {
                assertThat(engine.isAlive()).as("the engine runs: " + Files.readString(tmp.resolve("engine.err"))).isTrue();
                return !RelayListing.files(home, ".tcp").isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The MCP SDK's stdio client on {@code ./ijoka mcp}, as Claude Code starts it, with no JVM to start. */
    private McpSyncClient connect(String session) {
        return connect(session, Map.of("JAVA_HOME", fakeJdk.toString()));
    }

    private McpSyncClient connect(String session, Map<String, String> env) {
        ServerParameters.Builder params = ServerParameters.builder(LAUNCHER.toString()).args("mcp");
        baseEnv().forEach(params::addEnvVar);
        env.forEach(params::addEnvVar);
        params.addEnvVar("CLAUDE_CODE_SESSION_ID", session);
        return McpClient.sync(new StdioClientTransport(params.build(), McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder("claude-code", "2.1.170").build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
    }

    private static void call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
    }

    /** {@code ./ijoka hook} as Claude Code runs it, relayed by the launcher (no JVM). */
    private void hook(String session, ObjectNode payload) throws Exception {
        String name = "hook-" + (++hooks);
        Process p = launcher(Map.of("JAVA_HOME", fakeJdk.toString(), "CLAUDE_CODE_SESSION_ID", session), "hook")
                .redirectError(tmp.resolve(name + ".err").toFile()).start();
        p.getOutputStream().write(JSON.writeValueAsBytes(payload));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve(name + ".err"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).as(name).doesNotContain("ijoka hook:");
    }

    private void edit(String session, String file) throws Exception {
        Path path = project.resolve(file);
        ObjectNode pre = payload(session, "PreToolUse").put("tool_name", "Edit");
        pre.putObject("tool_input").put("file_path", path.toString()).put("old_string", "").put("new_string", "x");
        hook(session, pre);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "class X {}\n");
        ObjectNode post = payload(session, "PostToolUse").put("tool_name", "Edit");
        post.set("tool_input", pre.get("tool_input"));
        post.putObject("tool_response").put("filePath", path.toString()).put("oldString", "").put("newString", "x");
        hook(session, post);
    }

    private ObjectNode payload(String session, String event) {
        ObjectNode p = JSON.createObjectNode();
        p.put("session_id", session);
        p.put("transcript_path", tmp.resolve(session + ".jsonl").toString());
        p.put("cwd", project.toString());
        p.put("permission_mode", "default");
        p.put("hook_event_name", event);
        return p;
    }

    // --- the store, read beside the engine ----------------------------------------------------------

    private boolean ended(String session) {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Optional<Session> s = ijoka.sessions().find(SessionId.of(session));
            return s.isPresent() && s.get().endedAt() != null;
        }
    }

    private boolean unclaimed(String feature) {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project p = ijoka.projects().open(project);
            return ijoka.features().get(FeatureRef.parse(p.id(), feature)).claim() == null;
        }
    }

    private void noJvmStarted() throws IOException {
        assertThat(mark).as("no JVM started: " + (Files.exists(mark) ? Files.readString(mark) : "")).doesNotExist();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    deleteTree(p);
                } else {
                    Files.delete(p);
                }
            }
        }
        Files.delete(dir);
    }
}
