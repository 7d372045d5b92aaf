package dev.ijoka.store.postgres;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.api.StoreHealth.Condition;
import dev.ijoka.store.jooq.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL store's health check: the server answers, the schema is this program's, the session
 * may write (not a read-only standby or a read-only role's default), and the write lock can be taken now
 * ({@code pg_try_advisory_xact_lock}, released by the rollback that ends the check; nothing is written).
 */
final class PostgresHealth {

    private static final Integer PROGRAM_VERSION = Migrations.POSTGRES_LATEST;

    private final PostgresUrl url;

    PostgresHealth(PostgresUrl url) {
        this.url = url;
    }

    /** @param pool null once the store is closed */
    StoreHealth check(@Nullable DataSource pool) {
        String where = url.describe();
        if (pool == null) {
            return StoreHealth.problem(where, Condition.CLOSED, null, PROGRAM_VERSION, null,
                    where + " is closed: this Ijoka has shut its store down", "start Ijoka again; the data is safe on the server");
        }
        Integer version = null;
        try (Connection c = pool.getConnection()) {
            try {
                version = SchemaVersion.read(c);
                boolean readOnly = readOnly(c);
                Boolean writable = readOnly ? Boolean.FALSE : tryWriteLock(c);
                if (readOnly) {
                    return StoreHealth.problem(where, Condition.READ_ONLY, version, PROGRAM_VERSION, false,
                            where + " accepts no writes (a read-only server or default_transaction_read_only)",
                            "point --db at the primary server, or give the role write access (docs/postgres.md)");
                }
                if (version > PROGRAM_VERSION) {
                    return StoreHealth.problem(where, Condition.NEWER_SCHEMA, version, PROGRAM_VERSION, writable,
                            where + " is at schema version " + version + ", newer than this Ijoka knows (" + PROGRAM_VERSION
                                    + "): a newer Ijoka has migrated it",
                            "stop this Ijoka and use the newer one (upgrade this installation); this one must not write to it");
                }
                if (version < PROGRAM_VERSION) {
                    return StoreHealth.problem(where, Condition.OLDER_SCHEMA, version, PROGRAM_VERSION, writable,
                            where + " is at schema version " + version + ", older than this Ijoka's (" + PROGRAM_VERSION + ")",
                            "restart Ijoka: opening the store migrates it");
                }
                return StoreHealth.ok(where, version, PROGRAM_VERSION, writable, writable == null
                        ? where + " is open at schema version " + version + "; another process was writing, so"
                                + " writing was not tried this time"
                        : where + " is open, at schema version " + version + ", and writable");
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return StoreHealth.problem(where, Condition.FAILING, version, PROGRAM_VERSION, null,
                    "checking " + where + " failed: " + e.getMessage(),
                    "check that the server runs and accepts this user (ijoka doctor, docs/postgres.md)");
        }
    }

    private static boolean readOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** True when the write lock was free and taken (then released by the rollback), null when another holds it. */
    private static @Nullable Boolean tryWriteLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, PostgresConnections.WRITE_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? Boolean.TRUE : null;
            }
        }
    }
}
