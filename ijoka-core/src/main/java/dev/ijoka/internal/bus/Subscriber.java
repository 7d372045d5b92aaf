package dev.ijoka.internal.bus;

import dev.ijoka.event.Event;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One subscription: a bounded queue and the virtual thread that drains it. When the queue
 * overflows, the subscriber stops taking events from the publisher and reads what it missed from
 * the log; once it has caught up with the publisher it takes events from the queue again. Events at
 * or below the last one delivered are skipped, so the hand-over never repeats one.
 */
final class Subscriber {

    /**
     * The logger, asked for only when something is logged (failures), not when the class loads: the JDK's first
     * {@code System.getLogger} looks for a logger finder through {@code ServiceLoader}, which opens every jar of the
     * class path, on the way to a store's opening (docs/benchmarks.md, "Cold start: MCP, direct hooks, commands").
     */
    private static System.Logger log() {
        return System.getLogger(Subscriber.class.getName());
    }

    private final EventBus bus;
    private final Predicate<? super Event> filter;
    private final Consumer<? super Event> listener;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(EventBus.QUEUE_CAPACITY);
    private final Object overflowLock = new Object();
    private boolean overflowed;
    private long lastDelivered;
    private volatile boolean running = true;
    private Thread thread;

    Subscriber(EventBus bus, Predicate<? super Event> filter, Consumer<? super Event> listener, long startAfter) {
        this.bus = bus;
        this.filter = filter;
        this.listener = listener;
        this.lastDelivered = startAfter;
    }

    void start() {
        thread = Thread.ofVirtual().name("ijoka-subscriber").start(this::run);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Never blocks the publisher. */
    void offer(Event e) {
        synchronized (overflowLock) {
            if (!overflowed && !queue.offer(e)) {
                overflowed = true;
            }
        }
    }

    private void run() {
        try {
            while (running) {
                Event e = queue.poll();
                if (e == null && isOverflowed()) {
                    // The publisher stopped filling the queue when it overflowed: catch up from the log
                    // now, not after the idle wait below has run out (which cost every overflow 200 ms).
                    catchUp();
                    e = queue.poll();
                }
                if (e == null) {
                    e = queue.poll(200, TimeUnit.MILLISECONDS);
                }
                if (e != null) {
                    deliver(e);
                } else if (isOverflowed()) {
                    catchUp();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isOverflowed() {
        synchronized (overflowLock) {
            return overflowed;
        }
    }

    /** Reads from the log until level with the publisher, then goes back to the queue. */
    private void catchUp() {
        while (running) {
            List<Event> missed = bus.readMissed(lastDelivered);
            for (Event e : missed) {
                if (e.sequence() > bus.lastPublished()) {
                    break;
                }
                deliver(e);
            }
            synchronized (overflowLock) {
                if (lastDelivered >= bus.lastPublished()) {
                    overflowed = false;
                    return;
                }
            }
            if (missed.isEmpty()) {
                return;
            }
        }
    }

    private void deliver(Event e) {
        if (e.sequence() <= lastDelivered) {
            return;
        }
        lastDelivered = e.sequence();
        try {
            if (filter.test(e)) {
                listener.accept(e);
            }
        } catch (RuntimeException failure) {
            // A failing subscriber must not stop its own stream, let alone anyone else's.
            log().log(Level.WARNING, "event subscriber failed on event " + e.sequence(), failure);
        }
    }
}
