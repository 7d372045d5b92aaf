package dev.ijoka.internal.engine;

import dev.ijoka.api.Events;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.spi.StoreReader;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The log, read through the store, and the bus. */
public final class EventService implements Events {

    private final Engine engine;

    public EventService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Subscription subscribe(Consumer<? super Event> listener) {
        return subscribe(e -> true, listener);
    }

    @Override
    public Subscription subscribe(Predicate<? super Event> filter, Consumer<? super Event> listener) {
        // Start after what is committed now, not after what the bus has published so far: a
        // subscriber must not be handed events that were in the log before it subscribed.
        return engine.bus.subscribe(filter, listener, engine.read(StoreReader::lastSequence));
    }

    @Override
    public List<Event> query(EventQuery query) {
        return engine.read(r -> r.events(query));
    }

    @Override
    public List<Event> after(long sequence, int limit) {
        if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + EventQuery.MAX_LIMIT + ", got " + limit);
        }
        return engine.read(r -> r.eventsAfter(sequence, limit));
    }

    @Override
    public long lastSequence() {
        return engine.readOne(StoreReader::lastSequence);
    }
}
