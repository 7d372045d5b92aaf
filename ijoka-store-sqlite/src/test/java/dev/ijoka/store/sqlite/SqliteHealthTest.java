package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.api.StoreHealth.Condition;
import dev.ijoka.spi.Store;
import dev.ijoka.store.jooq.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQLite store's health check sees that the store contract cannot: the file under an open
 * store replaced or rolled back, and the write lock held by another connection (as another process
 * holds it). {@code HealthIT} in ijoka-web covers a deleted, read-only and newer file over HTTP.
 */
class SqliteHealthTest {

    @TempDir
    Path dir;

    private Path db;
    private Store store;

    @BeforeEach
    void open() {
        db = dir.resolve("ijoka.db");
        store = SqliteStore.open(db);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFileReplacedUnderTheOpenStoreIsReportedGone() throws Exception {
        Path other = dir.resolve("other.db");
        SqliteStore.open(other).close();
        Files.move(other, db, StandardCopyOption.REPLACE_EXISTING);

        StoreHealth h = store.health();

        assertThat(h.condition()).isEqualTo(Condition.GONE);
        assertThat(h.detail()).contains(db.toString(), "replaced");
        assertThat(h.fix()).contains(db.toString());
    }

    @Test
    void aSchemaOlderThanTheProgramsIsReportedWithBothVersions() throws Exception {
        setUserVersion(Migrations.SQLITE_LATEST - 1);

        StoreHealth h = store.health();

        assertThat(h.condition()).isEqualTo(Condition.OLDER_SCHEMA);
        assertThat(h.schemaVersion()).isEqualTo(Migrations.SQLITE_LATEST - 1);
        assertThat(h.programSchemaVersion()).isEqualTo(Migrations.SQLITE_LATEST);
        assertThat(h.fix()).contains("restart");
    }

    @Test
    void aNewerSchemaIsReportedEvenThoughTheWriteLockIsFree() throws Exception {
        setUserVersion(Migrations.SQLITE_LATEST + 7);

        StoreHealth h = store.health();

        assertThat(h.condition()).isEqualTo(Condition.NEWER_SCHEMA);
        assertThat(h.writable()).isTrue();
        assertThat(h.detail()).contains("schema version " + (Migrations.SQLITE_LATEST + 7), "newer");
    }

    /** Another process's long write is not a fault: usable, with writability unknown rather than guessed. */
    @Test
    void aWriteLockHeldElsewhereLeavesWritabilityUnknown() throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                StoreHealth h = store.health();

                assertThat(h.condition()).isEqualTo(Condition.OK);
                assertThat(h.writable()).isNull();
                assertThat(h.detail()).contains("another process held the write lock");
            } finally {
                s.execute("ROLLBACK");
            }
        }
        assertThat(store.health().writable()).isTrue();
    }

    private void setUserVersion(int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + version);
        }
    }
}
