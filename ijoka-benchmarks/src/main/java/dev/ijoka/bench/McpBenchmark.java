package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.graph.DependencyGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * MCP tool calls, round trip, as an agent makes them and on what a user runs: a real {@code ijoka mcp}
 * process, started through the repository's launcher ({@code ./ijoka mcp}, so with its JVM flags), on a
 * real store loaded with the {@link SyntheticProject} of 10,000 features and 20,000 edges; a
 * {@code tools/call} line is written to the process's stdin and timed until the answer's line is read
 * back from its stdout. Parameter {@code store}: {@code sqlite} (a new file, the default store) or
 * {@code postgres} (a new database on an embedded server this JVM starts, {@link BenchStore}; the
 * {@code ijoka mcp} process connects to it over loopback TCP). The launcher's start-up cache is off
 * ({@code IJOKA_NO_CDS=1}): these are warm calls, and a training run in the background would disturb
 * them; start-up is {@link AgentStartBenchmark}'s. Sampled one call at a time (JMH's sample mode), so the
 * percentiles are of single round trips. Needs {@code ./ijoka} and {@code ijoka-app/target/ijoka.jar}
 * (run from the repository root). {@code -Dmcp.javaOpts="..."} passes JVM options to the server (its
 * {@code IJOKA_JAVA_OPTS}), e.g. to record a JFR profile.
 *
 * <p>Every read tool, and the write tools an agent uses all day:
 * <ul>
 *   <li>{@code status}: {@code ijoka_status} (progress counts, ready count, the session's feature);</li>
 *   <li>{@code next}: {@code ijoka_next_feature} (the next ready feature in full, with its dependencies;
 *       the session holds nothing, so the engine checks the rules first);</li>
 *   <li>{@code list}: {@code ijoka_list_features} with no arguments (the default page of 20);</li>
 *   <li>{@code listReady}: {@code ijoka_list_features} with {@code ready: true};</li>
 *   <li>{@code get}: {@code ijoka_get_feature} of one feature with dependencies both ways;</li>
 *   <li>{@code insights}: {@code ijoka_get_insights};</li>
 *   <li>{@code start}: {@code ijoka_start_feature} of a named ready feature: claims it, appends its
 *       events. After each call, untimed, the feature is blocked and unblocked again through the same
 *       server, so every call is a real start from pending;</li>
 *   <li>{@code checkStep}: {@code ijoka_check_step} on the feature the session holds, done and undone in turn;</li>
 *   <li>{@code block}: {@code ijoka_block_feature} of a pending feature, unblocked again after each call, untimed;</li>
 *   <li>{@code add}: {@code ijoka_add_feature} of a new feature with one dependency (the plan grows by one a call).</li>
 * </ul>
 * The reads are warm: nothing changes between calls, so the engine answers from its cached snapshot.
 *
 * <p>Relates to DESIGN.md §8 (issue 13): on SQLite, over the real stdio transport, 10,000 features,
 * every read tool p50 ≤ 2 ms and p99 ≤ 10 ms, every write tool p50 ≤ 5 ms; issue 10 asks the same of
 * PostgreSQL. Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar McpBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// No fork: what is measured runs in the ijoka mcp process, and one JVM loads each store's plan once.
@Fork(0)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class McpBenchmark {

    /** The plan's size: {@code -p features=100000} for issue 13's 100,000 features (SQLite; its load takes a minute). */
    @Param({"10000"})
    public int features;

    @Param({BenchStore.SQLITE, BenchStore.POSTGRES})
    public String store;

    private Path directory;
    private Process server;
    private OutputStream toServer;
    private BufferedReader fromServer;
    private int nextId;
    private String startRef;
    private String blockRef;
    private String getRef;
    private String dependencyRef;
    private boolean stepDone;
    private int added;
    private Runnable reset;
    private long errors;
    private String lastError;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException, InterruptedException {
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(repo.resolve("ijoka-app/target/ijoka.jar"))) {
            throw new IllegalStateException("run from the repository root after mvn -DskipTests package: needs ./ijoka"
                    + " and ijoka-app/target/ijoka.jar");
        }
        directory = Files.createTempDirectory("ijoka-bench-mcp");
        Path home = Files.createDirectories(directory.resolve("home"));
        long started = System.nanoTime();
        Loaded plan = loaded(store, features);
        long loaded = System.nanoTime();
        String url = plan.copy(directory);
        Path project = plan.project();
        startRef = plan.startRef();
        blockRef = plan.blockRef();
        dependencyRef = plan.dependencyRef();
        getRef = plan.getRef();

        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "mcp").directory(project.toFile())
                .redirectError(directory.resolve("mcp-stderr.txt").toFile());
        pb.environment().remove("IJOKA_DB");
        pb.environment().remove("CLAUDE_PROJECT_DIR");
        pb.environment().put("IJOKA_DB", url);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().put("IJOKA_NO_CDS", "1");
        pb.environment().put("IJOKA_NO_ENGINE", "1"); // an ijoka mcp with no engine to take it would start one
        String javaOpts = System.getProperty("mcp.javaOpts", "");
        if (!javaOpts.isBlank()) {
            pb.environment().put("IJOKA_JAVA_OPTS", javaOpts);
        }
        server = pb.start();
        toServer = server.getOutputStream();
        fromServer = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-benchmark\",\"version\":\"1\"}}}");
        awaitAnswer(0);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        String first = call("ijoka_status", "{}");
        if (!first.contains("\"isError\":false")) {
            throw new IllegalStateException("ijoka_status failed: " + first);
        }
        if (params.getBenchmark().endsWith(".checkStep")) {
            requireOk(call("ijoka_start_feature", "{\"feature\":\"" + startRef + "\"}"));
        }
        System.out.printf("%n[McpBenchmark] %s on %s; loaded (or copied) in %d ms; ijoka mcp pid %d; start %s, block %s,"
                + " get %s%n", plan.describe(), store, (loaded - started) / 1_000_000, server.pid(), startRef, blockRef, getRef);
    }

    /**
     * The synthetic plan, loaded once per store kind and JVM (loading 10,000 features takes longer than
     * measuring a tool), then copied for each trial: a SQLite file copied, a PostgreSQL database made
     * from it as a template. The project's directory stays the same, so the copy's project is the one
     * {@code ijoka mcp} finds from its working directory.
     */
    private record Loaded(String kind, String url, Path project, String describe, String startRef, String blockRef,
            String dependencyRef, String getRef) {

        String copy(Path into) throws IOException {
            if (kind.equals(BenchStore.SQLITE)) {
                Path db = into.resolve("ijoka.db");
                Files.copy(Path.of(url.substring("jdbc:sqlite:".length())), db);
                return "jdbc:sqlite:" + db;
            }
            return BenchStore.copyPostgres(url);
        }
    }

    private static final java.util.Map<String, Loaded> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized Loaded loaded(String kind, int size) throws IOException {
        Loaded done = LOADED.get(kind + size);
        if (done != null) {
            return done;
        }
        Path root = Files.createTempDirectory("ijoka-bench-mcp-plan");
        Path project = Files.createDirectories(root.resolve("project"));
        String url = BenchStore.newUrl(kind, root);
        SyntheticProject data = SyntheticProject.generate(size);
        Loaded plan;
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            ProjectId id = load(ijoka, project, data);
            List<Feature> ready = ijoka.plan().ready(id);
            // The feature with the most dependencies both ways: the fullest view get shows.
            DependencyGraph graph = ijoka.plan().graph(id);
            String getRef = ijoka.features().list(id).stream()
                    .max((a, b) -> Integer.compare(edges(graph, a), edges(graph, b))).orElseThrow().ref();
            plan = new Loaded(kind, url, project, data.describe(), ready.getFirst().ref(), ready.get(1).ref(),
                    ready.get(2).ref(), getRef);
        }
        if (kind.equals(BenchStore.POSTGRES)) {
            plan = new Loaded(kind, BenchStore.keepAsTemplate(url), project, plan.describe(), plan.startRef(),
                    plan.blockRef(), plan.dependencyRef(), plan.getRef());
        }
        LOADED.put(kind + size, plan);
        return plan;
    }

    /** From the snapshot: asking the store twice per feature takes minutes at 100,000. */
    private static int edges(DependencyGraph graph, Feature f) {
        int n = 0;
        for (DependencyKind kind : DependencyKind.values()) {
            n += graph.dependenciesOf(f.id(), kind).size() + graph.dependentsOf(f.id(), kind).size();
        }
        return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        toServer.close();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        AppendBenchmark.deleteTree(directory);
        if (errors > 0) {
            throw new IllegalStateException(errors + " tool calls answered with an error, the figures are not valid;"
                    + " the last: " + lastError);
        }
    }

    /** Undoes what the last write did, untimed, through the same server. */
    @TearDown(Level.Invocation)
    public void reset() throws IOException {
        if (reset != null) {
            Runnable r = reset;
            reset = null;
            r.run();
        }
    }

    @Benchmark
    public String status() throws IOException {
        return checked(call("ijoka_status", "{}"));
    }

    @Benchmark
    public String next() throws IOException {
        return checked(call("ijoka_next_feature", "{}"));
    }

    @Benchmark
    public String list() throws IOException {
        return checked(call("ijoka_list_features", "{}"));
    }

    @Benchmark
    public String listReady() throws IOException {
        return checked(call("ijoka_list_features", "{\"ready\":true}"));
    }

    @Benchmark
    public String get() throws IOException {
        return checked(call("ijoka_get_feature", "{\"feature\":\"" + getRef + "\"}"));
    }

    @Benchmark
    public String insights() throws IOException {
        return checked(call("ijoka_get_insights", "{}"));
    }

    @Benchmark
    public String start() throws IOException {
        reset = () -> {
            untimed("ijoka_block_feature", "{\"feature\":\"" + startRef + "\",\"reason\":\"benchmark reset\"}");
            untimed("ijoka_unblock_feature", "{\"feature\":\"" + startRef + "\"}");
        };
        return checked(call("ijoka_start_feature", "{\"feature\":\"" + startRef + "\"}"));
    }

    @Benchmark
    public String checkStep() throws IOException {
        stepDone = !stepDone;
        return checked(call("ijoka_check_step", "{\"step\":0,\"done\":" + stepDone + "}"));
    }

    @Benchmark
    public String block() throws IOException {
        reset = () -> untimed("ijoka_unblock_feature", "{\"feature\":\"" + blockRef + "\"}");
        return checked(call("ijoka_block_feature", "{\"feature\":\"" + blockRef + "\",\"reason\":\"benchmark\"}"));
    }

    @Benchmark
    public String add() throws IOException {
        added++;
        return checked(call("ijoka_add_feature", "{\"description\":\"Benchmark feature " + added
                + "\",\"category\":\"functional\",\"dependsOn\":[\"" + dependencyRef + "\"]}"));
    }

    private void untimed(String tool, String arguments) {
        try {
            checked(call(tool, arguments));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String checked(String answer) {
        if (!answer.contains("\"isError\":false")) {
            errors++;
            lastError = answer;
        }
        return answer;
    }

    private static void requireOk(String answer) {
        if (!answer.contains("\"isError\":false")) {
            throw new IllegalStateException("setup call failed: " + answer);
        }
    }

    private String call(String tool, String arguments) throws IOException {
        int id = ++nextId;
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}");
        return awaitAnswer(id);
    }

    private void send(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    /** Reads lines until the answer to request {@code id} (the SDK writes {@code "id":N} right after the version). */
    private String awaitAnswer(int id) throws IOException {
        String marker = "\"id\":" + id + ",";
        while (true) {
            String line = fromServer.readLine();
            if (line == null) {
                throw new IOException("ijoka mcp closed its output; its stderr: "
                        + Files.readString(directory.resolve("mcp-stderr.txt")));
            }
            if (line.regionMatches(0, "{\"jsonrpc\":\"2.0\",", 0, 17) && line.startsWith(marker, 17)) {
                return line;
            }
        }
    }

    /** The synthetic project through the engine's import path, {@code features().createAll}. */
    static ProjectId load(Ijoka ijoka, Path directory, SyntheticProject data) {
        ProjectId project = ijoka.projects().open(directory).id();
        List<FeatureBatch.Entry> entries = new ArrayList<>(data.size);
        for (int i = 0; i < data.size; i++) {
            Status status = data.statuses[i];
            NewFeature spec = NewFeature.of("Synthetic feature " + data.numbers[i], data.categories[i])
                    .withPriority(data.priorities[i]).withSteps("it works", "it is tested");
            entries.add(new FeatureBatch.Entry(spec, status, status == Status.BLOCKED ? "waiting for a decision" : null, null));
        }
        List<FeatureBatch.Edge> edges = new ArrayList<>(data.edgeCount());
        for (int e = 0; e < data.edgeCount(); e++) {
            edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(data.dependents[e]),
                    FeatureBatch.Target.entry(data.dependencies[e]), DependencyKind.BLOCKS));
        }
        ijoka.features().createAll(project, new FeatureBatch(entries, edges), FeatureBatch.Progress.NONE);
        return project;
    }
}
