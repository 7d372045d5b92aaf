package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.mcp.IjokaMcpServer;
import dev.ijoka.mcp.McpOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * MCP tool calls, round trip, as an agent makes them: a {@code tools/call} line written to the
 * server's input, through the MCP SDK's server session, the session actor and the engine, until the
 * answer's line is read back from its output. In process, over OS pipes ({@link Pipe}), on a real
 * store loaded with the {@link SyntheticProject} of 10,000 features and 20,000 edges: parameter
 * {@code store}, {@code sqlite} (a new file) or {@code postgres} (a new database on an embedded server
 * this JVM starts, {@link BenchStore}); {@code -p store=memory} gives the in-memory store of the first
 * figures in docs/benchmarks.md, for comparison only.
 * Sampled one call at a time (JMH's sample mode), so the percentiles are of single round trips.
 *
 * <ul>
 *   <li>{@code status}: {@code ijoka_status} (progress counts, ready count, the session's feature);</li>
 *   <li>{@code next}: {@code ijoka_next_feature} (the next ready feature in full, with its dependencies);</li>
 *   <li>{@code start}: {@code ijoka_start_feature} of a named ready feature: claims it, appends its
 *       events. Between calls, untimed, the engine blocks and unblocks it again (as a person would), so
 *       every call is a real start from pending.</li>
 * </ul>
 * The first two are warm: nothing changes between calls, so the engine answers from its cached
 * snapshot (after a change it brings the snapshot forward from the new events, or rebuilds it for new
 * features and edges: PlanBenchmark's {@code readyAfterEvent}); {@code start} by name does not need it.
 *
 * <p>Relates to DESIGN.md §8 "MCP tool call round trip (status, next, start), warm, 10,000 features:
 * p50 ≤ 2 ms, p99 ≤ 10 ms". Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar McpBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class McpBenchmark {

    private static final int SIZE = 10_000;

    @Param({BenchStore.SQLITE, BenchStore.POSTGRES})
    public String store;

    private Path directory;
    private Ijoka ijoka;
    private ProjectId project;
    private IjokaMcpServer server;
    private OutputStream toServer;
    private BufferedReader fromServer;
    private int nextId;
    private String startRef;
    private FeatureRef startFeature;
    private long errors;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("ijoka-bench-mcp");
        ijoka = store.equals("memory") ? Ijoka.inMemory() : Ijoka.builder().store(BenchStore.newUrl(store, directory)).build();
        SyntheticProject data = SyntheticProject.generate(SIZE);
        long started = System.nanoTime();
        project = load(ijoka, directory, data);
        long loaded = System.nanoTime();

        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        McpOptions options = McpOptions.defaults().withEnvironment(Map.of()).withProjectDirectory(directory);
        server = IjokaMcpServer.stdio(ijoka, Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()),
                options);
        toServer = Channels.newOutputStream(in.sink());
        fromServer = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-benchmark\",\"version\":\"1\"}}}");
        awaitAnswer(0);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        Feature ready = ijoka.plan().ready(project).getFirst();
        startFeature = ready.id();
        startRef = ready.ref();
        String first = call("ijoka_status", "{}");
        if (!first.contains("\"isError\":false")) {
            throw new IllegalStateException("ijoka_status failed: " + first);
        }
        System.out.printf("%n[McpBenchmark] %s on %s; loaded in %d ms; start measures %s%n", data.describe(), store,
                (loaded - started) / 1_000_000, startRef);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        ijoka.close();
        AppendBenchmark.deleteTree(directory);
        if (errors > 0) {
            throw new IllegalStateException(errors + " tool calls answered with an error: the figures are not valid");
        }
    }

    /** Puts the feature {@code start} claims back to pending, untimed: block and unblock it as a person. */
    @TearDown(Level.Invocation)
    public void reset() {
        Feature f = ijoka.features().get(startFeature);
        if (f.status() == Status.IN_PROGRESS) {
            ijoka.features().block(startFeature, null, "benchmark reset", null);
            ijoka.features().unblock(startFeature, null);
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
    public String start() throws IOException {
        return checked(call("ijoka_start_feature", "{\"feature\":\"" + startRef + "\"}"));
    }

    private String checked(String answer) {
        if (!answer.contains("\"isError\":false")) {
            errors++;
        }
        return answer;
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
                throw new IOException("the server closed its output");
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
