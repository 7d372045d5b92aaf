package dev.ijoka.spi;

import java.util.List;

/**
 * Copies everything one store holds into another, empty one, table by table as the stores keep it:
 * found through {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.ijoka.spi.StoreCopier})
 * by {@link dev.ijoka.StoreCopy}, which is what callers use. A copier that works on the stores' own
 * schema, rather than replaying the engine's commands, copies a new column or table with no change.
 *
 * <p>Contract: the copy is one transaction on the target, which holds the target's write lock from
 * its start, so an interrupted copy leaves the target as it was (empty); a target that holds any row
 * is refused before anything is written; the target's event sequence and other counters continue
 * after the copied rows, so the next write there gets the next number.
 */
public interface StoreCopier {

    /** Whether this copier can copy from {@code from} to {@code to} (both opened by their providers). */
    boolean supports(Store from, Store to);

    /**
     * Copies every row of every table, in an order that satisfies the foreign keys, rows in the order
     * of their keys (the event log in sequence order), reading one snapshot of the source.
     *
     * @return each table copied, in the order copied, with its number of rows (equal in source and target)
     * @throws dev.ijoka.api.InvalidInputException if the target already holds data (nothing is written)
     * @throws dev.ijoka.api.StoreException if reading or writing fails, or the counts differ (nothing is written)
     */
    List<TableCopied> copy(Store from, Store to, Progress progress);

    /** A table copied and its rows. */
    record TableCopied(String table, long rows) {}

    /** Told of the rows copied so far, table by table, from the copying thread. */
    @FunctionalInterface
    interface Progress {

        Progress NONE = (table, done, total) -> { };

        /** {@code done} of {@code total} rows of {@code table} are written (not yet committed). */
        void rows(String table, long done, long total);
    }
}
