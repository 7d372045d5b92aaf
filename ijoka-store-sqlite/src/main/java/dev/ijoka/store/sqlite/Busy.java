package dev.ijoka.store.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognises SQLite's "someone else holds the lock" answers, and waits a little between tries.
 * SQLite's own busy handler ({@code busy_timeout}) already waits inside each try; this outer loop
 * is what makes a busy answer never reach a caller short of {@link #PATIENCE}.
 */
final class Busy {

    /** How long a transaction waits for the lock in all before it gives up with a clear error. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private Busy() {}

    /** Whether the throwable, or any of its causes, is SQLITE_BUSY or SQLITE_LOCKED (with any extended code). */
    static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException e) {
                SQLiteErrorCode code = e.getResultCode();
                int primary = code.code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            } else if (c instanceof SQLException e) {
                int primary = e.getErrorCode() & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** Sleeps before try number {@code attempt} (1, 2, …): 1 ms doubling to 50 ms, with jitter so that waiting processes spread out. */
    static void pause(int attempt) {
        long cap = Math.min(50, 1L << Math.min(attempt, 6));
        long millis = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store's lock", e);
        }
    }
}
