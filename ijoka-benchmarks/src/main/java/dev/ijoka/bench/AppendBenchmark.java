package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending to the event log of a real store (DESIGN.md §8: ≥ 20,000 events/s batched, ≥ 2,000
 * single transactions/s, one writer), parameter {@code store}: {@code sqlite}, a fresh database file in
 * a temporary directory, in WAL mode with {@code synchronous=NORMAL}, as the store always runs; or
 * {@code postgres}, a fresh database on an embedded PostgreSQL server on this machine ({@link BenchStore}).
 * Scores are operations per second.
 *
 * <ul>
 *   <li>{@code batched}: one write transaction ({@code BEGIN IMMEDIATE} … {@code COMMIT}) appending
 *       1,000 {@code tool_used} events; the score counts events.</li>
 *   <li>{@code single}: one write transaction appending one event; the score counts transactions.</li>
 *   <li>{@code engineRecord}: the engine's {@code sessions().record(session, ToolUsed)}, what a
 *       PostToolUse hook does: one transaction that reads the session, updates it and appends the
 *       event; then the engine's change-feed thread reads it back for the bus.</li>
 * </ul>
 *
 * <p>The log grows by every appended event during a run (several million rows for {@code batched}),
 * with SQLite's automatic checkpoints (or PostgreSQL's) along the way.
 *
 * <p>Throughput depends on the other work on the machine; {@link SqliteAppendCpuProbe} measures
 * the same operations in CPU time per operation, which does not.
 *
 * <p>Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar AppendBenchmark} (both stores), or
 * with {@code -p store=postgres} for one. Named {@code SqliteAppendBenchmark} before it had the parameter.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Longer than the other benchmarks: the JIT needs ~10 s on a busy 2-core machine to settle this path.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class AppendBenchmark {

    static final int BATCH = 1_000;

    /** A new store, with one project; a SQLite file is deleted afterwards. */
    @State(Scope.Benchmark)
    public static class OnFile {

        @Param({BenchStore.SQLITE, BenchStore.POSTGRES})
        public String store;

        Path dir;
        Store db;
        ProjectId project;
        SessionId session;
        long next;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("ijoka-append-bench");
            this.db = BenchStore.open(store, dir);
            project = ProjectId.of("bench-project");
            session = SessionId.of("bench-session");
            Project p = new Project(project, "bench", dir.toString(), now());
            db.write(tx -> {
                tx.insertProject(p);
                return null;
            });
        }

        Event event() {
            return new Event(0, "e" + (next++), project, null, session, now(),
                    new EventPayload.ToolUsed("Edit", List.of("src/Main.java"), true));
        }

        @TearDown(Level.Trial)
        public void close() {
            db.close();
            deleteTree(dir);
        }
    }

    /** The engine on a new store, with one project and one session. */
    @State(Scope.Benchmark)
    public static class Engine {

        @Param({BenchStore.SQLITE, BenchStore.POSTGRES})
        public String store;

        Path dir;
        Ijoka ijoka;
        SessionId session;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("ijoka-engine-bench");
            ijoka = Ijoka.builder().store(BenchStore.newUrl(store, dir)).build();
            Project p = ijoka.projects().open(Files.createDirectories(dir.resolve("code")));
            session = ijoka.sessions().start(p.id(), SessionId.of("bench-session"), "bench").id();
        }

        @TearDown(Level.Trial)
        public void close() {
            ijoka.close();
            deleteTree(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Event> batched(OnFile s) {
        List<Event> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            events.add(s.event());
        }
        return s.db.write(tx -> tx.append(events));
    }

    @Benchmark
    public List<Event> single(OnFile s) {
        Event e = s.event();
        return s.db.write(tx -> tx.append(List.of(e)));
    }

    @Benchmark
    public Object engineRecord(Engine s) {
        return s.ijoka.sessions().record(s.session, new EventPayload.ToolUsed("Edit", List.of("src/Main.java"), true));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
