package dev.ijoka.spi;

import java.time.Duration;

/**
 * How a process learns that other processes have committed to the store. The engine polls it on
 * its own thread every {@link #pollInterval()}, then reads the new events with
 * {@link StoreReader#eventsAfter}; commits made by this process wake the engine directly.
 */
public interface ChangeFeed {

    /**
     * A cheap check (SQLite: {@code PRAGMA data_version}; Postgres: a pending {@code NOTIFY}). May
     * answer true when nothing changed; must not answer false when something did.
     */
    boolean mayHaveChanged();

    Duration pollInterval();

    /** For stores that only one process can reach (the in-memory store). */
    ChangeFeed LOCAL_ONLY = new ChangeFeed() {
        @Override
        public boolean mayHaveChanged() {
            return false;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }
    };
}
