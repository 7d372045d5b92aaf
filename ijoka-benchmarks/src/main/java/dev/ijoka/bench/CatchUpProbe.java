package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a JMH benchmark: how quickly a subscriber that fell behind catches up. One subscriber stalls
 * for 300 ms on its first event while {@code batch} events are committed; with a batch larger than
 * the subscriber's queue (4,096) its queue overflows and it must read the rest from the log. Prints
 * the time from the subscriber waking to its having seen the last event. (Before the fix in {@code
 * Subscriber.run} this was always about 200 ms after an overflow: see docs/benchmarks.md.)
 *
 * <p>Run: {@code java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.CatchUpProbe 6000}
 */
public final class CatchUpProbe {

    private CatchUpProbe() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 6_000;
        Path directory = Files.createTempDirectory("ijoka-catch-up");
        try (Ijoka ijoka = Ijoka.inMemory()) {
            ProjectId project = ijoka.projects().open(directory).id();
            SessionId session = new SessionId("probe-writer");
            ijoka.sessions().start(project, session, "probe");
            EventPayload.ToolUsed toolUsed = new EventPayload.ToolUsed("Edit", List.of("src/App.java"), true);
            for (int round = 1; round <= 5; round++) {
                AtomicLong seen = new AtomicLong();
                AtomicLong wokeAt = new AtomicLong();
                AtomicBoolean first = new AtomicBoolean(true);
                Events.Subscription subscription = ijoka.events().subscribe(e -> {
                    if (first.getAndSet(false)) {
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                        wokeAt.set(System.nanoTime());
                    }
                    seen.set(e.sequence());
                });
                try {
                    for (int i = 0; i < batch; i++) {
                        ijoka.sessions().record(session, toolUsed);
                    }
                    long last = ijoka.events().lastSequence();
                    while (seen.get() < last) {
                        Thread.sleep(0, 50_000);
                    }
                    System.out.printf("round %d: %,d events; after the stalled subscriber woke, the rest took %.1f ms%n",
                            round, batch, (System.nanoTime() - wokeAt.get()) / 1e6);
                } finally {
                    subscription.close();
                }
            }
        } finally {
            Files.deleteIfExists(directory);
        }
    }
}
