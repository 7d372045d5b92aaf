package dev.ijoka.store.sqlite;

import dev.ijoka.api.StoreException;
import dev.ijoka.spi.Store;
import dev.ijoka.store.jooq.JooqStore;
import dev.ijoka.store.jooq.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the SQLite store: one file, in WAL mode, shared safely by any number of threads and
 * processes.
 *
 * <pre>{@code
 * try (Store store = SqliteStore.open(Path.of("/tmp/ijoka.db"))) { ... }
 * // or, as embedders do: Ijoka.builder().store("jdbc:sqlite:/tmp/ijoka.db").build()
 * }</pre>
 *
 * Opening creates the file and its directory when missing, and brings the schema up to date.
 */
public final class SqliteStore {

    /** {@code PRAGMA application_id} of an Ijoka database: 'IJKA'. Set by the first migration. */
    static final int APPLICATION_ID = 0x494A4B41;

    private static final String USER_VERSION = "PRAGMA user_version";
    private static final String APPLICATION_ID_PRAGMA = "PRAGMA application_id";
    private static final String WAL = "PRAGMA journal_mode = WAL";
    private static final String FOREIGN_OBJECTS = "SELECT count(*) FROM sqlite_master"
            + " WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name NOT LIKE 'flyway!_schema!_history%' ESCAPE '!'";

    /** Migrations of one JVM run one at a time (other processes are handled by {@link #migrate}). */
    private static final ReentrantLock MIGRATING = new ReentrantLock();

    private SqliteStore() {}

    /** Opens {@code jdbc:sqlite:<path>}. */
    public static Store open(String url) {
        return open(SqliteFile.parse(url));
    }

    public static Store open(Path file) {
        return open(new SqliteFile(file.toAbsolutePath().normalize()));
    }

    private static Store open(SqliteFile file) {
        createDirectory(file.path().getParent());
        long deadline = System.nanoTime() + Busy.PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            Connection writer = null;
            try {
                writer = SqliteConnections.open(file, true, false);
                ensureSchema(file, writer);
                return new JooqStore(new SqliteConnections(file, writer));
            } catch (SQLException e) {
                closeQuietly(writer);
                // Another process may be creating the file or migrating it right now.
                if (Busy.is(e) && System.nanoTime() < deadline) {
                    Busy.pause(attempt);
                    continue;
                }
                throw new StoreException("could not open " + file.describe() + ": " + e.getMessage()
                        + ". Check that it is an Ijoka database and that you may read and write it (ijoka doctor).", e);
            } catch (RuntimeException e) {
                closeQuietly(writer);
                throw e;
            }
        }
    }

    /**
     * Brings the schema to {@link Migrations#SQLITE_LATEST}. Every migration ends by setting
     * {@code PRAGMA user_version} to its version, inside its own transaction, so the version can be
     * read with one PRAGMA: when it is current, as it is on every open but the first after an
     * upgrade, Flyway is never loaded, which keeps a short-lived process (a hook) fast. Reading the
     * max version from Flyway's history table would work as well, but needs a query that fails on
     * a fresh file and a parse of Flyway's version strings; the PRAGMA is one integer, and also
     * what {@code sqlite3} users see.
     */
    static void ensureSchema(SqliteFile file, Connection connection) throws SQLException {
        requireOurs(file, connection);
        // Only now, with the file known to be Ijoka's (or new), change its journal mode: WAL is a
        // property of the file, and another application's database is left as it was.
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(WAL)) {
            String mode = rs.next() ? rs.getString(1) : "";
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException(file.describe() + " cannot use write-ahead logging (journal mode stays " + mode
                        + "); SQLite needs a local file system that supports shared memory for it. Move the database"
                        + " to a local disk (--db or IJOKA_HOME).");
            }
        }
        int version = pragma(connection, USER_VERSION);
        if (version == Migrations.SQLITE_LATEST) {
            return;
        }
        if (version > Migrations.SQLITE_LATEST) {
            throw new StoreException(file.describe() + " has schema version " + version + ", newer than this Ijoka knows ("
                    + Migrations.SQLITE_LATEST + "): a newer Ijoka wrote it. Upgrade Ijoka, or use another --db.");
        }
        migrate(file, connection);
    }

    private static void migrate(SqliteFile file, Connection connection) throws SQLException {
        MIGRATING.lock();
        try {
            // Another process may migrate at the same moment. Its migration holds the write lock
            // while it runs, so ours then fails (a table exists) or finds nothing to do; either
            // way the version, read again, tells whether the schema is now current.
            RuntimeException failure = null;
            for (int attempt = 0; attempt < 3 && pragma(connection, USER_VERSION) < Migrations.SQLITE_LATEST; attempt++) {
                try {
                    Migrations.migrate(migrationSource(file), Migrations.SQLITE_LOCATION, file.describe());
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            int version = pragma(connection, USER_VERSION);
            if (version != Migrations.SQLITE_LATEST) {
                if (failure != null) {
                    throw failure;
                }
                throw new StoreException("migrating " + file.describe() + " left it at schema version " + version
                        + " instead of " + Migrations.SQLITE_LATEST + "; a migration must end with PRAGMA user_version");
            }
            if (pragma(connection, APPLICATION_ID_PRAGMA) != APPLICATION_ID) {
                throw new StoreException("migrating " + file.describe() + " did not mark it as Ijoka's (PRAGMA application_id)");
            }
        } finally {
            MIGRATING.unlock();
        }
    }

    /**
     * Flyway's connections: foreign keys off, because SQLite changes a table by rebuilding it,
     * which a later migration can only do with them off (it then runs {@code PRAGMA foreign_key_check}).
     */
    private static SQLiteDataSource migrationSource(SqliteFile file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(false);
        // Flyway cannot retry; let its statements wait out another process's migration.
        config.setBusyTimeout((int) Busy.PATIENCE.toMillis());
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(file.jdbcUrl());
        return source;
    }

    /**
     * Refuses a file that belongs to another application: one whose {@code application_id} is not
     * Ijoka's, or which has none yet holds tables or a schema version of its own. A new, empty file is ours, and so is
     * one that holds nothing but Flyway's history table (a first migration that was interrupted).
     */
    private static void requireOurs(SqliteFile file, Connection connection) throws SQLException {
        int id = pragma(connection, APPLICATION_ID_PRAGMA);
        if (id == APPLICATION_ID) {
            return;
        }
        if (id != 0) {
            throw new StoreException(file.describe() + " is a SQLite database of another application (application_id "
                    + id + "), not Ijoka's. Point --db at an Ijoka database, or at a new file.");
        }
        if (pragma(connection, FOREIGN_OBJECTS) > 0 || pragma(connection, USER_VERSION) != 0) {
            throw new StoreException(file.describe() + " is a SQLite database of another application: it has tables,"
                    + " but not Ijoka's. Point --db at an Ijoka database, or at a new file.");
        }
    }

    private static int pragma(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void createDirectory(@Nullable Path directory) {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("could not create the directory " + directory + " for the database: " + e
                    + ". Create it, or choose another place with --db or IJOKA_HOME.", e);
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already failing; the first error is the one worth reporting.
            }
        }
    }
}
