package dev.ijoka.internal.bus;

import dev.ijoka.api.Events;
import dev.ijoka.event.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The in-process bus. One publisher thread (the {@link ChangeFeedPoller}) hands committed events,
 * in sequence order, to every subscriber's own bounded queue, each drained by its own virtual
 * thread. Publishing never blocks: a subscriber whose queue is full is switched to catching up from
 * the log itself ({@code missedReader}), so it still sees every event, in order, exactly once.
 */
public final class EventBus implements AutoCloseable {

    static final int QUEUE_CAPACITY = 4_096;

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final LongFunction<List<Event>> missedReader;
    private volatile long lastPublished;

    /**
     * @param startAfter the last sequence already committed: subscribers see only what follows
     * @param missedReader reads up to a page of events after a sequence, oldest first
     */
    public EventBus(long startAfter, LongFunction<List<Event>> missedReader) {
        this.lastPublished = startAfter;
        this.missedReader = missedReader;
    }

    public Events.Subscription subscribe(Predicate<? super Event> filter, Consumer<? super Event> listener) {
        return subscribe(filter, listener, 0);
    }

    /**
     * @param committed the last sequence already committed to the store when subscribing: the
     *     subscriber starts after it even if the publisher has not caught up with it yet
     */
    public Events.Subscription subscribe(Predicate<? super Event> filter, Consumer<? super Event> listener,
            long committed) {
        Subscriber s;
        // Under the publisher's lock, so that no event is published between choosing where the
        // subscriber starts and adding it (it would never see that event).
        synchronized (this) {
            s = new Subscriber(this, filter, listener, Math.max(lastPublished, committed));
            subscribers.add(s);
        }
        s.start();
        return () -> {
            subscribers.remove(s);
            s.stop();
        };
    }

    /** Called by the single publisher thread with events in sequence order. Never blocks on a subscriber. */
    synchronized void publish(List<Event> events) {
        for (Event e : events) {
            if (e.sequence() <= lastPublished) {
                continue;
            }
            lastPublished = e.sequence();
            for (Subscriber s : subscribers) {
                s.offer(e);
            }
        }
    }

    /**
     * Moves the bus past {@code sequence} without publishing, if it has no subscriber (nobody would receive what lies
     * before it); a subscriber added later starts after it. Under the publisher's lock, as {@link #subscribe} chooses
     * where a subscriber starts.
     *
     * @return whether it moved (false: a subscriber came, so the events must be read and published)
     */
    synchronized boolean skipTo(long sequence) {
        if (!subscribers.isEmpty()) {
            return false;
        }
        lastPublished = Math.max(lastPublished, sequence);
        return true;
    }

    long lastPublished() {
        return lastPublished;
    }

    List<Event> readMissed(long after) {
        return missedReader.apply(after);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        for (Subscriber s : subscribers) {
            s.stop();
        }
        subscribers.clear();
    }
}
