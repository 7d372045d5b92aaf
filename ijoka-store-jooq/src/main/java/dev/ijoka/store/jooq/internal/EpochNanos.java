package dev.ijoka.store.jooq.internal;

import java.io.Serial;
import java.time.Instant;
import org.jooq.impl.AbstractConverter;
import org.jspecify.annotations.Nullable;

/**
 * Instants as BIGINT nanoseconds since the epoch: exact to the nanosecond, compact, and ordered by
 * integer comparison. The range is the years 1677 to 2262; a value outside it is refused when
 * written, and {@link #clamp} maps query bounds into it.
 */
public final class EpochNanos extends AbstractConverter<Long, Instant> {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The earliest instant that fits. */
    public static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    /** The latest instant that fits. */
    public static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    public EpochNanos() {
        super(Long.class, Instant.class);
    }

    @Override
    public @Nullable Instant from(@Nullable Long nanos) {
        return nanos == null ? null : Instant.ofEpochSecond(0, nanos);
    }

    @Override
    public @Nullable Long to(@Nullable Instant instant) {
        return instant == null ? null : toNanos(instant);
    }

    /** @throws IllegalArgumentException for an instant outside the years 1677 to 2262 */
    public static long toNanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        try {
            if (seconds < 0 && nanos > 0) {
                // As Instant.toEpochMilli does: keeps the earliest instants from overflowing on the way.
                return Math.addExact(Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
            }
            return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the store keeps instants between " + MIN + " and " + MAX + ", not " + instant, e);
        }
    }

    /** The instant moved into the storable range, for comparisons: anything past {@link #MAX} compares as {@code MAX}. */
    public static Instant clamp(Instant instant) {
        if (instant.isAfter(MAX)) {
            return MAX;
        }
        return instant.isBefore(MIN) ? MIN : instant;
    }
}
