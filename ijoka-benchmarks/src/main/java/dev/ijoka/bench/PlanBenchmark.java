package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The engine's planning API on a loaded in-memory store, warm: {@code plan().ready}, {@code
 * plan().next(project, null)}, {@code plan().waves}, {@code plan().criticalPath} and {@code
 * plan().progress}, each answered from the engine's cached snapshot (the store's last sequence number
 * is read to check the snapshot is current, then the graph query runs and its ids are mapped to
 * {@code Feature} values). This is the path an agent's {@code next}/{@code status} call takes when
 * nothing changed since the previous call. The data is the {@link SyntheticProject} of {@link
 * GraphQueryBenchmark} ({@code size} = 10,000 or 100,000 features, {@code 2 × size} blocks edges).
 *
 * <p>One extra, {@code readyAfterEvent}, is <em>not</em> warm: it appends one unrelated event (a tool
 * use in another project) straight to the store, then asks {@code ready}. Any new event makes the cached
 * snapshot stale, so this measures reading every feature and edge back and rebuilding the snapshot:
 * what the first query after any activity anywhere in the store pays.
 *
 * <p>The data is loaded through {@code features().createAll}, the engine's import path (one
 * transaction, one cycle check), into an in-memory store opened here so that {@code readyAfterEvent}
 * can append to it. Loading through {@code features().create} and {@code dependencies().add} one by
 * one is not an option at this size: each {@code blocks} edge added rebuilds the project's snapshot
 * for its cycle check, so 10,000 features and 20,000 edges take over a minute and 100,000 would take
 * hours (see {@link ApiLoadProbe} and docs/benchmarks.md).
 *
 * <p>Relates to DESIGN.md §8 "ready/next on 10,000 features, 20,000 edges, warm ≤ 2 ms; 100,000 /
 * 200,000 ≤ 30 ms".
 *
 * <p>Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar PlanBenchmark -p size=10000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanBenchmark {

    @Param({"10000", "100000"})
    public int size;

    private Path directory;
    private Store store;
    private Ijoka ijoka;
    private ProjectId project;
    private Event unrelated;
    private long unrelatedCount;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SyntheticProject data = SyntheticProject.generate(size);
        directory = Files.createTempDirectory("ijoka-bench-plan");
        store = new InMemoryStoreProvider().open(InMemoryStoreProvider.URL);
        ijoka = Ijoka.builder().store(store).build();
        long started = System.nanoTime();
        project = load(ijoka, directory, data);
        long loaded = System.nanoTime();
        int ready = ijoka.plan().ready(project).size();
        long warmed = System.nanoTime();
        if (ijoka.plan().graph(project) != ijoka.plan().graph(project)) {
            throw new IllegalStateException("the snapshot is rebuilt on every call: the warm path is not being measured");
        }
        System.out.printf("%n[PlanBenchmark] %s; loaded through features().createAll in %d ms, first snapshot in %d ms, ready=%d%n",
                data.describe(), (loaded - started) / 1_000_000, (warmed - loaded) / 1_000_000, ready);

        // For readyAfterEvent: a project the events can belong to, inserted without an event of its own,
        // so that the snapshot measured above stays current.
        Instant now = Instant.now();
        Project other = new Project(new ProjectId("bench-other-project"), "other", "/tmp/bench-other", now);
        store.write(tx -> {
            tx.insertProject(other);
            return null;
        });
        unrelated = new Event(0, "bench-unrelated", other.id(), null, null, now,
                new EventPayload.ToolUsed("Edit", List.of("src/Main.java"), true));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        ijoka.close();
        Files.deleteIfExists(directory);
    }

    /**
     * Creates the synthetic project through the engine's import path, {@code features().createAll}: one
     * transaction, one cycle check, each feature created directly in its status (an in-progress one has
     * no claim), with its {@code FeatureCreated} and {@code DependencyAdded} events.
     */
    static ProjectId load(Ijoka ijoka, Path directory, SyntheticProject data) {
        ProjectId project = ijoka.projects().open(directory).id();
        List<FeatureBatch.Entry> entries = new ArrayList<>(data.size);
        for (int i = 0; i < data.size; i++) {
            Status status = data.statuses[i];
            NewFeature spec = NewFeature.of("Synthetic feature " + data.numbers[i], data.categories[i])
                    .withPriority(data.priorities[i]);
            entries.add(new FeatureBatch.Entry(spec, status, status == Status.BLOCKED ? "waiting for a decision" : null, null));
        }
        List<FeatureBatch.Edge> edges = new ArrayList<>(data.edgeCount());
        for (int e = 0; e < data.edgeCount(); e++) {
            edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(data.dependents[e]),
                    FeatureBatch.Target.entry(data.dependencies[e]), DependencyKind.BLOCKS));
        }
        FeatureBatch.Result result = ijoka.features().createAll(project, new FeatureBatch(entries, edges), FeatureBatch.Progress.NONE);
        if (result.created().size() != data.size || result.added().size() != data.edgeCount()) {
            throw new IllegalStateException("createAll made " + result.created().size() + " features and "
                    + result.added().size() + " edges, expected " + data.size + " and " + data.edgeCount());
        }
        return project;
    }

    private Feature toggled;

    @Benchmark
    public List<Feature> ready() {
        return ijoka.plan().ready(project);
    }

    @Benchmark
    public Optional<Feature> next() {
        return ijoka.plan().next(project, null);
    }

    @Benchmark
    public List<List<Feature>> waves() {
        return ijoka.plan().waves(project);
    }

    @Benchmark
    public List<Feature> criticalPath() {
        return ijoka.plan().criticalPath(project);
    }

    @Benchmark
    public Progress progress() {
        return ijoka.plan().progress(project);
    }

    /**
     * A status change in this project, then {@code ready}: the snapshot is patched from the new
     * events (the feature's status and value) rather than rebuilt. Alternates blocking and
     * unblocking one feature, as a person would from the dashboard.
     */
    @Benchmark
    public List<Feature> readyAfterStatusChange() {
        if (toggled == null) {
            toggled = ijoka.plan().ready(project).getFirst();
        }
        if (ijoka.features().get(toggled.id()).status() == Status.PENDING) {
            ijoka.features().block(toggled.id(), null, "benchmark", null);
        } else {
            ijoka.features().unblock(toggled.id(), null);
        }
        return ijoka.plan().ready(project);
    }

    /** An event from elsewhere in the store (another project), then {@code ready}: the snapshot is brought forward without a rebuild. */
    @Benchmark
    public List<Feature> readyAfterEvent() {
        Event next = new Event(0, "bench-unrelated-" + (++unrelatedCount), unrelated.project(), null, null,
                unrelated.at(), unrelated.payload());
        store.write(tx -> tx.append(List.of(next)));
        return ijoka.plan().ready(project);
    }
}
