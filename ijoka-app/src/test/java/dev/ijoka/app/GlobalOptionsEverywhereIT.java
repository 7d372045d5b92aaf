package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every face of {@code ijoka.jar} (a command, {@code mcp}, {@code hook}) as a real process through
 * {@link Main}, with every global option before and after the command: {@code --db} and {@code --project}
 * take effect (the store named by {@code --db} wins over {@code IJOKA_DB}, and the project is found from
 * another working directory), {@code -v}, {@code -vv} and {@code --json} are accepted, and the protocol
 * faces keep stdout for their protocol.
 */
class GlobalOptionsEverywhereIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "Only in the store --db names";

    @TempDir
    Path tmp;
    private Path project;
    private Path elsewhere;
    private String db;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("shop"));
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        db = "jdbc:sqlite:" + tmp.resolve("named.db");
        try (CliHarness cli = new CliHarness()) {
            cli.env.put("IJOKA_DB", db);
            assertThat(cli.runIn(project, "feature", "add", MARK).exit()).isZero();
        }
    }

    /** The global options, as one line gives them: all of them, and -vv apart (it is -v twice). */
    private List<List<String>> optionSets() {
        return List.of(List.of("--db", db, "--project", project.toString(), "--json", "-v"),
                List.of("--db=" + db, "-p", project.toString(), "-vv"));
    }

    private static List<String> line(String face, List<String> options, boolean before) {
        List<String> line = new ArrayList<>();
        if (before) {
            line.addAll(options);
        }
        line.add(face);
        if (!before) {
            line.addAll(options);
        }
        return line;
    }

    private ProcessBuilder process(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile());
        pb.environment().put("IJOKA_DB", "jdbc:sqlite:" + tmp.resolve("other.db")); // --db must win over it
        pb.environment().put("IJOKA_HOME", tmp.resolve("home").toString());
        pb.environment().remove("CLAUDE_PROJECT_DIR");
        pb.environment().remove("CLAUDE_CODE_SESSION_ID");
        return pb;
    }

    private Process start(List<String> args) throws IOException {
        return process(args).redirectError(tmp.resolve("server.err").toFile()).redirectOutput(tmp.resolve("server.out").toFile())
                .start();
    }

    private void awaitRelay(Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (!RelayListing.files(tmp.resolve("home"), ".sock").isEmpty()) {
                return;
            }
            assertThat(server.isAlive()).as("ijoka mcp runs: " + Files.readString(tmp.resolve("server.err"))).isTrue();
            assertThat(System.nanoTime()).as("ijoka mcp listens for hooks").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Run ijoka(List<String> args, String stdin) throws Exception {
        ProcessBuilder pb = process(args);
        Path err = tmp.resolve("err.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ijoka " + args + " ends").isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    @Test
    void aCommandTakesEveryGlobalOptionBeforeAndAfterIt() throws Exception {
        for (List<String> options : optionSets()) {
            for (boolean before : List.of(true, false)) {
                List<String> args = line("status", options, before);
                Run r = ijoka(args, "");
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                assertThat(r.out()).as(String.valueOf(args)).contains(MARK);
                if (options.contains("--json")) {
                    assertThat(JSON.readTree(r.out()).get("progress").get("total").asInt()).isEqualTo(1);
                }
                if (options.contains("-vv")) {
                    assertThat(r.err()).as("-vv logs debug lines on stderr").contains("DEBUG");
                }
            }
        }
        assertThat(tmp.resolve("other.db")).doesNotExist();
    }

    @Test
    void theMcpServerTakesEveryGlobalOptionBeforeAndAfterIt() throws Exception {
        String session = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
                "clientInfo":{"name":"test","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ijoka_status","arguments":{}}}
                """;
        for (List<String> options : optionSets()) {
            for (boolean before : List.of(true, false)) {
                List<String> args = line("mcp", options, before);
                Run r = ijoka(args, session);
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                List<JsonNode> messages = Stream.of(r.out().split("\n")).filter(l -> !l.isBlank()).map(JSON::readTree).toList();
                assertThat(messages).as("stdout is JSON-RPC alone: " + r.out()).allMatch(m -> m.get("jsonrpc").asString().equals("2.0"));
                assertThat(messages).as(args + ": " + r.err()).anyMatch(m -> m.path("id").asInt() == 2 && m.toString().contains(MARK));
                // The version ijoka --version prints, not the MCP jar's (which has none in its manifest: "dev").
                assertThat(messages).as("initialize reports the build's version").anyMatch(m -> m.path("id").asInt() == 1
                        && m.path("result").path("serverInfo").path("version").asString().equals(BuildVersion.read()));
            }
        }
        assertThat(tmp.resolve("other.db")).doesNotExist();
        assertThat(BuildVersion.read()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aHookTakesEveryGlobalOptionBeforeAndAfterItAndExitsZeroOnABadOne() throws Exception {
        // No cwd in the event: --project names the project.
        String sessionStart = "{\"session_id\":\"s1\",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}";
        // As in a Claude Code session, an ijoka mcp on the store serves the hooks through its relay (which also keeps
        // each hook well inside its time limit on a busy machine): a hook finds it only if its --db names the same store.
        Process mcp = start(List.of("mcp", "--db", "jdbc:sqlite:" + tmp.resolve("elsewhere/../named.db")));
        try {
            awaitRelay(mcp);
            hooks(sessionStart);
        } finally {
            mcp.getOutputStream().close();
            assertThat(mcp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tmp.resolve("other.db")).doesNotExist();
    }

    private void hooks(String sessionStart) throws Exception {
        for (List<String> options : optionSets()) {
            for (boolean before : List.of(true, false)) {
                List<String> args = line("hook", options, before);
                Run r = ijoka(args, sessionStart);
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                assertThat(JSON.readTree(r.out()).toString()).as(args + ": " + r.err()).contains("additionalContext", MARK);
                assertThat(r.err()).as(args + " was relayed, without a word").isEmpty();
            }
        }

        for (List<String> bad : List.of(List.of("hook", "--db"), List.of("-v", "hook", "--project"), List.of("hook", "--no-such-option"),
                List.of("hook", "extra"), List.of("--project", tmp.resolve("missing").toString(), "hook"))) {
            Run r = ijoka(bad, sessionStart);
            assertThat(r.exit()).as(bad + " exits 0: " + r.err()).isZero();
            assertThat(r.out()).as(bad + " prints nothing on stdout").isEmpty();
            assertThat(r.err()).as(String.valueOf(bad)).isNotEmpty();
        }
    }
}
