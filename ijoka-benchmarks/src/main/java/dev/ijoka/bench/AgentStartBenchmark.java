package dev.ijoka.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole-process start-up of what Claude Code runs (DESIGN.md §8): {@code ijoka hook} handling a
 * PostToolUse event end to end (p50 ≤ 300 ms), and {@code ijoka mcp} from process start to the
 * answer of {@code initialize} (median ≤ 700 ms). Both through the launcher {@code ./ijoka}, as
 * {@code ijoka init} configures them, on a SQLite store holding the {@link CliBenchmark} plan of
 * {@code --features} features (default 10,000).
 *
 * <ol>
 *   <li>Imports the plan into a fresh store in a temporary {@code IJOKA_HOME}; a SessionStart hook
 *       opens the agent session the PostToolUse events then belong to.</li>
 *   <li>Runs each face once and waits for its start-up cache (on JDK 25+ the launcher trains one per
 *       face in the background after its first run).</li>
 *   <li>{@code --runs} runs (default 20) of each: the hook with a PostToolUse event of an Edit on
 *       stdin, timed to its exit; the MCP server, timed from the process start to the line that
 *       answers {@code initialize} (written at once, as a client does) and to the answer of the first
 *       tool call ({@code ijoka_status}, sent with {@code notifications/initialized} as soon as
 *       {@code initialize} is answered, as a client does), after which stdin is closed and the server exits. Prints median, p90, min and max, and the CPU time of the hook runs.
 *       No other {@code ijoka mcp} runs meanwhile, so these hooks take the direct path (they open the
 *       store themselves).</li>
 *   <li>Then as in a Claude Code session: one {@code ijoka mcp} stays up on the store, and {@code --runs}
 *       more hooks are timed, which its hook relay handles: Edits, alternately relayed by the launcher itself (bash,
 *       no JVM) and by the JVM's client ({@code IJOKA_NO_FAST_RELAY=1}), then TodoWrites whose list changes every
 *       time (the agent's todo list mirrored onto its session, issue 14).</li>
 * </ol>
 *
 * Run from the repository root after building ({@code mvn -q -DskipTests package}):
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.AgentStartBenchmark [--features N] [--runs N]
 * </pre>
 */
public final class AgentStartBenchmark {

    private AgentStartBenchmark() {}

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n";
    /** What a client sends once {@code initialize} is answered: the notification, then its first tool call. */
    private static final String FIRST_CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\",\"arguments\":{}}}\n";

    public static void main(String[] args) throws Exception {
        int features = Processes.intArg(args, "--features", 10_000);
        int runs = Processes.intArg(args, "--runs", 20);
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(repo.resolve("ijoka-app/target/ijoka.jar"))) {
            System.err.println("Run this from the repository root after 'mvn -q -DskipTests package'");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("ijoka-agent-bench-");
        try {
            Path project = Files.createDirectories(work.resolve("project"));
            Path home = work.resolve("home");
            Files.writeString(project.resolve("tasks.json"), CliBenchmark.tasksJson(features, new Random(42)));
            Map<String, String> env = new HashMap<>();
            env.put("IJOKA_HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("CLAUDE_PROJECT_DIR", project.toString());
            System.out.printf(Locale.ROOT, "Ijoka agent start-up, %d features, Java %s, load average %s%n", features,
                    Runtime.version(), Processes.load());
            Processes.run(List.of(launcher.toString(), "import", "tasks.json"), env, project, true);

            String cwd = project.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            String common = "\"session_id\":\"bench-session\",\"transcript_path\":\"/dev/null\",\"cwd\":\"" + cwd + "\"";
            Path sessionStart = Files.writeString(work.resolve("session-start.json"),
                    "{" + common + ",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}");
            Path postToolUse = Files.writeString(work.resolve("post-tool-use.json"), "{" + common
                    + ",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\""
                    + cwd + "/src/cart.js\",\"old_string\":\"a\",\"new_string\":\"b\"},"
                    + "\"tool_response\":{\"filePath\":\"" + cwd + "/src/cart.js\",\"success\":true}}");
            // Two TodoWrite lists that differ in one item's status: sent in turn, each changes the session's list, so
            // every run appends its events (an unchanged list would append nothing and flatter the figure).
            List<Path> todoWrites = new ArrayList<>();
            for (String second : List.of("in_progress", "completed")) {
                todoWrites.add(Files.writeString(work.resolve("todo-write-" + second + ".json"), "{" + common
                        + ",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"TodoWrite\",\"tool_input\":{\"todos\":["
                        + "{\"content\":\"Read the cart code\",\"status\":\"completed\",\"activeForm\":\"Reading the cart code\"},"
                        + "{\"content\":\"Fix the rounding\",\"status\":\"" + second + "\",\"activeForm\":\"Fixing the rounding\"},"
                        + "{\"content\":\"Run the tests\",\"status\":\"pending\",\"activeForm\":\"Running the tests\"}]},"
                        + "\"tool_response\":{}}"));
            }
            List<String> hook = List.of(launcher.toString(), "hook");
            Processes.run(hook, env, project, true, sessionStart);
            mcpInitialize(launcher, env, project);
            Processes.awaitStartupCache(home, "cli");
            Processes.awaitStartupCache(home, "hook");
            Processes.awaitStartupCache(home, "mcp");

            System.out.printf(Locale.ROOT, "%-44s %-10s %8s %8s %8s %8s%n", "what", "", "median", "p90", "min", "max");
            List<Long> hookWall = new ArrayList<>();
            List<Long> hookCpu = new ArrayList<>();
            List<Long> mcp = new ArrayList<>();
            List<Long> mcpFirstCall = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Processes.run(hook, env, project, true, postToolUse);
                mcpInitialize(launcher, env, project);
            }
            for (int i = 0; i < runs; i++) {
                hookWall.add(Processes.run(hook, env, project, true, postToolUse));
                hookCpu.add(Processes.lastCpuNanos);
                long[] answered = mcpInitialize(launcher, env, project);
                mcp.add(answered[0]);
                mcpFirstCall.add(answered[1]);
            }
            Processes.print("ijoka hook < PostToolUse (Edit), direct", "wall", hookWall);
            if (hookCpu.stream().allMatch(c -> c >= 0)) {
                Processes.print("ijoka hook < PostToolUse (Edit), direct", "cpu", hookCpu);
            }
            Processes.print("ijoka mcp: start to initialize answered", "wall", mcp);
            Processes.print("ijoka mcp: start to first tool call answered", "wall", mcpFirstCall);

            // As in a Claude Code session: an `ijoka mcp` runs on the store, and the hooks are relayed to it.
            // Two clients relay it: the launcher itself, in bash, with no JVM; and the JVM's (IJOKA_NO_FAST_RELAY=1), which
            // starts on the relay's own cache: made by the first such run, in the background.
            List<Long> relayWall = new ArrayList<>();
            List<Long> relayCpu = new ArrayList<>();
            List<Long> javaWall = new ArrayList<>();
            List<Long> javaCpu = new ArrayList<>();
            List<Long> todoWall = new ArrayList<>();
            Map<String, String> javaClient = new HashMap<>(env);
            javaClient.put("IJOKA_NO_FAST_RELAY", "1");
            Process server = startMcp(launcher, env, project, home);
            try {
                for (int i = 0; i < 2; i++) {
                    Processes.run(hook, javaClient, project, true, postToolUse);
                }
                Processes.awaitStartupCache(home, "relay");
                for (int i = 0; i < 2; i++) {
                    Processes.run(hook, env, project, true, postToolUse);
                }
                for (int i = 0; i < runs; i++) {
                    relayWall.add(Processes.run(hook, env, project, true, postToolUse));
                    relayCpu.add(Processes.lastCpuNanos);
                    javaWall.add(Processes.run(hook, javaClient, project, true, postToolUse));
                    javaCpu.add(Processes.lastCpuNanos);
                }
                for (int i = 0; i < runs; i++) {
                    todoWall.add(Processes.run(hook, env, project, true, todoWrites.get(i % 2)));
                }
            } finally {
                server.getOutputStream().close();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            Processes.print("ijoka hook < PostToolUse (Edit), relayed", "wall", relayWall);
            if (relayCpu.stream().allMatch(c -> c >= 0)) {
                Processes.print("ijoka hook < PostToolUse (Edit), relayed", "cpu", relayCpu);
            }
            Processes.print("ijoka hook < PostToolUse (Edit), relayed by the JVM client", "wall", javaWall);
            if (javaCpu.stream().allMatch(c -> c >= 0)) {
                Processes.print("ijoka hook < PostToolUse (Edit), relayed by the JVM client", "cpu", javaCpu);
            }
            Processes.print("ijoka hook < PostToolUse (TodoWrite, a changed list), relayed", "wall", todoWall);

            // With the background engine up (issue 13): ijoka mcp hands its whole stdio session to it, the launcher piping
            // with no JVM (docs/architecture.md, "MCP sessions handed to the engine"). Interleaved with the JVM's own
            // server on the same store at the same time (IJOKA_NO_FAST_RELAY=1), so that both see the same load. The
            // engine's CPU per handed-over session is read from /proc around each run.
            Map<String, String> engineEnv = new HashMap<>(env);
            engineEnv.put(Processes.BACKGROUND_ENGINE, "1");
            ProcessBuilder enginePb = new ProcessBuilder(launcher.toString(), "engine").directory(home.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            enginePb.environment().remove("IJOKA_DB");
            enginePb.environment().putAll(engineEnv);
            Processes.engineSwitch(enginePb.environment());
            Process engine = enginePb.start();
            List<Long> handedInit = new ArrayList<>();
            List<Long> handedCall = new ArrayList<>();
            List<Long> handedCpu = new ArrayList<>();
            List<Long> handedEngineCpu = new ArrayList<>();
            List<Long> jvmInit = new ArrayList<>();
            List<Long> jvmCall = new ArrayList<>();
            List<Long> jvmCpu = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!hasFile(home.resolve("relay"), ".tcp")) {
                    if (!engine.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("ijoka engine did not listen");
                    }
                    Thread.sleep(50);
                }
                for (int i = 0; i < 3; i++) {
                    mcpInitialize(launcher, env, project); // the engine's first sessions load the MCP server's classes
                    mcpInitialize(launcher, javaClient, project);
                }
                for (int i = 0; i < runs; i++) {
                    long before = cpuOf(engine.pid());
                    long[] handed = mcpInitialize(launcher, env, project);
                    handedEngineCpu.add(cpuOf(engine.pid()) - before);
                    handedInit.add(handed[0]);
                    handedCall.add(handed[1]);
                    handedCpu.add(handed[2]);
                    long[] jvm = mcpInitialize(launcher, javaClient, project);
                    jvmInit.add(jvm[0]);
                    jvmCall.add(jvm[1]);
                    jvmCpu.add(jvm[2]);
                }
            } finally {
                engine.destroy(); // SIGTERM: it closes its store and removes its files
                if (!engine.waitFor(30, TimeUnit.SECONDS)) {
                    engine.destroyForcibly();
                }
            }
            Processes.print("ijoka mcp handed to the engine: to initialize", "wall", handedInit);
            Processes.print("ijoka mcp handed to the engine: to first call", "wall", handedCall);
            if (handedCpu.stream().allMatch(c -> c >= 0)) {
                Processes.print("ijoka mcp handed to the engine: launcher", "cpu", handedCpu);
            }
            Processes.print("ijoka mcp handed to the engine: engine's", "cpu", handedEngineCpu);
            Processes.print("ijoka mcp, JVM, engine up: to initialize", "wall", jvmInit);
            Processes.print("ijoka mcp, JVM, engine up: to first call", "wall", jvmCall);
            if (jvmCpu.stream().allMatch(c -> c >= 0)) {
                Processes.print("ijoka mcp, JVM, engine up", "cpu", jvmCpu);
            }
            System.out.printf(Locale.ROOT, "load average afterwards: %s%n", Processes.load());
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Whether a file whose name ends with {@code suffix} is in a directory under {@code relay} (names only). */
    private static boolean hasFile(Path relay, String suffix) throws IOException {
        if (!Files.isDirectory(relay)) {
            return false;
        }
        try (var keys = Files.newDirectoryStream(relay)) {
            for (Path key : keys) {
                if (Files.isDirectory(key)) {
                    try (var files = Files.newDirectoryStream(key, "*" + suffix)) {
                        if (files.iterator().hasNext()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** A live process's CPU time so far (user + system), in nanoseconds, from {@code /proc/<pid>/stat}. */
    private static long cpuOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000L / 100); // fields 14, 15; USER_HZ 100
    }

    /**
     * Starts an {@code ijoka mcp} that stays up (its client keeps stdin open), answers its
     * {@code initialize}, and waits until it listens for hooks (its socket in the data directory's
     * {@code relay} directory).
     */
    private static Process startMcp(Path launcher, Map<String, String> env, Path project, Path home)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "mcp").directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("IJOKA_DB");
        pb.environment().putAll(env);
        Processes.engineSwitch(pb.environment());
        Process p = pb.start();
        p.getOutputStream().write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Stream<Path> files = Files.exists(home.resolve("relay")) ? Files.walk(home.resolve("relay")) : Stream.empty()) {
                if (files.anyMatch(f -> f.toString().endsWith(".sock"))) {
                    return p;
                }
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("ijoka mcp did not start its hook relay");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Starts {@code ijoka mcp}, writes initialize, and returns the nanoseconds until its answer's line is read and
     * until the answer to the first tool call (written as soon as initialize was answered) is read.
     */
    private static long[] mcpInitialize(Path launcher, Map<String, String> env, Path project)
            throws IOException, InterruptedException {
        List<String> command = List.of(launcher.toString(), "mcp");
        Path cpuFile = null;
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            cpuFile = Files.createTempFile("ijoka-bench-cpu-", ".txt");
            command = List.of("/usr/bin/time", "-q", "-f", "%U %S", "-o", cpuFile.toString(), launcher.toString(), "mcp");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("IJOKA_DB");
        pb.environment().putAll(env);
        Processes.engineSwitch(pb.environment());
        long start = System.nanoTime();
        Process p = pb.start();
        OutputStream in = p.getOutputStream();
        in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        in.flush();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        long initialized = System.nanoTime() - start;
        if (line == null || !line.contains("\"id\":0") || !line.contains("\"result\"")) {
            p.destroyForcibly();
            throw new IllegalStateException("ijoka mcp did not answer initialize: " + line);
        }
        in.write(FIRST_CALL.getBytes(StandardCharsets.UTF_8));
        in.flush();
        String call = out.readLine();
        long called = System.nanoTime() - start;
        if (call == null || !call.contains("\"id\":1") || !call.contains("\"result\"")) {
            p.destroyForcibly();
            throw new IllegalStateException("ijoka mcp did not answer the first tool call: " + call);
        }
        in.close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ijoka mcp did not exit after stdin closed");
        }
        long cpu = -1;
        if (cpuFile != null) {
            List<String> lines = Files.readAllLines(cpuFile);
            String[] f = lines.isEmpty() ? new String[0] : lines.getLast().strip().split("\\s+");
            Files.deleteIfExists(cpuFile);
            if (f.length == 2) {
                cpu = (long) ((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1e9);
            }
        }
        return new long[] {initialized, called, cpu};
    }
}
