package dev.ijoka.internal.bus;

import dev.ijoka.event.Event;
import dev.ijoka.spi.ChangeFeed;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The bus's only publisher. It wakes when this process commits ({@link #poke()}) or when the
 * store's change feed says another process may have, reads the events after the last one it
 * published, and publishes them in order. Having one reader for local and remote commits alike is
 * what keeps delivery ordered and free of duplicates.
 */
public final class ChangeFeedPoller implements AutoCloseable {

    /**
     * The logger, asked for only when something is logged (failures), not when the class loads: the JDK's first
     * {@code System.getLogger} looks for a logger finder through {@code ServiceLoader}, which opens every jar of the
     * class path, on the way to a store's opening (docs/benchmarks.md, "Cold start: MCP, direct hooks, commands").
     */
    private static System.Logger log() {
        return System.getLogger(ChangeFeedPoller.class.getName());
    }
    private static final int PAGE = 1_000;

    private final EventBus bus;
    private final ChangeFeed feed;
    private final LongFunction<List<Event>> reader;
    private final @Nullable LongSupplier lastCommitted;
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** A poller that reads every new event, subscribers or not. */
    public ChangeFeedPoller(EventBus bus, ChangeFeed feed, LongFunction<List<Event>> reader) {
        this(bus, feed, reader, null);
    }

    /**
     * @param lastCommitted the store's last committed sequence: while the bus has no subscriber, the poller moves the
     *     bus past it instead of reading and decoding events that nobody would receive
     */
    public ChangeFeedPoller(EventBus bus, ChangeFeed feed, LongFunction<List<Event>> reader,
            @Nullable LongSupplier lastCommitted) {
        this.bus = bus;
        this.feed = feed;
        this.reader = reader;
        this.lastCommitted = lastCommitted;
        this.thread = Thread.ofPlatform().daemon().name("ijoka-change-feed").start(this::run);
    }

    /** This process committed: publish now rather than at the next poll. */
    public void poke() {
        wakeups.release();
    }

    private void run() {
        long interval = Math.max(1, feed.pollInterval().toMillis());
        // A hint whose read failed stays owed: the feed will not say it again (a notification is heard once),
        // and a quiet store may send no other, so the next rounds read until one succeeds.
        boolean owed = false;
        while (running) {
            try {
                boolean poked = wakeups.tryAcquire(interval, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                if (poked || owed || feed.mayHaveChanged()) {
                    owed = true;
                    drain();
                    owed = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be briefly unavailable; the next round tries again.
                log().log(Level.WARNING, "reading new events failed; retrying", e);
            }
        }
    }

    private void drain() {
        // No subscriber: only the position moves (under the bus's lock, so a subscriber that comes later still starts
        // after what was committed before it came). A one-shot process, such as a direct hook, has no subscriber and
        // closes right after its commit, waiting for this thread: reading its own events back and building Jackson's
        // deserializers for them was the last ~10 ms of its run (docs/benchmarks.md, "The direct hook: what runs after
        // main").
        if (lastCommitted != null && bus.subscriberCount() == 0 && bus.skipTo(lastCommitted.getAsLong())) {
            return;
        }
        while (running) {
            List<Event> page = reader.apply(bus.lastPublished());
            if (page.isEmpty()) {
                return;
            }
            bus.publish(page);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    static int pageSize() {
        return PAGE;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
