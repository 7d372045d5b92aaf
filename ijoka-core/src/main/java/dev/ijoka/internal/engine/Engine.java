package dev.ijoka.internal.engine;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.internal.bus.ChangeFeedPoller;
import dev.ijoka.internal.bus.EventBus;
import dev.ijoka.spi.IdSource;
import dev.ijoka.spi.Notifier;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every service of the engine shares: the store, the clock, ids, the bus, and the few helpers
 * that resolve references and make events. Built once by {@code Ijoka.Builder}.
 */
public final class Engine implements AutoCloseable {

    private static final int EVENT_PAGE = 1_000;

    final Store store;
    final InstantSource clock;
    final IdSource ids;
    final Duration lease;
    final EventBus bus;
    final GraphCache graphs;
    private final ChangeFeedPoller poller;

    public Engine(Store store, InstantSource clock, IdSource ids, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive, got " + lease);
        }
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.lease = lease;
        long last = store.read(StoreReader::lastSequence);
        this.bus = new EventBus(last, after -> store.read(r -> r.eventsAfter(after, EVENT_PAGE)));
        this.graphs = new GraphCache(store);
        this.poller = new ChangeFeedPoller(bus, store.changeFeed(), after -> store.read(r -> r.eventsAfter(after, EVENT_PAGE)),
                () -> store.read(StoreReader::lastSequence));
    }

    public EventBus bus() {
        return bus;
    }

    public Store store() {
        return store;
    }

    /** Sends desktop notifications for what happens on the store, until the subscription closes. */
    public dev.ijoka.api.Events.Subscription notify(Notifier target) {
        return Notifications.bridge(this, target);
    }

    /** Runs a write transaction, then wakes the bus so subscribers hear of it at once. */
    <T> T write(Function<StoreTransaction, T> work) {
        graphs.writing();
        try {
            return store.write(work);
        } finally {
            poller.poke();
        }
    }

    /** {@code Ijoka.oneLook}: the snapshot reads of {@code work} look at the log once. */
    public <T> T oneLook(Supplier<T> work) {
        return graphs.oneLook(work);
    }

    <T> T read(Function<StoreReader, T> work) {
        return store.read(work);
    }

    /** A read of one query, which a store may run without a transaction around it ({@link Store#readOne}). */
    <T> T readOne(Function<StoreReader, T> query) {
        return store.readOne(query);
    }

    /** The clock the engine runs on, for the front door's {@code Ijoka.clock()}. */
    public InstantSource clock() {
        return clock;
    }

    /**
     * Now, to the microsecond: the finest precision every store keeps (Postgres timestamps), so a
     * value read back equals the value written, in rows and in event payloads alike.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Event event(ProjectId project, @Nullable FeatureId feature, @Nullable SessionId session, Instant at,
            EventPayload payload) {
        return new Event(0, ids.newId(), project, feature, session, at, payload);
    }

    static Feature resolve(StoreReader r, FeatureRef ref) {
        return switch (ref) {
            case FeatureId id -> r.feature(id).orElseThrow(() -> new NotFoundException(
                    "there is no feature with id " + id + ": list the features to find the right one"));
            case FeatureRef.Number n -> r.featureByNumber(n.project(), n.number()).orElseThrow(() ->
                    new NotFoundException("there is no feature " + n + " in this project: list the features to see the numbers"));
        };
    }

    static Session requireSession(StoreReader r, SessionId id) {
        return r.session(id).orElseThrow(() -> noSession(id));
    }

    static NotFoundException noSession(SessionId id) {
        return new NotFoundException("there is no session " + id + ": start one first (sessions().start)");
    }

    /** Turns the domain's argument checks into the engine's typed error. */
    static <T> T input(Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        poller.close();
        bus.close();
        store.close();
    }
}
