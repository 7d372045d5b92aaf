package dev.ijoka.store.jooq;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.ChangeFeed;
import java.sql.Connection;
import java.util.function.Function;
import org.jooq.SQLDialect;

/**
 * Where a {@link JooqStore} gets its connections, and how a dialect begins and ends transactions:
 * SQLite has one write connection with {@code BEGIN IMMEDIATE} and separate read connections,
 * PostgreSQL a pool and a lock. {@link JooqStore} does everything else.
 *
 * <p>Implementations are thread-safe. The connection handed to work is valid only until the work
 * returns; the work must not close it, commit, or roll back.
 */
public interface StoreConnections extends AutoCloseable {

    SQLDialect dialect();

    /**
     * Runs the work in a write transaction that holds the database's write lock from its first
     * statement, so write transactions of every thread and process run one after the other. Waits
     * while another holds the lock (never fails merely because it is busy). Commits when the work
     * returns; rolls back when it throws, and rethrows that exception unchanged.
     *
     * @throws dev.ijoka.api.StoreException if the transaction cannot begin or commit
     */
    <T> T write(Function<Connection, T> work);

    /**
     * Runs the work in a read transaction: every query sees one consistent snapshot of committed
     * data, and it never blocks a writer.
     */
    <T> T read(Function<Connection, T> work);

    /**
     * Runs work that executes exactly one statement ({@link dev.ijoka.spi.Store#readOne}): that statement
     * sees one consistent snapshot by itself, so a dialect may run it without a transaction around it
     * and save the round trips of beginning and ending one. By default, {@link #read}.
     */
    default <T> T readOne(Function<Connection, T> work) {
        return read(work);
    }

    /** How this process notices commits made by other processes. */
    ChangeFeed changeFeed();

    /** Where the database is, for messages, without credentials. */
    String describe();

    /**
     * Checks the database as {@link dev.ijoka.spi.Store#health()} promises: open, at the dialect's
     * latest schema version ({@link Migrations}), and able to take the write lock now (begun and
     * rolled back, nothing written), without waiting long for a busy one. Never throws.
     */
    StoreHealth health();

    /** Closes every connection. Work still running may fail. */
    @Override
    void close();
}
