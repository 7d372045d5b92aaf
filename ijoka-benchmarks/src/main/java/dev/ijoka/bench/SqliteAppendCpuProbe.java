package dev.ijoka.bench;

import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.Store;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operations of {@link AppendBenchmark} ({@code single}: one transaction appending one
 * event; {@code batched}: one transaction appending 1,000) timed in the writing thread's CPU time
 * as well as wall time. On a shared machine wall time, and so JMH's throughput, depends on what
 * else runs; CPU time per operation hardly does, and 1 / CPU time is the rate one free core
 * would sustain. (The kernel's time writing the WAL is in the thread's CPU time; waiting for the
 * disk is not, but in WAL mode with {@code synchronous=NORMAL} a commit does not wait for the disk.)
 *
 * <p>With {@code --store postgres} ({@link BenchStore}) the database's work runs in the server's
 * processes, not in this thread: the CPU figure is then this thread's plus the server's
 * ({@link BenchStore#postgresCpuNanos}), and the server is this probe's alone. (The server's WAL flush
 * at every commit waits for the disk, which is in the wall time only.)
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.SqliteAppendCpuProbe [rounds] [--store postgres]
 * </pre>
 *
 * Each round runs 2,000 single transactions and 20 batches; the first half of the rounds warm up.
 * Prints each round, then the medians of the second half.
 */
public final class SqliteAppendCpuProbe {

    private SqliteAppendCpuProbe() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 20;
        String kind = BenchStore.fromArgs(args);
        boolean server = kind.equals(BenchStore.POSTGRES);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.function.LongSupplier cpu = server ? () -> mx.getCurrentThreadCpuTime() + BenchStore.postgresCpuNanos()
                : mx::getCurrentThreadCpuTime;
        Path dir = Files.createTempDirectory("ijoka-append-probe");
        List<double[]> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "store %s, load average %s%n", kind, Processes.load());
        try (Store store = BenchStore.open(kind, dir)) {
            ProjectId project = ProjectId.of("probe");
            store.write(tx -> {
                tx.insertProject(new Project(project, "probe", dir.toString(), now()));
                return null;
            });
            long[] next = {0};
            for (int round = 0; round < rounds; round++) {
                long cpu0 = cpu.getAsLong();
                long wall0 = System.nanoTime();
                for (int i = 0; i < 2_000; i++) {
                    Event e = event(project, next[0]++);
                    store.write(tx -> tx.append(List.of(e)));
                }
                long cpu1 = cpu.getAsLong();
                long wall1 = System.nanoTime();
                for (int b = 0; b < 20; b++) {
                    List<Event> batch = new ArrayList<>(1_000);
                    for (int i = 0; i < 1_000; i++) {
                        batch.add(event(project, next[0]++));
                    }
                    store.write(tx -> tx.append(batch));
                }
                long cpu2 = cpu.getAsLong();
                long wall2 = System.nanoTime();
                double[] r = {(cpu1 - cpu0) / 2_000e3, (wall1 - wall0) / 2_000e3, (cpu2 - cpu1) / 20_000e3, (wall2 - wall1) / 20_000e3};
                results.add(r);
                System.out.printf(Locale.ROOT, "round %2d: single %6.1f us CPU %7.1f us wall | batched %5.2f us CPU %6.2f us wall per event%n",
                        round + 1, r[0], r[1], r[2], r[3]);
            }
        } finally {
            AppendBenchmark.deleteTree(dir);
        }
        List<double[]> measured = results.subList(rounds / 2, rounds);
        double single = median(measured, 0);
        double batched = median(measured, 2);
        System.out.printf(Locale.ROOT, "median of rounds %d-%d: single %.1f us CPU (%.0f tx/s per free core, wall %.1f us);"
                        + " batched %.2f us CPU per event (%.0f events/s per free core, wall %.2f us)%n",
                rounds / 2 + 1, rounds, single, 1e6 / single, median(measured, 1), batched, 1e6 / batched, median(measured, 3));
    }

    private static Event event(ProjectId project, long n) {
        return new Event(0, "e" + n, project, null, null, now(), new EventPayload.ToolUsed("Edit", List.of("src/Main.java"), true));
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
