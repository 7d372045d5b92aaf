package dev.ijoka.store.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: leases lapse when the test says so. Thread-safe. */
public final class MutableClock implements InstantSource {

    /**
     * Where test clocks start: with microseconds on purpose (the engine's precision, which every
     * store must keep exactly), so a store that drops them fails.
     */
    public static final Instant START = Instant.parse("2025-03-01T10:15:30.123456Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    public MutableClock() {
        this(START);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new time. */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
