package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Claude Code session is one Ijoka session, between real processes: {@code ijoka mcp} started as
 * Claude Code starts it (with {@code CLAUDE_CODE_SESSION_ID}), a claim through the MCP SDK's stdio client,
 * and {@code ijoka hook} processes, relayed and direct, for Edit, Bash and a real {@code git commit} in a
 * real repository. Every tool use and commit lands in that session, against the claimed feature; the same
 * after a {@code /clear}, whose hooks come with a new session id; and a second Claude Code session on the
 * same project keeps to itself.
 *
 * <p>The test JVM plays the first Claude Code process: it starts that session's {@code ijoka mcp} and its
 * hooks. The second Claude Code process is a shell that starts its own {@code ijoka mcp}.
 */
class OneAgentOneSessionIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FULL = System.getProperty("java.class.path");
    /**
     * A class path without any store's libraries (drivers, jOOQ, Flyway, the pool), so a hook on it records only
     * through the relay; the store modules stay, since a relayed hook locates its store by their providers.
     */
    private static final String LEAN = Arrays.stream(FULL.split(File.pathSeparator))
            .filter(e -> !e.contains("sqlite-jdbc") && !e.contains("jooq") && !e.contains("flyway")
                    && !e.contains("postgresql-") && !e.contains("HikariCP"))
            .collect(Collectors.joining(File.pathSeparator));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    private Path home;
    private Path elsewhere;
    private Path project;
    private String url;
    private final List<McpSyncClient> clients = new ArrayList<>();
    private int hooks;

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        elsewhere = tmp.resolve("home-without-relays"); // a hook with this data directory finds no relay: the direct path
        project = Files.createDirectories(tmp.resolve("project"));
        url = "jdbc:sqlite:" + tmp.resolve("ijoka.db");
        git("init", "-q", "-b", "main");
        git("config", "user.name", "Ann Agent");
        git("config", "user.email", "ann@example.com");
        git("config", "commit.gpgsign", "false");
        commit("Start the project");
    }

    @AfterEach
    void tearDown() {
        clients.forEach(McpSyncClient::close);
    }

    @Test
    void hooksOfTheClaudeCodeSessionRecordIntoTheSessionThatHoldsTheClaimAgainstItsFeatureAlsoAfterAClear() throws Exception {
        McpSyncClient agent = connect("claude-abc", false);
        hook("claude-abc", true, sessionStart("claude-abc", "startup"));
        call(agent, "ijoka_add_feature", Map.of("description", "Login form"));
        call(agent, "ijoka_add_feature", Map.of("description", "Password reset"));
        call(agent, "ijoka_start_feature", Map.of("feature", "#1"));

        for (boolean relayed : List.of(true, false)) {
            String how = relayed ? "relayed" : "direct";
            edit("claude-abc", relayed, "src/Login" + how + ".java");
            bash("claude-abc", relayed, "git commit -am 'Login, " + how + "'", () -> commit("Login, " + how));
        }

        // /clear: Claude Code ends the session's id and goes on under a new one; its ijoka mcp keeps the old.
        hook("claude-abc", true, payload("claude-abc", "SessionEnd").put("reason", "clear"));
        hook("claude-def", false, sessionStart("claude-def", "clear"));
        for (boolean relayed : List.of(true, false)) {
            String how = relayed ? "relayed" : "direct";
            edit("claude-def", relayed, "src/Reset" + how + ".java");
            bash("claude-def", relayed, "make release", () -> commit("After the clear, " + how));
        }

        // A second Claude Code session on the same project, started by another Claude Code process.
        McpSyncClient other = connect("claude-xyz", true);
        hook("claude-xyz", true, sessionStart("claude-xyz", "startup"));
        call(other, "ijoka_start_feature", Map.of("feature", "#2"));
        edit("claude-xyz", true, "src/Reset.java");
        edit("claude-xyz", false, "src/ResetTest.java");
        call(agent, "ijoka_status", Map.of()); // the first session still holds its claim

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project p = ijoka.projects().open(project);
            Feature login = ijoka.features().get(FeatureRef.parse(p.id(), "#1"));
            Feature reset = ijoka.features().get(FeatureRef.parse(p.id(), "#2"));
            assertThat(login.claim().session().value()).isEqualTo("claude-abc");
            assertThat(reset.claim().session().value()).isEqualTo("claude-xyz");
            assertThat(ijoka.sessions().list(p.id())).extracting(s -> s.id().value())
                    .as("one session per Claude Code session, none for the id after /clear")
                    .containsExactlyInAnyOrder("claude-abc", "claude-xyz");
            assertThat(ijoka.sessions().list(p.id())).allSatisfy(s -> assertThat(s.endedAt()).isNull());

            List<Event> activity = ijoka.events().query(new EventQuery(p.id(), null, null,
                    Set.of(EventType.TOOL_USED, EventType.COMMIT_MADE), Long.MAX_VALUE, 1000)).reversed();
            List<Event> first = activity.stream().filter(e -> e.session().value().equals("claude-abc")).toList();
            List<Event> second = activity.stream().filter(e -> e.session().value().equals("claude-xyz")).toList();
            assertThat(first.size() + second.size()).as("every event belongs to one of the two sessions").isEqualTo(activity.size());
            assertThat(first).allSatisfy(e -> assertThat(e.feature()).as(e.toString()).isEqualTo(login.id()));
            assertThat(second).allSatisfy(e -> assertThat(e.feature()).as(e.toString()).isEqualTo(reset.id()));
            assertThat(first).filteredOn(e -> e.type() == EventType.TOOL_USED).hasSize(8); // 4 Edits, 4 Bash
            assertThat(second).filteredOn(e -> e.type() == EventType.TOOL_USED).hasSize(2);
            assertThat(first).filteredOn(e -> e.type() == EventType.COMMIT_MADE)
                    .extracting(e -> ((EventPayload.CommitMade) e.payload()).message())
                    .containsExactly("Login, relayed", "Login, direct", "After the clear, relayed", "After the clear, direct");
            assertThat(first).filteredOn(e -> e.type() == EventType.COMMIT_MADE)
                    .allSatisfy(e -> assertThat(((EventPayload.CommitMade) e.payload()).author()).isEqualTo("Ann Agent <ann@example.com>"));
            assertThat(ijoka.sessions().resolve(dev.ijoka.domain.SessionId.of("claude-def")).value()).isEqualTo("claude-abc");
        }
        for (McpSyncClient c : clients) {
            assertThat(c.closeGracefully()).isTrue();
        }
    }

    // --- Claude Code's side ----------------------------------------------------------------------

    /**
     * Starts {@code ijoka mcp} as Claude Code does, with its session id in the environment, and waits until
     * its relay listens. {@code underAShell}: started by a shell of its own, as another Claude Code process
     * would start it.
     */
    private McpSyncClient connect(String session, boolean underAShell) throws Exception {
        int before = sockets().size();
        List<String> java = List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", FULL, Main.class.getName(), "mcp");
        ServerParameters.Builder params = underAShell
                ? ServerParameters.builder("sh").args("-c", java.stream().map(OneAgentOneSessionIT::quote)
                        .collect(Collectors.joining(" ")) + "; exit $?")
                : ServerParameters.builder(JAVA).args(java.subList(1, java.size()));
        params.addEnvVar("IJOKA_HOME", home.toString()).addEnvVar("IJOKA_DB", url)
                .addEnvVar("CLAUDE_PROJECT_DIR", project.toString()).addEnvVar("CLAUDE_CODE_SESSION_ID", session);
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params.build(), McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder("claude-code", "2.1.170").build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        clients.add(client);
        client.initialize();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sockets().size() <= before) {
            assertThat(System.nanoTime()).as("ijoka mcp listens for hooks").isLessThan(deadline);
            Thread.sleep(50);
        }
        return client;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
    }

    private void edit(String session, boolean relayed, String file) throws Exception {
        Path path = project.resolve(file);
        ObjectNode pre = payload(session, "PreToolUse").put("tool_name", "Edit");
        pre.putObject("tool_input").put("file_path", path.toString()).put("old_string", "").put("new_string", "x");
        hook(session, relayed, pre);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "class X {}\n");
        ObjectNode post = payload(session, "PostToolUse").put("tool_name", "Edit");
        post.set("tool_input", pre.get("tool_input"));
        post.putObject("tool_response").put("filePath", path.toString()).put("oldString", "").put("newString", "x");
        hook(session, relayed, post);
    }

    private interface Work {
        void run() throws Exception;
    }

    private void bash(String session, boolean relayed, String command, Work effect) throws Exception {
        ObjectNode pre = payload(session, "PreToolUse").put("tool_name", "Bash");
        pre.putObject("tool_input").put("command", command).put("description", "commit");
        hook(session, relayed, pre);
        effect.run();
        ObjectNode post = payload(session, "PostToolUse").put("tool_name", "Bash");
        post.set("tool_input", pre.get("tool_input"));
        post.putObject("tool_response").put("stdout", "").put("stderr", "").put("interrupted", false).put("isImage", false);
        hook(session, relayed, post);
    }

    private ObjectNode sessionStart(String session, String source) {
        return payload(session, "SessionStart").put("source", source).put("model", "claude-opus");
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

    /** Runs {@code ijoka hook} as Claude Code does: the payload on stdin, the session id in the environment. */
    private void hook(String session, boolean relayed, ObjectNode payload) throws Exception {
        String name = "hook-" + (++hooks);
        List<String> cmd = List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", relayed ? LEAN : FULL, Main.class.getName(), "hook");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", (relayed ? home : elsewhere).toString());
        pb.environment().put("CLAUDE_PROJECT_DIR", project.toString());
        pb.environment().put("CLAUDE_CODE_SESSION_ID", session);
        Process p = pb.start();
        p.getOutputStream().write(JSON.writeValueAsBytes(payload));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve(name + ".err"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).as(name + " (" + payload.path("hook_event_name").stringValue() + ") on stderr").doesNotContain("ijoka hook:");
    }

    private List<Path> sockets() throws IOException {
        return RelayListing.files(home, ".sock");
    }

    // --- git ------------------------------------------------------------------------------------

    private void commit(String subject) throws Exception {
        Files.writeString(project.resolve("CHANGES.txt"), subject + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        git("add", "-A");
        git("commit", "-q", "-m", subject);
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
    }
}
