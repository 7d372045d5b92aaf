package dev.ijoka.api;

import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event log and the in-process bus. Subscribers receive every event committed after they
 * subscribed, by this process or any other on the same store, in sequence order, each on its own
 * thread: a slow subscriber delays only itself and never a writer.
 */
public interface Events {

    Subscription subscribe(Consumer<? super Event> listener);

    /** Only the events the filter accepts. */
    Subscription subscribe(Predicate<? super Event> filter, Consumer<? super Event> listener);

    /** A page of one project's log, newest first. */
    List<Event> query(EventQuery query);

    /** Events of every project after a sequence number, oldest first. */
    List<Event> after(long sequence, int limit);

    long lastSequence();

    /** A live subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
