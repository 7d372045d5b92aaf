package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 * The in-process event bus under fan-out, on the in-memory store: {@code subscribers} = 1, 8 or 64
 * subscriptions ({@code events().subscribe}), each only counting what it receives. The writer is one
 * JMH thread calling {@code sessions().record(session, ToolUsed)}: one write transaction that appends
 * one event (what a Claude Code PostToolUse hook does), after which the engine wakes its change-feed
 * thread, which reads the new events from the log and offers them to every subscriber's queue; each
 * subscriber drains its queue on its own virtual thread.
 *
 * <ul>
 *   <li>{@code commit} (throughput, events committed per second): the writer commits as fast as it can
 *       while the subscribers run. It does not wait for delivery, so this is the writer's rate with
 *       that many subscribers competing for the 2 cores; subscribers that fall behind switch to reading
 *       the log. After each iteration (outside the measurement) it waits until every subscriber has
 *       seen every event, so no backlog spills into the next iteration.</li>
 *   <li>{@code fanOutBatch} (average time per batch): commits 1,000 events, then waits until every
 *       subscriber has received the last of them. The score is the end-to-end time of a batch: 1,000
 *       commits plus the delivery still outstanding when the writer is done (compare with 1,000 /
 *       {@code commit} throughput to see the part that is delivery).</li>
 * </ul>
 *
 * <p>Relates to DESIGN.md §2 "a slow subscriber never blocks a writer" and to the budgets of §8 that
 * the in-process bus is a part of: "a change in one process visible in another process's bus p95 ≤
 * 250 ms" and "dashboard: change visible in an open page p95 ≤ 300 ms". (The §8 append rates, ≥ 20,000
 * events/s batched and ≥ 2,000 single transactions/s, are for SQLite; this is the in-memory store, so
 * it is the engine's own ceiling, not that target.)
 *
 * <p>Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar EventBusBenchmark -p subscribers=8}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventBusBenchmark {

    static final int BATCH = 1_000;
    private static final long DELIVERY_TIMEOUT_SECONDS = 60;

    @Param({"1", "8", "64"})
    public int subscribers;

    private Path directory;
    private Ijoka ijoka;
    private SessionId session;
    private final List<Counter> counters = new ArrayList<>();
    private final List<Events.Subscription> subscriptions = new ArrayList<>();
    private final EventPayload.ToolUsed toolUsed = new EventPayload.ToolUsed("Edit", List.of("src/main/java/App.java"), true);

    /** One subscriber: counts events and remembers the last sequence it saw. Runs on the subscriber's own thread. */
    static final class Counter implements Consumer<Event> {
        long count; // written and read only on this subscriber's thread
        volatile long lastSeen;
        /** The sequence to signal at, or MAX_VALUE; whoever swaps it back to MAX_VALUE counts down, once. */
        final AtomicLong awaited = new AtomicLong(Long.MAX_VALUE);
        private volatile CountDownLatch signal = new CountDownLatch(0);

        void await(long sequence, CountDownLatch latch) {
            signal = latch;
            awaited.set(sequence);
        }

        /** Counts down if the subscriber has already seen {@code sequence} and nobody has counted down for it yet. */
        void signalIfSeen(long sequence) {
            if (lastSeen >= sequence && awaited.compareAndSet(sequence, Long.MAX_VALUE)) {
                signal.countDown();
            }
        }

        @Override
        public void accept(Event e) {
            count++;
            lastSeen = e.sequence();
            long target = awaited.get();
            if (e.sequence() >= target && awaited.compareAndSet(target, Long.MAX_VALUE)) {
                signal.countDown();
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("ijoka-bench-bus");
        ijoka = Ijoka.inMemory();
        ProjectId project = ijoka.projects().open(directory).id();
        session = new SessionId("bench-writer");
        ijoka.sessions().start(project, session, "claude-code");
        for (int i = 0; i < subscribers; i++) {
            Counter c = new Counter();
            counters.add(c);
            subscriptions.add(ijoka.events().subscribe(c));
        }
        long before = ijoka.events().lastSequence();
        ijoka.sessions().record(session, toolUsed);
        long after = ijoka.events().lastSequence();
        if (after != before + 1) {
            throw new IllegalStateException("record() appended " + (after - before) + " events, expected 1");
        }
        awaitDelivery(after);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        subscriptions.forEach(Events.Subscription::close);
        ijoka.close();
        Files.deleteIfExists(directory);
    }

    /** Keeps iterations independent: a backlog of the last one is delivered before the next starts. */
    @TearDown(Level.Iteration)
    public void drain() {
        awaitDelivery(ijoka.events().lastSequence());
    }

    private void awaitDelivery(long sequence) {
        CountDownLatch latch = new CountDownLatch(counters.size());
        for (Counter c : counters) {
            c.await(sequence, latch);
        }
        // A counter that was already past the target before it was armed never counts down: check it here.
        for (Counter c : counters) {
            c.signalIfSeen(sequence);
        }
        await(latch, sequence);
    }

    private void await(CountDownLatch latch, long sequence) {
        try {
            if (!latch.await(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " of " + counters.size()
                        + " subscribers did not see event " + sequence + " within " + DELIVERY_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object commit() {
        return ijoka.sessions().record(session, toolUsed);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long fanOutBatch() {
        // Only this thread writes, and each record() appends exactly one event (checked in setUp).
        long last = ijoka.events().lastSequence() + BATCH;
        CountDownLatch latch = new CountDownLatch(counters.size());
        for (Counter c : counters) {
            c.await(last, latch);
        }
        for (int i = 0; i < BATCH; i++) {
            ijoka.sessions().record(session, toolUsed);
        }
        await(latch, last);
        return last;
    }
}
