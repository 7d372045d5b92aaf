package dev.ijoka.store.sqlite;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.api.StoreHealth.Condition;
import dev.ijoka.store.jooq.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite store's health check, run on the write connection while this process's write lock is
 * held: the file is still the one that was opened, its schema version is this program's, nothing
 * forbids writing it, and {@code BEGIN IMMEDIATE} gets the database's write lock (rolled back at
 * once, so nothing is written).
 *
 * <p>The file is checked by path as well as through the connection because an open connection
 * outlives what happened to its file: SQLite keeps writing to a deleted file, and permissions are
 * checked only when a file is opened, so a file made read-only still takes this process's writes
 * while every new process (a hook, the command line) fails on it.
 */
final class SqliteHealth {

    private static final Integer PROGRAM_VERSION = Migrations.SQLITE_LATEST;

    private final SqliteFile file;
    private final @Nullable Object identity;

    /** Remembers which file {@code file}'s path names now, so that a replaced file is noticed. */
    SqliteHealth(SqliteFile file) {
        this.file = file;
        this.identity = identity(file.path());
    }

    StoreHealth closed() {
        return StoreHealth.problem(file.describe(), Condition.CLOSED, null, PROGRAM_VERSION, null,
                file.describe() + " is closed: this Ijoka has shut its store down",
                "start Ijoka again; the data is safe in " + file.path());
    }

    /** Another thread of this process held the write lock all along: not a fault, but nothing was checked. */
    StoreHealth busyHere() {
        return StoreHealth.ok(file.describe(), null, PROGRAM_VERSION, null, file.describe()
                + " is busy with a write of this process; its schema and writability were not checked this time");
    }

    /** Runs the checks on {@code writer}, which no other thread of this process uses meanwhile. */
    StoreHealth check(Connection writer) {
        Path path = file.path();
        String where = file.describe();
        if (!Files.exists(path) || !Objects.equals(identity, identity(path))) {
            return StoreHealth.problem(where, Condition.GONE, null, PROGRAM_VERSION, null,
                    path + (Files.exists(path) ? " was replaced by another file (or deleted and made anew)" : " was deleted or moved")
                            + " while Ijoka had it open: what it writes now goes to a file that is no longer there",
                    "stop Ijoka, put the database back at " + path + " (or restore a backup), then start Ijoka again;"
                            + " started without it, Ijoka creates a new, empty store there");
        }
        int version;
        try {
            version = userVersion(writer);
        } catch (SQLException e) {
            return failing(null, e);
        }
        if (!Files.isWritable(path)) {
            return readOnly(version, path + " has become read-only");
        }
        Boolean writable;
        try {
            writable = tryWriteLock(writer);
        } catch (SQLException e) {
            return readOnly(e) ? readOnly(version, where + " refuses writes (" + e.getMessage() + ")") : failing(version, e);
        }
        if (version > PROGRAM_VERSION) {
            return StoreHealth.problem(where, Condition.NEWER_SCHEMA, version, PROGRAM_VERSION, writable,
                    where + " is at schema version " + version + ", newer than this Ijoka knows (" + PROGRAM_VERSION
                            + "): a newer Ijoka has migrated it since this one opened it",
                    "stop this Ijoka and use the newer one (upgrade this installation); this one must not write to it");
        }
        if (version < PROGRAM_VERSION) {
            return StoreHealth.problem(where, Condition.OLDER_SCHEMA, version, PROGRAM_VERSION, writable,
                    where + " is at schema version " + version + ", older than this Ijoka's (" + PROGRAM_VERSION
                            + "): it was not migrated, or an old copy was put in its place",
                    "restart Ijoka: opening the store migrates it");
        }
        return StoreHealth.ok(where, version, PROGRAM_VERSION, writable, writable == null
                ? where + " is open at schema version " + version + "; another process held the write lock, so"
                        + " writing was not tried this time"
                : where + " is open, at schema version " + version + ", and writable");
    }

    /**
     * {@code BEGIN IMMEDIATE} then {@code ROLLBACK}: true when the write lock was taken, null when
     * another process held it past the connection's busy timeout (not a fault: writers wait longer).
     */
    private static @Nullable Boolean tryWriteLock(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                if (Busy.is(e)) {
                    return null;
                }
                throw e;
            }
            s.execute("ROLLBACK");
            return true;
        }
    }

    private StoreHealth readOnly(int version, String what) {
        Path path = file.path();
        return StoreHealth.problem(file.describe(), Condition.READ_ONLY, version, PROGRAM_VERSION, false,
                what + ": Ijoka's hooks, command line and this server cannot record anything in it",
                "make it writable again (chmod u+w '" + path + "' and its directory " + path.getParent()
                        + "), or check the disk: a file system goes read-only after errors");
    }

    private StoreHealth failing(@Nullable Integer version, SQLException e) {
        return StoreHealth.problem(file.describe(), Condition.FAILING, version, PROGRAM_VERSION, null,
                "checking " + file.describe() + " failed: " + e.getMessage(),
                "run ijoka doctor; if it persists, restart Ijoka, or restore a backup if the file is damaged");
    }

    private static boolean readOnly(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        return (code & 0xFF) == SQLiteErrorCode.SQLITE_READONLY.code;
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The file system's identity of the file (device and inode on Unix), or null where there is none. */
    private static @Nullable Object identity(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
