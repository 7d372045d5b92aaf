package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.claude.HookMain;
import dev.ijoka.claude.HookRelayServer;
import dev.ijoka.mcp.IjokaMcpServer;
import dev.ijoka.mcp.McpOptions;
import dev.ijoka.swing.DesktopApp;
import dev.ijoka.web.WebServer;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's start-up cache: {@code ijoka aot-training cli|mcp|hook|desktop}.
 *
 * <p>A JDK 25+ AOT cache ({@code -XX:AOTCacheOutput}, JEP 483/514) holds the classes a training run
 * loaded and linked, and the profiles it gathered, so that later runs start with them ready. A cache
 * is only as good as its training: trained by whatever command a user happened to run first, it would
 * miss the classes of every other. So the launcher trains each face (the command line, the MCP server,
 * the hooks) in the background with this class, which does what that face does in daily use, on a
 * throw-away store in a temporary directory; the user's data is never opened. One cache per face keeps
 * each small: a cache's classes are all loaded at start-up, so a hook should not pay for picocli.
 *
 * <p>Not a command a user runs (it is left out of {@code --help}); it prints nothing on stdout.
 */
final class AotTraining {

    private AotTraining() {}

    static int run(String[] args, PrintStream err) {
        String face = args.length == 0 ? "" : args[0];
        Path dir;
        try {
            dir = Files.createTempDirectory("ijoka-aot-training-");
        } catch (IOException e) {
            err.println("ijoka aot-training: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try {
            Path project = Files.createDirectories(dir.resolve("project"));
            String db = "jdbc:sqlite:" + dir.resolve("training.db");
            Map<String, String> env = Map.of("IJOKA_HOME", dir.resolve("home").toString(), "IJOKA_DB", db,
                    "CLAUDE_PROJECT_DIR", project.toString());
            switch (face) {
                case "cli" -> cli(env, project, err);
                case "mcp" -> mcp(env, project, db);
                case "hook" -> hook(env, project, db, dir.resolve("home"));
                case "desktop" -> desktop(env, project, db, err);
                default -> {
                    err.println("ijoka aot-training: say which face to train: cli, mcp, hook or desktop");
                    return 2;
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("ijoka aot-training: " + e.getMessage());
            return 1;
        } finally {
            delete(dir);
        }
    }

    /** Every command a person or a script uses every day, with and without {@code --json}, and an error. */
    private static void cli(Map<String, String> variables, Path project, PrintStream err) throws IOException {
        Files.writeString(project.resolve("feature_list.json"), featureList(40), StandardCharsets.UTF_8);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Environment env = new Environment(variables, project, InputStream.nullInputStream(), sink, sink, false);
        Path data = Path.of(variables.get("IJOKA_HOME"));
        EngineFactory engines = url -> {
            SqliteNativeLibrary.prepare(url, data);
            return EngineFactory.DEFAULT.open(url);
        };
        // The store is made and filled by a process of its own: what this run loads is what the cache holds, and all of
        // it loads whenever a command starts. Creating the store would bring Flyway (~420 classes) and the import's
        // parsers in, which a command on a current store never loads (docs/benchmarks.md, "Cold commands").
        prepareStore(variables, project, err);
        List<List<String>> commands = List.of(
                List.of("status"), List.of("status", "--json"),
                List.of("next"), List.of("next", "--json"),
                List.of("projects"), List.of("projects", "--json"),
                List.of("feature", "list"), List.of("feature", "list", "--status", "pending", "--json"),
                List.of("feature", "list", "--ready"),
                List.of("feature", "show", "#1"), List.of("feature", "show", "#2", "--json"),
                List.of("feature", "add", "Training feature", "--depends-on", "#1", "--step", "It works"),
                List.of("feature", "update", "#41", "--priority", "3"),
                List.of("feature", "start", "#1"), List.of("step", "check", "#1", "1"),
                List.of("feature", "complete", "#1"),
                List.of("feature", "start", "#3"), List.of("feature", "complete", "#3", "--json"),
                List.of("feature", "block", "#2", "--reason", "waiting"), List.of("feature", "unblock", "#2"),
                List.of("feature", "reopen", "#1", "--reason", "regressed"),
                List.of("dep", "add", "#5", "#4"), List.of("dep", "rm", "#5", "#4"),
                List.of("insight", "add", "The build needs JDK 21", "--tag", "build"), List.of("insight", "list"),
                List.of("rule", "list"), List.of("rule", "list", "--json"),
                List.of("--help"), List.of("feature", "--help"),
                List.of("feature", "show", "#999"), List.of("nonsense"));
        for (List<String> command : commands) {
            int exit = Cli.run(env, engines, command.toArray(String[]::new));
            if (exit > ExitCodes.USAGE && !command.contains("#999") && !command.contains("nonsense")) {
                err.println("ijoka aot-training: '" + String.join(" ", command) + "' exited " + exit);
            }
        }
    }

    /**
     * Imports the training plan into the throw-away store in a JVM of its own (the same jar, no start-up cache), so
     * that the training run opens it current, as a user's command does. Where this run is not started from the jar
     * (a test's class path), or that process fails, the import runs here instead: a cache with a few classes too many
     * is still a cache.
     */
    private static void prepareStore(Map<String, String> variables, Path project, PrintStream err) throws IOException {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", classPath, "import", "feature_list.json")
                    .directory(project.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().keySet().removeIf(k -> k.startsWith("IJOKA_") || k.equals("JDK_JAVA_OPTIONS")
                    || k.equals("JAVA_TOOL_OPTIONS"));
            pb.environment().putAll(variables);
            try {
                if (pb.start().waitFor() == ExitCodes.OK) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the training store was made", e);
            }
            err.println("ijoka aot-training: the training store could not be made in a process of its own; made here");
        }
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Environment env = new Environment(variables, project, InputStream.nullInputStream(), sink, sink, false);
        Path data = Path.of(variables.get("IJOKA_HOME"));
        Cli.run(env, url -> {
            SqliteNativeLibrary.prepare(url, data);
            return EngineFactory.DEFAULT.open(url);
        }, "import", "feature_list.json");
    }

    /**
     * {@code ijoka desktop}'s start: the command line's wiring of the command, the store opened on a plan with
     * features in every column, the window built and its Board painted in both themes ({@link DesktopApp#train}:
     * into an image, never shown, so a training run in the background shows nothing on the user's screen), and the
     * web dashboard started, as the app starts it after its first paint. Without a display (no DISPLAY), the
     * window's part is left out and the cache holds the rest.
     */
    private static void desktop(Map<String, String> variables, Path project, String db, PrintStream err) throws IOException {
        Files.writeString(project.resolve("feature_list.json"), featureList(400), StandardCharsets.UTF_8);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Environment env = new Environment(variables, project, InputStream.nullInputStream(), sink, sink, false);
        Path home = Path.of(variables.get("IJOKA_HOME"));
        EngineFactory engines = url -> {
            SqliteNativeLibrary.prepare(url, home);
            return EngineFactory.DEFAULT.open(url);
        };
        for (List<String> command : List.of(List.of("import", "feature_list.json"), List.of("desktop", "--help"),
                List.of("feature", "start", "#2"), List.of("feature", "block", "#3", "--reason", "waiting"))) {
            int exit = Cli.run(env, engines, command.toArray(String[]::new));
            if (exit != ExitCodes.OK) {
                err.println("ijoka aot-training: '" + String.join(" ", command) + "' exited " + exit);
            }
        }
        try (Ijoka ijoka = engines.open(db)) {
            if (!GraphicsEnvironment.isHeadless()) {
                DesktopApp.train(ijoka, home, Duration.ofSeconds(30));
            }
            try (WebServer server = WebServer.builder(ijoka).port(0).warmUp(false).version("training").build()) {
                server.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An agent's session: the handshake, the tool list, and the calls of a feature's life. */
    private static void mcp(Map<String, String> env, Path project, String db) throws IOException {
        try (Ijoka ijoka = Ijoka.builder().store(db).build()) {
            PipedOutputStream client = new PipedOutputStream();
            PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
            PipedInputStream clientIn = new PipedInputStream(1 << 16);
            PipedOutputStream serverOut = new PipedOutputStream(clientIn);
            McpOptions options = McpOptions.defaults().withEnvironment(env).withProjectDirectory(project);
            IjokaMcpServer server = IjokaMcpServer.stdio(ijoka, serverIn, serverOut, options);
            Thread drain = Thread.ofPlatform().daemon().start(() -> {
                try {
                    clientIn.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the server closed its end
                }
            });
            List<String> lines = new ArrayList<>();
            lines.add("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{\"roots\":{}},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}");
            lines.add("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            lines.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            String[][] calls = {
                {"ijoka_status", "{}"},
                {"ijoka_add_feature", "{\"description\":\"Cart survives a reload\",\"steps\":[\"Add an item\",\"Reload\"]}"},
                {"ijoka_add_feature", "{\"description\":\"Checkout\",\"dependsOn\":[\"#1\"]}"},
                {"ijoka_next_feature", "{}"},
                {"ijoka_start_feature", "{}"},
                {"ijoka_check_step", "{\"step\":1}"},
                {"ijoka_complete_feature", "{}"},
                {"ijoka_list_features", "{}"},
                {"ijoka_record_insight", "{\"text\":\"Reloads keep the cart in local storage\"}"},
                {"ijoka_start_feature", "{\"feature\":\"#99\"}"},
                {"ijoka_status", "{}"},
            };
            for (int i = 0; i < calls.length; i++) {
                lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + (i + 2) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                        + calls[i][0] + "\",\"arguments\":" + calls[i][1] + "}}");
            }
            for (String line : lines) {
                client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                client.flush();
            }
            client.close();
            server.awaitTermination(Duration.ofSeconds(30));
            server.close();
            drain.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Each Claude Code hook event, as {@code ijoka hook} gets them: first relayed to a server on the store
     * (as when {@code ijoka mcp} runs, the usual case), then on the direct path (when none does).
     */
    private static void hook(Map<String, String> env, Path project, String db, Path home) {
        String cwd = "\"" + project.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String common = "\"session_id\":\"aot-training\",\"transcript_path\":\"/dev/null\",\"cwd\":" + cwd;
        List<String> events = List.of(
                "{" + common + ",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}",
                "{" + common + ",\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"Work on the next feature\"}",
                "{" + common + ",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"a.txt\"}}",
                "{" + common + ",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"a.txt\","
                        + "\"old_string\":\"a\",\"new_string\":\"b\"},\"tool_response\":{\"filePath\":\"a.txt\",\"success\":true}}",
                "{" + common + ",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"npm test\"},"
                        + "\"tool_response\":{\"stdout\":\"ok\",\"stderr\":\"\",\"interrupted\":false}}",
                "{" + common + ",\"hook_event_name\":\"Stop\",\"stop_hook_active\":false}",
                "{" + common + ",\"hook_event_name\":\"SubagentStop\",\"stop_hook_active\":false}",
                "{" + common + ",\"hook_event_name\":\"PreCompact\",\"trigger\":\"auto\"}",
                "{" + common + ",\"hook_event_name\":\"SessionEnd\",\"reason\":\"exit\"}",
                "not json");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        try (Ijoka server = Ijoka.builder().store(db).build()) {
            Optional<HookRelayServer> relay = HookRelayServer.start(server, db, home, sink);
            try {
                for (int round = 0; round < 3; round++) {
                    hookRound(events, env, project, sink);
                }
            } finally {
                relay.ifPresent(HookRelayServer::close);
            }
        }
        for (int round = 0; round < 3; round++) {
            hookRound(events, env, project, sink);
        }
    }

    private static void hookRound(List<String> events, Map<String, String> env, Path project, PrintStream sink) {
        for (String event : events) {
            HookMain.run(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), sink, sink, env, project);
        }
    }

    /** Anthropic's feature_list.json with {@code count} features, a few complete. */
    private static String featureList(int count) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 1; i <= count; i++) {
            json.append("  {\"category\": \"").append(i % 3 == 0 ? "style" : "functional")
                    .append("\", \"description\": \"Training feature ").append(i)
                    .append("\", \"steps\": [\"Open the page\", \"Check the result\"], \"passes\": ")
                    .append(i % 5 == 0).append('}').append(i < count ? ",\n" : "\n");
        }
        return json.append("]\n").toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it up in the end
        }
    }
}
