package dev.ijoka.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ijoka.Fixture;
import dev.ijoka.api.Events;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-process bus, through {@code ijoka.events().subscribe}: every subscriber gets every event
 * committed after it subscribed, in sequence order, exactly once, and none can hold up a writer.
 * Waits poll for a condition with a deadline; nothing here asserts how long anything took.
 */
@Timeout(60)
class EventBusTest {

    private static final long WAIT_SECONDS = 10;

    private final Fixture fx = new Fixture();
    private final SessionId session = fx.session("s1");

    @AfterEach
    void close() {
        fx.close();
    }

    /** Appends {@code count} events (one prompt each) and returns the last sequence. */
    private long write(int count) {
        for (int i = 0; i < count; i++) {
            fx.ijoka.sessions().record(session, new EventPayload.PromptSubmitted("prompt " + i));
        }
        return fx.mark();
    }

    private static List<Long> range(long firstExclusive, long lastInclusive) {
        return LongStream.rangeClosed(firstExclusive + 1, lastInclusive).boxed().toList();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up waiting (" + WAIT_SECONDS + " s) for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** A subscriber that records the sequence numbers it sees. */
    private static final class Recorder implements Consumer<Event> {
        final List<Long> sequences = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(Event e) {
            sequences.add(e.sequence());
        }

        List<Long> snapshot() {
            synchronized (sequences) {
                return List.copyOf(sequences);
            }
        }

        int size() {
            return sequences.size();
        }
    }

    @Test
    void everySubscriberReceivesEveryEventInSequenceOrder() throws Exception {
        long start = fx.mark();
        List<Recorder> recorders = List.of(new Recorder(), new Recorder(), new Recorder());
        recorders.forEach(r -> fx.ijoka.events().subscribe(r));

        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> write(250)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long last = fx.mark();
        assertThat(last - start).isEqualTo(1_000);

        for (Recorder r : recorders) {
            await("1000 events for every subscriber", () -> r.size() >= 1_000);
            assertThat(r.snapshot()).isEqualTo(range(start, last));
        }
    }

    @Test
    void aSubscriberSeesOnlyEventsCommittedAfterItSubscribed() {
        write(5);
        long start = fx.mark();
        Recorder r = new Recorder();
        fx.ijoka.events().subscribe(r);

        long last = write(3);

        await("3 events", () -> r.size() >= 3);
        assertThat(r.snapshot()).isEqualTo(range(start, last));
    }

    @Test
    void aFilteredSubscriptionReceivesOnlyWhatTheFilterAccepts() {
        Recorder prompts = new Recorder();
        Recorder all = new Recorder();
        fx.ijoka.events().subscribe(e -> e.type() == EventType.PROMPT_SUBMITTED, prompts);
        fx.ijoka.events().subscribe(all);

        fx.ijoka.sessions().record(session, new EventPayload.PromptSubmitted("one"));
        fx.ijoka.sessions().record(session, new EventPayload.CommitMade("abc123", "fix"));
        long last = write(1);

        await("every event", () -> all.snapshot().contains(last));
        await("both prompts", () -> prompts.size() >= 2);
        assertThat(prompts.snapshot()).containsExactly(last - 2, last);
    }

    @Test
    void aBlockedSubscriberHoldsUpNoWriterAndLaterReceivesEveryEventInOrderExactlyOnce() throws InterruptedException {
        long start = fx.mark();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder();
        fx.ijoka.events().subscribe(e -> {
            slow.accept(e);
            if (e.sequence() == start + 1) {
                stuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Recorder fast = new Recorder();
        fx.ijoka.events().subscribe(fast);

        write(1);
        assertThat(stuck.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the slow subscriber got its first event").isTrue();

        // More events than its queue holds: the writes all complete while it is stuck.
        int burst = EventBus.QUEUE_CAPACITY + 1_500;
        long last = write(burst);
        assertThat(last - start).isEqualTo(burst + 1L);
        await("the fast subscriber to see the burst", () -> fast.size() >= burst + 1);
        assertThat(slow.snapshot()).containsExactly(start + 1);

        release.countDown();
        await("the slow subscriber to catch up", () -> slow.size() >= burst + 1);

        // One more event after the catch-up: any repeat or gap would show before it.
        long sentinel = write(1);
        await("the sentinel", () -> slow.snapshot().contains(sentinel) && fast.snapshot().contains(sentinel));
        assertThat(slow.snapshot()).isEqualTo(range(start, sentinel));
        assertThat(fast.snapshot()).isEqualTo(range(start, sentinel));
    }

    @Test
    void aSubscriberThatThrowsKeepsReceivingAndOthersAreUnaffected() {
        Logger subscriberLog = Logger.getLogger(Subscriber.class.getName());
        Level before = subscriberLog.getLevel();
        subscriberLog.setLevel(Level.OFF); // the failures below are expected; keep the build log readable
        try {
            long start = fx.mark();
            Recorder seen = new Recorder();
            Recorder other = new Recorder();
            fx.ijoka.events().subscribe(e -> {
                seen.accept(e);
                if (e.sequence() % 2 == 0) {
                    throw new IllegalStateException("subscriber bug on " + e.sequence());
                }
            });
            fx.ijoka.events().subscribe(other);

            long last = write(20);

            await("20 events despite failures", () -> seen.size() >= 20);
            await("20 events for the other subscriber", () -> other.size() >= 20);
            assertThat(seen.snapshot()).isEqualTo(range(start, last));
            assertThat(other.snapshot()).isEqualTo(range(start, last));
        } finally {
            subscriberLog.setLevel(before);
        }
    }

    @Test
    void closingASubscriptionStopsDelivery() {
        long start = fx.mark();
        Recorder closed = new Recorder();
        Recorder open = new Recorder();
        Events.Subscription subscription = fx.ijoka.events().subscribe(closed);
        fx.ijoka.events().subscribe(open);
        long beforeClose = write(3);
        await("the first 3 events", () -> closed.size() >= 3);

        subscription.close();
        long last = write(10);

        await("the open subscriber to see everything", () -> open.snapshot().contains(last));
        assertThat(closed.snapshot()).isEqualTo(range(start, beforeClose));
        assertThat(open.snapshot()).isEqualTo(range(start, last));
        subscription.close(); // closing twice is harmless
    }
}
