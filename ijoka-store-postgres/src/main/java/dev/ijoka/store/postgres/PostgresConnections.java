package dev.ijoka.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.ijoka.api.StoreException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.store.jooq.StoreConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.SQLDialect;

/**
 * PostgreSQL's connections: a small pool, whose write transactions begin by taking one
 * transaction-level advisory lock ({@link #WRITE_LOCK}, sent with the transaction's first statement, and the
 * writes whose answers nobody reads sent with the next statement: {@link PipelinedConnection}), so that write transactions of every thread,
 * process and machine run one after the other, as the port promises and SQLite's {@code BEGIN
 * IMMEDIATE} gives; the lock is released by the commit or rollback itself, so a process that dies
 * cannot keep it. Reads run in {@code REPEATABLE READ READ ONLY} transactions: one snapshot, never
 * blocking or blocked by a writer; their connections come from a pool of their own, whose isolation
 * level and read-only mode are set once per connection, so a read is its queries and the rollback that
 * ends it. A read of one query ({@link #readOne}) runs without a transaction: one round trip.
 */
final class PostgresConnections implements StoreConnections {

    /** The advisory lock key of Ijoka's writes in a database: 'IJKA'. */
    static final long WRITE_LOCK = 0x494A4B41L;

    /**
     * What every write transaction begins with: sent ahead of its first statement, in that statement's round
     * trip ({@link PipelinedConnection}), which runs once the lock is granted and so sees every earlier commit.
     */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")";

    /**
     * Sent right after {@link #LOCK}, in its round trip: the log's last sequence under the lock. It is the
     * counter that the events' trigger numbers from (equal to the log's largest sequence: the trigger and
     * {@code db copy} keep it so), so a transaction knows the sequences its events will get without asking
     * the insert for them ({@link dev.ijoka.store.jooq.DeferredStatements#lastSequenceAtLock}).
     */
    private static final String LAST_SEQUENCE = "SELECT last FROM ijoka_event_counter";

    private final PostgresUrl url;
    private final HikariDataSource pool;
    private final HikariDataSource readPool;
    private final PostgresChangeFeed feed;
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
    private volatile boolean closed;

    /** @param pool the writes' connections; @param readPool the reads', in REPEATABLE READ and read-only */
    PostgresConnections(PostgresUrl url, HikariDataSource pool, HikariDataSource readPool, PostgresChangeFeed feed) {
        this.url = url;
        this.pool = pool;
        this.readPool = readPool;
        this.feed = feed;
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    public <T> T write(Function<Connection, T> work) {
        if (writing.get()) {
            throw new IllegalStateException("write transactions do not nest: finish the running one first");
        }
        writing.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                Connection c;
                try {
                    c = connection(pool);
                } catch (SQLException e) {
                    throw unavailable(e);
                }
                try (c) {
                    PipelinedConnection pipelined = new PipelinedConnection(c, LOCK, LAST_SEQUENCE);
                    T result;
                    try {
                        result = work.apply(pipelined.connection());
                    } catch (RuntimeException | Error e) {
                        rollback(c, e);
                        if (attempt == 1 && pipelined.lostAtFirst()) {
                            // Gone before anything was done on it: its idle neighbours, as dead, go too, and the
                            // work runs again once on a fresh connection (a server back from a restart serves it).
                            softEvict();
                            continue;
                        }
                        throw e;
                    }
                    try {
                        // The writes still held back go in the COMMIT's round trip (the events, a session).
                        pipelined.commit();
                    } catch (SQLException e) {
                        StoreException failure = failure("commit", e);
                        rollback(c, failure);
                        throw failure;
                    }
                    return result;
                } catch (SQLException e) {
                    throw failure("end a write transaction", e);
                }
            }
        } finally {
            writing.set(false);
        }
    }

    @Override
    public <T> T read(Function<Connection, T> work) {
        try (Connection c = connection(readPool)) {
            try {
                return work.apply(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * One statement in auto-commit: its own snapshot, and no {@code BEGIN} or {@code ROLLBACK} around it.
     * The pool sets auto-commit off again when the connection comes back (the driver only notes it).
     */
    @Override
    public <T> T readOne(Function<Connection, T> work) {
        try (Connection c = connection(readPool)) {
            c.setAutoCommit(true);
            return work.apply(c);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public ChangeFeed changeFeed() {
        return feed;
    }

    @Override
    public String describe() {
        return url.describe();
    }

    @Override
    public StoreHealth health() {
        return new PostgresHealth(url).check(closed ? null : pool);
    }

    @Override
    public void close() {
        closed = true;
        feed.close();
        readPool.close();
        pool.close();
    }

    private void softEvict() {
        var mx = pool.getHikariPoolMXBean();
        if (mx != null) {
            mx.softEvictConnections();
        }
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server is shutting the session down). */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // It is gone already; the pool drops it.
        }
    }

    private Connection connection(HikariDataSource pool) throws SQLException {
        if (closed) {
            throw new StoreException(url.describe() + " is closed: this Ijoka has shut its store down.");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The pool gave no connection within its time-out. Said apart from a failed statement: "could not
     * end a write transaction" for a server that is down (as before) sent people looking for a bug in
     * the transaction rather than at the server.
     */
    private StoreException unavailable(SQLException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            // Every connection was in use the whole time: the server answers, this process is busy.
            return new StoreException("could not get a connection to " + url.describe() + " within "
                    + PostgresStore.CONNECT_TIMEOUT.toSeconds() + " s: all " + PostgresStore.READ_POOL_SIZE + " + "
                    + PostgresStore.WRITE_POOL_SIZE + " of this process's connections stayed busy (" + e.getMessage() + "). Try again.", e);
        }
        return PostgresStore.unreachable(url, cause);
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("could not " + what + " on " + url.describe() + ": " + e.getMessage()
                + ". Run ijoka doctor to check the store.", e);
    }
}
