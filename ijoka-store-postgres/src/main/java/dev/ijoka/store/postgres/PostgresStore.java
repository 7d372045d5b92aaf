package dev.ijoka.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ijoka.api.StoreException;
import dev.ijoka.spi.Store;
import dev.ijoka.store.jooq.JooqStore;
import dev.ijoka.store.jooq.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Opens the PostgreSQL store: a small connection pool to one database, migrated to this program's
 * schema, and a listening connection for the change feed (docs/postgres.md).
 *
 * <pre>{@code
 * try (Store store = PostgresStore.open("jdbc:postgresql://db.example.com/ijoka?user=ana")) { ... }
 * }</pre>
 */
public final class PostgresStore {

    /**
     * Connections per process for reads, and for writes: two pools, so that a connection's isolation
     * level and read-only mode are set once when it is opened rather than at every transaction (a round
     * trip each). Every face is one process with a few threads, and writes are one at a time across
     * the database anyway (docs/postgres.md); ten members' processes stay far below a server's default
     * {@code max_connections} of 100.
     */
    static final int READ_POOL_SIZE = 3;

    static final int WRITE_POOL_SIZE = 2;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private PostgresStore() {}

    public static Store open(String url) {
        return new JooqStore(connections(url));
    }

    /** The store's connections, migrated; for {@link #open}, and for tests that look below the port. */
    static PostgresConnections connections(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        @Nullable String password = Passwords.of(parsed);
        HikariDataSource writes = pool(parsed, password, false);
        HikariDataSource reads = null;
        try {
            ensureSchema(parsed, writes);
            reads = pool(parsed, password, true);
            return new PostgresConnections(parsed, writes, reads, new PostgresChangeFeed(parsed, password));
        } catch (RuntimeException e) {
            writes.close();
            if (reads != null) {
                reads.close();
            }
            throw e;
        }
    }

    /**
     * A pool for writes (the server's default isolation, READ COMMITTED, which the write lock relies on)
     * or for reads: {@code REPEATABLE READ} and read-only, set once per connection (the driver then
     * begins each read transaction with {@code BEGIN READ ONLY} in the same round trip as its first
     * query).
     */
    private static HikariDataSource pool(PostgresUrl url, @Nullable String password, boolean forReads) {
        LoggingReady.await();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.withoutSecrets());
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName(forReads ? "ijoka-postgres-reads" : "ijoka-postgres");
        config.setMaximumPoolSize(forReads ? READ_POOL_SIZE : WRITE_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        if (forReads) {
            config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            config.setReadOnly(true);
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setDataSourceProperties(driverProperties());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unreachable(url, e);
        }
    }

    /** The server could not be reached (down, restarting, a wrong address or password): what to check. */
    static StoreException unreachable(PostgresUrl url, Throwable e) {
        return new StoreException("could not connect to " + url.describe() + ": " + driverMessage(e)
                + ". Check that the server runs, that the URL names it, and the user and password"
                + " (PGPASSWORD, ~/.pgpass); see docs/postgres.md.", e);
    }

    static Properties driverProperties() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "ijoka");
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        return p;
    }

    /**
     * Brings the schema to {@link Migrations#POSTGRES_LATEST}, or refuses a newer one without writing.
     * Flyway takes a PostgreSQL advisory lock while it migrates, so processes that start together
     * migrate once: the others wait, then find nothing to do.
     */
    private static void ensureSchema(PostgresUrl url, HikariDataSource pool) {
        int version = schemaVersion(url, pool);
        if (version > Migrations.POSTGRES_LATEST) {
            throw newer(url, version);
        }
        if (version < Migrations.POSTGRES_LATEST) {
            Migrations.migrate(pool, Migrations.POSTGRES_LOCATION, url.describe());
        }
    }

    static StoreException newer(PostgresUrl url, int version) {
        return new StoreException(url.describe() + " has schema version " + version + ", newer than this Ijoka knows ("
                + Migrations.POSTGRES_LATEST + "): a newer Ijoka migrated it. Upgrade Ijoka; this one does not write to it.");
    }

    private static int schemaVersion(PostgresUrl url, HikariDataSource pool) {
        try (Connection c = pool.getConnection()) {
            try {
                return SchemaVersion.read(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the schema version of " + url.describe() + ": " + e.getMessage()
                    + ". Check that the user may read the database (docs/postgres.md).", e);
        }
    }

    /**
     * The driver's own words ("Connection to localhost:5432 refused. Check that the hostname and port
     * are correct…", "FATAL: password authentication failed for user …"): the innermost SQLException's
     * message, which says more than the socket error beneath it or the pool's wrapper above it. The
     * driver never puts the password in a message.
     */
    private static String driverMessage(Throwable e) {
        String sql = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                sql = t.getMessage();
            }
            root = t;
        }
        String message = String.valueOf(sql != null ? sql : root.getMessage());
        // The driver ends its sentences with a full stop; the caller's sentence goes on.
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
