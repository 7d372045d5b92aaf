package dev.ijoka.store.sqlite;

import dev.ijoka.spi.ChangeFeed;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Notices commits through {@code PRAGMA data_version}, which changes whenever another connection
 * (of this process or any other) has committed since it was last asked. It costs no disk read:
 * SQLite answers from the WAL index in shared memory. Asked every {@link #POLL_INTERVAL} on the
 * engine's change-feed thread, on a connection of its own so it never waits for the store's lock.
 */
final class SqliteChangeFeed implements ChangeFeed, AutoCloseable {

    /** Short enough for the target of DESIGN.md §8 (p95 ≤ 250 ms from commit to another process's bus). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    /**
     * The logger, asked for only when something is logged (failures), not when the class loads: the JDK's first
     * {@code System.getLogger} looks for a logger finder through {@code ServiceLoader}, which opens every jar of the
     * class path, on the way to a store's opening (docs/benchmarks.md, "Cold start: MCP, direct hooks, commands").
     */
    private static System.Logger log() {
        return System.getLogger(SqliteChangeFeed.class.getName());
    }

    private final Connection connection;
    private final PreparedStatement dataVersion;
    private long last;
    private boolean closed;

    SqliteChangeFeed(Connection connection) throws SQLException {
        this.connection = connection;
        this.dataVersion = connection.prepareStatement("PRAGMA data_version");
        this.last = read();
    }

    @Override
    public synchronized boolean mayHaveChanged() {
        if (closed) {
            return false;
        }
        try {
            long now = read();
            boolean changed = now != last;
            last = now;
            return changed;
        } catch (SQLException e) {
            // Unsure is "maybe": the engine then reads the log, which is cheap when nothing is new.
            log().log(Level.DEBUG, "PRAGMA data_version failed", e);
            return true;
        }
    }

    @Override
    public Duration pollInterval() {
        return POLL_INTERVAL;
    }

    private long read() throws SQLException {
        try (ResultSet rs = dataVersion.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            dataVersion.close();
            connection.close();
        } catch (SQLException e) {
            log().log(Level.DEBUG, "closing the change feed's connection failed", e);
        }
    }
}
