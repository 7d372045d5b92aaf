package dev.ijoka.store.postgres;

import dev.ijoka.spi.ChangeFeed;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears commits of other processes through {@code LISTEN ijoka_events}: every transaction that appends
 * events notifies that channel (a trigger of the schema), and PostgreSQL delivers a notification only
 * when, and only if, its transaction commits. One dedicated connection per store, outside the pool,
 * asked on the engine's change-feed thread.
 *
 * <p>A notification is only a hint: the engine then reads the log after the last sequence it has, so a
 * lost or doubled notification loses or doubles nothing. When the connection drops (a restarted server,
 * a network cut, {@code pg_terminate_backend}), the feed answers "maybe" once it has listened again,
 * and the engine catches up from the log with what was committed in between.
 */
final class PostgresChangeFeed implements ChangeFeed, AutoCloseable {

    static final String CHANNEL = "ijoka_events";

    static final String APPLICATION_NAME = "ijoka-listen";

    /**
     * How long one poll waits on the listener's socket for a notification. The wait is on the socket, not
     * in the engine's poller ({@link #POLL_INTERVAL}), so a commit elsewhere is heard the moment it arrives
     * rather than at the next tick: a tick of 50 ms cost a reader 25 ms on average (docs/benchmarks.md).
     * It also bounds how long {@link #close()} waits for a poll in progress.
     */
    static final int WAIT_MILLIS = 50;

    /** The engine's poller asks again at once: {@link #mayHaveChanged()} does the waiting. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(1);

    /** A quiet connection is checked this often: a dead socket may otherwise go unnoticed. */
    private static final long PROBE_NANOS = Duration.ofSeconds(2).toNanos();

    /** Between attempts to listen again after the connection dropped. */
    private static final long RECONNECT_NANOS = Duration.ofMillis(500).toNanos();

    private static final System.Logger LOG = System.getLogger(PostgresChangeFeed.class.getName());

    private final PostgresUrl url;
    private final @Nullable String password;
    private @Nullable Connection connection;
    private long lastProbe;
    private long lastAttempt;
    private boolean closed;

    PostgresChangeFeed(PostgresUrl url, @Nullable String password) {
        this.url = url;
        this.password = password;
        try {
            listen();
        } catch (SQLException e) {
            // Not fatal: the store works without the feed, and the first poll tries again.
            LOG.log(Level.DEBUG, "listening on " + url.describe() + " failed; trying again at the first poll", e);
        }
    }

    @Override
    public synchronized boolean mayHaveChanged() {
        if (closed) {
            return false;
        }
        if (connection == null) {
            long now = System.nanoTime();
            if (lastAttempt != 0 && now - lastAttempt < RECONNECT_NANOS) {
                pause();
                return false;
            }
            lastAttempt = now;
            try {
                listen();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "listening on " + url.describe() + " failed; trying again", e);
                pause();
                return false;
            }
            // Listening again after a drop: whatever committed meanwhile was not heard.
            return true;
        }
        try {
            PGNotification[] notes = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
            if (notes != null && notes.length > 0) {
                lastProbe = System.nanoTime();
                return true;
            }
            if (System.nanoTime() - lastProbe > PROBE_NANOS) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastProbe = System.nanoTime();
                notes = connection.unwrap(PGConnection.class).getNotifications();
                return notes != null && notes.length > 0;
            }
            return false;
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "the change feed's connection to " + url.describe() + " dropped; listening again", e);
            drop();
            return false;
        }
    }

    /**
     * Waits as a poll on the socket would, when there is no socket (the server is away): the poller asks
     * again at once, and must not spin. {@code wait} lets {@link #close()} in meanwhile.
     */
    private void pause() {
        try {
            wait(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Duration pollInterval() {
        return POLL_INTERVAL;
    }

    private void listen() throws SQLException {
        Properties p = PostgresStore.driverProperties();
        // Named apart from the pool's connections, so that an administrator sees which one listens.
        p.setProperty("ApplicationName", APPLICATION_NAME);
        if (password != null) {
            p.setProperty("password", password);
        }
        Connection c = DriverManager.getConnection(url.withoutSecrets(), p);
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        connection = c;
        lastProbe = System.nanoTime();
    }

    private void drop() {
        Connection c = connection;
        connection = null;
        lastAttempt = System.nanoTime();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the change feed's connection failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
        notifyAll();
    }
}
