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

/** The poller's promise to the change feed: a hint, once given, is followed until the read succeeds. */
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
}
