package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.claude.HookMain;
import dev.ijoka.mcp.McpMain;
import dev.ijoka.swing.DesktopApp;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * <p>A cache holds every class its training run loaded, so what a face does not load in daily use is kept out of
 * its training run too: the store the MCP server is trained on is migrated by another process first (a user's store
 * is current, and a current store never loads Flyway: its 442 classes were loaded by every later start), and the
 * relayed hook's cache ({@code relay}) is trained against a real {@code ijoka mcp} in a process of its own, so that
 * it holds the relay client's ~1,300 classes and none of the server's Jackson, jOOQ or engine
 * (docs/benchmarks.md, "Cold start"). The command line's and the desktop's plans are imported the same way, by
 * {@link #inAnotherJvm}: the import's parsers and Flyway stay out of their caches too.
 *
 * <p>Not a command a user runs (it is left out of {@code --help}); it prints nothing on stdout.
 */
final class AotTraining {

    private AotTraining() {}

    /** How long a helper process (the store's migration, the relay's server) may take on a loaded machine. */
    private static final Duration HELPER_LIMIT = Duration.ofSeconds(180);

    static int run(String[] args, PrintStream err) {
        String face = args.length == 0 ? "" : args[0];
        if (face.equals("store") && args.length == 2) { // the helper process of #migratedElsewhere
            Ijoka.builder().store(args[1]).build().close();
            return 0;
        }
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
                case "cli" -> cli(env, project, dir, err);
                case "mcp" -> mcp(env, project, db, dir, err);
                case "hook" -> hook(env, project, db, dir, err);
                case "relay" -> {
                    if (!relay(env, project, dir, err)) {
                        return 1;
                    }
                }
                case "desktop" -> desktop(env, project, db, dir, err);
                default -> {
                    err.println("ijoka aot-training: say which face to train: cli, mcp, hook, relay or desktop");
                    return 2;
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("ijoka aot-training: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ijoka aot-training: interrupted");
            return 1;
        } finally {
            delete(dir);
        }
    }

    /** Every command a person or a script uses every day, with and without {@code --json}, and an error. */
    private static void cli(Map<String, String> variables, Path project, Path dir, PrintStream err)
            throws IOException, InterruptedException {
        Files.writeString(project.resolve("feature_list.json"), featureList(40), StandardCharsets.UTF_8);
        // A command opens a current store, so the store is made and filled by another process: creating it here would
        // bring Flyway (~420 classes) and the import's parsers into the cache, all loaded by every command's start.
        inAnotherJvm(variables, dir, err, List.of("import", "feature_list.json"));
        Environment env = silentEnvironment(variables, project);
        EngineFactory engines = engines(variables);
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
     * {@code ijoka desktop}'s start up to the window's first paint, and nothing else: the command line's wiring of the
     * command, the store opened on a plan with features in every column, the window built and its Board painted in
     * both themes ({@link DesktopApp#train}: into an image, never shown, so a training run in the background shows
     * nothing on the user's screen). Without a display (no DISPLAY), the window's part is left out.
     *
     * <p>Every class of an AOT cache is loaded while the JVM starts, needed or not, so the cache holds only what
     * comes before the first paint (docs/benchmarks.md, "Desktop app"): the plan is written by other processes, and
     * the web dashboard, which the app starts after its first paint, is not trained (its ~2,000 classes, Jackson,
     * Undertow, the MCP server, load from the jars after the paint).
     */
    private static void desktop(Map<String, String> variables, Path project, String db, Path dir, PrintStream err)
            throws IOException, InterruptedException {
        Files.writeString(project.resolve("feature_list.json"), featureList(400), StandardCharsets.UTF_8);
        for (List<String> command : List.of(List.of("import", "feature_list.json"), List.of("feature", "start", "#2"),
                List.of("feature", "block", "#3", "--reason", "waiting"))) {
            inAnotherJvm(variables, dir, err, command);
        }
        Environment env = silentEnvironment(variables, project);
        EngineFactory engines = engines(variables);
        int exit = Cli.run(env, engines, "desktop", "--help");
        if (exit != ExitCodes.OK) {
            err.println("ijoka aot-training: 'desktop --help' exited " + exit);
        }
        if (!GraphicsEnvironment.isHeadless()) {
            try (Ijoka ijoka = engines.open(db)) {
                DesktopApp.train(ijoka, Path.of(variables.get("IJOKA_HOME")), Duration.ofSeconds(30));
            }
        }
    }

    /**
     * An agent's session: the handshake, the tool list, and the calls of a feature's life, on a store another
     * process migrated (as a user's store is by the time {@code ijoka mcp} starts on it).
     */
    private static void mcp(Map<String, String> env, Path project, String db, Path dir, PrintStream err) throws IOException {
        migratedElsewhere(db, env, dir, err);
        // A pipe, not piped streams: those fail a write once the first thread that read has ended, and the server's
        // first line is read by a thread of its own (EarlyInitialize's), which then ends.
        Pipe pipe = Pipe.open();
        OutputStream client = Channels.newOutputStream(pipe.sink());
        InputStream serverIn = Channels.newInputStream(pipe.source());
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
        // The client: every request, then the input closed once the last one is answered (the tool calls wait for the
        // store, which opens on its own thread, and the end of the input ends the session).
        String lastId = "\"id\":" + (calls.length + 1) + ",";
        java.util.concurrent.CompletableFuture<Void> answered = new java.util.concurrent.CompletableFuture<>();
        OutputStream serverOut = new OutputStream() { // the server's answers, watched for the last one (no pipe: its
            // reader would call the pipe broken whenever the server thread that wrote last has ended)
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                if (line.toString(StandardCharsets.UTF_8).contains(lastId)) {
                    answered.complete(null);
                }
                line.reset();
            }
        };
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try (client) {
                for (String line : lines) {
                    client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    client.flush();
                }
                answered.get(HELPER_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the server stopped reading, or never answered: the cache holds what it got to
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // The server as `ijoka mcp` runs it (McpMain: the store opened on its own thread, the hook relay started beside
        // it), so that the cache holds what a real start loads rather than a path of the training's own.
        Path home = Path.of(env.get("IJOKA_HOME"));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        McpMain.run(new McpMain.Options(db, project, BuildVersion.read()), env, serverIn, serverOut, sink,
                HookRelay.companion(home, sink), SqliteNativeLibrary.preparer(home));
        answered.complete(null);
        try {
            writer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Each Claude Code hook event on the direct path, as {@code ijoka hook} runs when no server holds the store (the
     * launcher starts a hook on this cache only then: with a relay socket up it takes the {@code relay} cache), on a
     * store another process migrated.
     */
    private static void hook(Map<String, String> env, Path project, String db, Path dir, PrintStream err) throws IOException {
        migratedElsewhere(db, env, dir, err);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            hookRound(hookEvents(project), env, project, sink);
        }
    }

    /**
     * The relayed hook and the handed-over command, as they run while an {@code ijoka mcp} holds the store: that
     * server is a real one in a process of its own, so that this run loads the client's side alone.
     *
     * @return false if the server did not come up (no cache is better than one of the direct path's classes)
     */
    private static boolean relay(Map<String, String> env, Path project, Path dir, PrintStream err) throws IOException {
        Path home = Path.of(env.get("IJOKA_HOME"));
        Process server = helper(env, dir, "mcp").redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (OutputStream serverIn = server.getOutputStream()) {
            serverIn.write(("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            serverIn.flush();
            if (!awaitRelaySocket(home, server)) {
                err.println("ijoka aot-training: the relay's server did not start within " + HELPER_LIMIT.toSeconds()
                        + " s; no cache made");
                return false;
            }
            Invocation.parse("hook"); // the launcher's line, read as Main reads it
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            for (int round = 0; round < 3; round++) {
                hookRound(hookEvents(project), env, project, sink);
            }
            for (List<String> command : List.of(List.of("status"), List.of("next"), List.of("feature", "list"),
                    List.of("feature", "show", "#1", "--json"))) {
                Handoff.tryRun(command.toArray(String[]::new), env, project, home, OutputStream.nullOutputStream(), sink);
            }
        } finally {
            try {
                if (!server.waitFor(HELPER_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private static boolean awaitRelaySocket(Path home, Process server) throws IOException {
        long deadline = System.nanoTime() + HELPER_LIMIT.toNanos();
        Path relays = home.resolve("relay");
        while (server.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(relays)) {
                try (Stream<Path> files = Files.walk(relays)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".sock"))) {
                        return true;
                    }
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Creates (migrates) the store {@code db} in another process, whose classes the cache does not hold. */
    private static void migratedElsewhere(String db, Map<String, String> env, Path dir, PrintStream err)
            throws IOException {
        try {
            if (!inAnotherJvm(env, dir, err, List.of("aot-training", "store", db))) {
                // This run migrates it then: the cache holds Flyway's classes too, but works the same.
                err.println("ijoka aot-training: training on a store this run migrates");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line's environment in the training's directories, its output thrown away. */
    private static Environment silentEnvironment(Map<String, String> variables, Path project) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        return new Environment(variables, project, InputStream.nullInputStream(), sink, sink, false);
    }

    /** Engines as {@code Main} opens them, SQLite's native library prepared in the training's data directory. */
    private static EngineFactory engines(Map<String, String> variables) {
        Path data = Path.of(variables.get("IJOKA_HOME"));
        return url -> {
            SqliteNativeLibrary.prepare(url, data);
            return EngineFactory.DEFAULT.open(url);
        };
    }

    /**
     * Runs this jar's {@code Main} with {@code mainArgs} in another JVM ({@link #helper}) and waits for it: the way a
     * training prepares its store without loading what that takes. Says on {@code err} when it failed; the training
     * goes on either way (a cache with some classes too many is still a cache).
     *
     * @return whether it ended well in time
     */
    private static boolean inAnotherJvm(Map<String, String> env, Path dir, PrintStream err, List<String> mainArgs)
            throws IOException, InterruptedException {
        Process p = helper(env, dir, mainArgs.toArray(String[]::new))
                .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        if (!p.waitFor(HELPER_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            err.println("ijoka aot-training: '" + String.join(" ", mainArgs) + "' did not end within "
                    + HELPER_LIMIT.toSeconds() + " s in its own process");
            return false;
        }
        if (p.exitValue() != ExitCodes.OK) {
            err.println("ijoka aot-training: '" + String.join(" ", mainArgs) + "' exited " + p.exitValue()
                    + " in its own process");
            return false;
        }
        return true;
    }

    /**
     * This jar's {@code Main} in another JVM, with none of this run's cache-making options (a JVM told to write a
     * cache passes that on through JAVA_TOOL_OPTIONS while it assembles it, never to a process this run starts, but
     * the variable is dropped to make sure), its output in the training directory.
     */
    private static ProcessBuilder helper(Map<String, String> env, Path dir, String... mainArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(mainArgs));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.resolve("project").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        // Nothing of the user's own settings (IJOKA_PROJECT, IJOKA_DB, …): the training's directories alone.
        pb.environment().keySet().removeIf(k -> k.startsWith("IJOKA_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        return pb;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static List<String> hookEvents(Path project) {
        String cwd = "\"" + project.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String common = "\"session_id\":\"aot-training\",\"transcript_path\":\"/dev/null\",\"cwd\":" + cwd;
        return List.of(
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
    }

    private static void hookRound(List<String> events, Map<String, String> env, Path project, PrintStream sink) {
        for (String event : events) {
            // As the process runs it, watchdog included (HookMain.main is this and the process's end).
            HookMain.runWatched(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), sink, sink, env, project,
                    () -> {});
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
