package dev.ijoka.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poller's promise to the change feed: a hint, once given, is followed until the read succeeds; and events are read
 * only for subscribers.
 */
@Timeout(30)
class ChangeFeedPollerTest {

    @Test
    void aHintWhoseReadFailedIsReadAgainWithoutAnotherHint() throws InterruptedException {
        Event committedElsewhere = new Event(1, "e-1", null, null, null, Instant.parse("2026-12-06T12:00:00Z"),
                new EventPayload.PromptSubmitted("while the server was away"));
        AtomicBoolean hinted = new AtomicBoolean();
        ChangeFeed once = new ChangeFeed() {
            @Override
            public boolean mayHaveChanged() {
                return hinted.compareAndSet(false, true); // says it once, as one notification is heard once
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(5);
            }
        };
        AtomicInteger reads = new AtomicInteger();
        EventBus bus = new EventBus(0, after -> List.of());
        List<Event> delivered = new CopyOnWriteArrayList<>();
        bus.subscribe(e -> true, delivered::add);
        ChangeFeedPoller poller = new ChangeFeedPoller(bus, once, after -> {
            if (reads.incrementAndGet() <= 2) {
                throw new IllegalStateException("the store is briefly unavailable");
            }
            return after < 1 ? List.of(committedElsewhere) : List.of();
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            poller.close();
        }
        assertThat(delivered).containsExactly(committedElsewhere);
        assertThat(reads.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void withNoSubscriberTheBusMovesPastTheCommittedEventsWithoutReadingThemAndALaterSubscriberGetsWhatFollows()
            throws InterruptedException {
        Event before = event(1, "committed before anyone subscribed");
        Event after = event(2, "committed after the subscription");
        List<Event> log = new CopyOnWriteArrayList<>(List.of(before));
        AtomicInteger reads = new AtomicInteger();
        EventBus bus = new EventBus(0, from -> List.of());
        ChangeFeedPoller poller = new ChangeFeedPoller(bus, ChangeFeed.LOCAL_ONLY, from -> {
            reads.incrementAndGet();
            return log.stream().filter(e -> e.sequence() > from).toList();
        }, () -> log.getLast().sequence());
        List<Event> delivered = new CopyOnWriteArrayList<>();
        try {
            poller.poke();
            awaitTrue(() -> bus.lastPublished() == 1);
            assertThat(reads.get()).isZero();

            bus.subscribe(e -> true, delivered::add);
            log.add(after);
            poller.poke();
            awaitTrue(() -> !delivered.isEmpty());
        } finally {
            poller.close();
        }
        assertThat(delivered).containsExactly(after);
        assertThat(reads.get()).isPositive();
    }

    private static Event event(long sequence, String prompt) {
        return new Event(sequence, "e-" + sequence, null, null, null, Instant.parse("2026-12-06T12:00:00Z"),
                new EventPayload.PromptSubmitted(prompt));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 10 s");
            }
            Thread.sleep(2);
        }
    }
}
