package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * <p>The data is loaded through the {@link Store} SPI in a few write transactions (features, their
 * {@code FeatureCreated} events, edges and their {@code DependencyAdded} events), not through {@code
 * features().create} and {@code dependencies().add}: adding a {@code blocks} edge through the API
 * rebuilds the project's whole snapshot for its cycle check, so loading 10,000 features and 20,000
 * edges that way takes minutes, and 100,000 hours (see docs/benchmarks.md).
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

    private Store store;
    private Ijoka ijoka;
    private ProjectId project;
    private Event unrelated;
    private long unrelatedCount;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticProject data = SyntheticProject.generate(size);
        long started = System.nanoTime();
        store = new InMemoryStoreProvider().open(InMemoryStoreProvider.URL);
        project = load(store, data);
        long loaded = System.nanoTime();
        ijoka = Ijoka.builder().store(store).build();
        int ready = ijoka.plan().ready(project).size();
        long warmed = System.nanoTime();
        System.out.printf("%n[PlanBenchmark] %s; loaded through the Store SPI in %d ms, first snapshot in %d ms, ready=%d%n",
                data.describe(), (loaded - started) / 1_000_000, (warmed - loaded) / 1_000_000, ready);

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
    public void tearDown() {
        ijoka.close();
    }

    /** Writes the synthetic project into the store as the engine would have: state plus its events. */
    static ProjectId load(Store store, SyntheticProject data) {
        Instant now = Instant.now();
        ProjectId id = new ProjectId(new UUID(data.size, SyntheticProject.SEED).toString());
        Project project = new Project(id, "synthetic-" + data.size, "/tmp/ijoka-bench/" + data.size, now);
        List<SessionId> agents = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            agents.add(new SessionId("bench-agent-" + k));
        }
        store.write(tx -> {
            tx.insertProject(project);
            tx.append(List.of(new Event(0, UUID.randomUUID().toString(), id, null, null, now,
                    new EventPayload.ProjectRegistered(project))));
            for (SessionId agent : agents) {
                tx.upsertSession(new Session(agent, id, "claude-code", now, now, null, null, 0));
            }
            return null;
        });
        Instant leaseUntil = now.plus(Duration.ofDays(1));
        store.write(tx -> {
            List<Event> events = new ArrayList<>(data.size);
            for (int i = 0; i < data.size; i++) {
                Status status = data.statuses[i];
                Claim claim = status == Status.IN_PROGRESS ? new Claim(agents.get(i % agents.size()), now, leaseUntil) : null;
                Feature f = new Feature(data.ids[i], id, data.numbers[i], "Synthetic feature " + data.numbers[i], null,
                        data.categories[i], Kind.FEATURE, status, data.priorities[i], List.of(),
                        status == Status.BLOCKED ? "waiting for a decision" : null, null, claim, 1, now, now,
                        status == Status.COMPLETE ? now : null);
                tx.insertFeature(f);
                events.add(new Event(0, UUID.randomUUID().toString(), id, f.id(), null, now, new EventPayload.FeatureCreated(f)));
            }
            tx.append(events);
            return null;
        });
        store.write(tx -> {
            List<Event> events = new ArrayList<>(data.edgeCount());
            for (int e = 0; e < data.edgeCount(); e++) {
                Dependency d = new Dependency(id, data.ids[data.dependents[e]], data.ids[data.dependencies[e]], DependencyKind.BLOCKS);
                tx.insertDependency(d);
                events.add(new Event(0, UUID.randomUUID().toString(), id, d.dependent(), null, now,
                        new EventPayload.DependencyAdded(d.dependent(), d.dependency(), d.kind())));
            }
            tx.append(events);
            return null;
        });
        return id;
    }

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

    /** Cold: one unrelated event makes the snapshot stale, so {@code ready} rebuilds it first. */
    @Benchmark
    public List<Feature> readyAfterEvent() {
        Event next = new Event(0, "bench-unrelated-" + (++unrelatedCount), unrelated.project(), null, null,
                unrelated.at(), unrelated.payload());
        store.write(tx -> tx.append(List.of(next)));
        return ijoka.plan().ready(project);
    }
}
