package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.api.StoreException;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.store.jooq.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    @TempDir
    Path dir;

    @Test
    void preparingAStoreTouchesNoFileAndTheStoreOpensAfterIt() throws Exception {
        Path db = dir.resolve("prepared/ijoka.db");
        Ijoka.prepare("jdbc:sqlite:" + db); // the driver's library and jOOQ set up on this thread
        Ijoka.prepare("nosuchstore:anything"); // left to the opening to report
        assertThat(dir.resolve("prepared")).doesNotExist();
        try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            assertThat(ijoka.projects().open(Files.createDirectories(dir.resolve("code"))).name()).isEqualTo("code");
        }
    }

    @Test
    void ijokaFindsTheStoreByItsUrlAndCreatesTheDatabaseAndItsDirectory() throws Exception {
        Path db = dir.resolve("a/b/c/ijoka.db");
        try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            assertThat(ijoka.storeDescription()).isEqualTo("SQLite database " + db);
            assertThat(ijoka.projects().open(Files.createDirectories(dir.resolve("code"))).name()).isEqualTo("code");
        }
        assertThat(db).exists();
        assertThat(pragma(db, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.SQLITE_LATEST));
        assertThat(pragma(db, "PRAGMA application_id")).isEqualTo(String.valueOf(SqliteStore.APPLICATION_ID));
        assertThat(pragma(db, "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void everyConnectionHasWalSynchronousNormalForeignKeysAndABusyTimeout() throws Exception {
        try (Connection c = SqliteConnections.open(new SqliteFile(dir.resolve("x.db")), true); Statement s = c.createStatement()) {
            assertThat(value(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(value(s, "PRAGMA synchronous")).isEqualTo("1");
            assertThat(value(s, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(value(s, "PRAGMA busy_timeout")).isEqualTo(String.valueOf(SqliteConnections.BUSY_TIMEOUT_MILLIS));
        }
    }

    @Test
    void anUpToDateDatabaseOpensWithoutFlyway() throws Exception {
        Path db = dir.resolve("x.db");
        SqliteStore.open(db).close();
        // Were Flyway to run now, it would refuse a schema without its history table.
        execute(db, "DROP TABLE flyway_schema_history");
        try (Store store = SqliteStore.open(db)) {
            assertThat(store.read(StoreReader::lastSequence)).isZero();
        }
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefusedWithWhatToDo() throws Exception {
        Path db = dir.resolve("x.db");
        SqliteStore.open(db).close();
        execute(db, "PRAGMA user_version = " + (Migrations.SQLITE_LATEST + 1));
        assertThatThrownBy(() -> SqliteStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer").hasMessageContaining("Upgrade Ijoka");
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws Exception {
        Path foreign = dir.resolve("foreign.db");
        execute(foreign, "CREATE TABLE notes (text TEXT)");
        assertThatThrownBy(() -> SqliteStore.open(foreign)).isInstanceOf(StoreException.class);
        assertThat(pragma(foreign, "SELECT count(*) FROM sqlite_master WHERE name = 'features'")).isEqualTo("0");
        assertThat(pragma(foreign, "PRAGMA journal_mode")).as("its journal mode, untouched").isEqualTo("delete");

        Path marked = dir.resolve("marked.db");
        execute(marked, "PRAGMA application_id = 42");
        assertThatThrownBy(() -> SqliteStore.open(marked)).isInstanceOf(StoreException.class)
                .hasMessageContaining("application_id 42");

        Path lookalike = dir.resolve("lookalike.db");
        execute(lookalike, "PRAGMA user_version = " + Migrations.SQLITE_LATEST);
        assertThatThrownBy(() -> SqliteStore.open(lookalike)).isInstanceOf(StoreException.class)
                .hasMessageContaining("another application");
    }

    @Test
    void aFirstMigrationThatWasInterruptedIsCompletedOnTheNextOpen() throws Exception {
        Path db = dir.resolve("x.db");
        // What a kill between Flyway creating its history table and committing V1 leaves behind.
        execute(db, "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT,"
                + " installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
                + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
        try (Store store = SqliteStore.open(db)) {
            assertThat(store.read(StoreReader::projects)).isEmpty();
        }
        assertThat(pragma(db, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.SQLITE_LATEST));
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedWithAClearMessage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "this is not a database, just a text file of some length ".repeat(40));
        assertThatThrownBy(() -> SqliteStore.open(text)).isInstanceOf(StoreException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("ijoka doctor");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SqliteStore.open(file.resolve("sub/ijoka.db"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("could not create the directory");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWriteWaitsWhileAnotherProcessHoldsTheWriteLockLongerThanTheBusyTimeout() throws Exception {
        Path db = dir.resolve("x.db");
        try (Store store = SqliteStore.open(db); Connection other = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                long t0 = System.nanoTime();
                store.write(tx -> {
                    tx.insertProject(new Project(ProjectId.of("p"), "p", "/p", Instant.EPOCH));
                    return null;
                });
                return (System.nanoTime() - t0) / 1_000_000;
            });
            started.await();
            long held = SqliteConnections.BUSY_TIMEOUT_MILLIS + 1_000;
            Thread.sleep(held);
            assertThat(write).isNotDone();
            // Readers are not blocked by the lock meanwhile.
            assertThat(store.read(StoreReader::projects)).isEmpty();
            try (Statement s = other.createStatement()) {
                s.execute("COMMIT");
            }
            assertThat(write.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(held);
            assertThat(store.read(StoreReader::projects)).hasSize(1);
        }
    }

    @Test
    void writeTransactionsDoNotNest() {
        try (Store store = SqliteStore.open(dir.resolve("x.db"))) {
            assertThatThrownBy(() -> store.write(tx -> store.write(inner -> null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
            String after = store.write(tx -> "still usable");
            assertThat(after).isEqualTo("still usable");
        }
    }

    @Test
    void theChangeFeedNoticesACommitOfAnotherConnectionOnce() throws Exception {
        Path db = dir.resolve("x.db");
        try (Store watcher = SqliteStore.open(db); Store writer = SqliteStore.open(db)) {
            assertThat(watcher.changeFeed().pollInterval()).isEqualTo(SqliteChangeFeed.POLL_INTERVAL);
            assertThat(watcher.changeFeed().mayHaveChanged()).isFalse();
            writer.write(tx -> {
                tx.insertProject(new Project(ProjectId.of("p"), "p", "/p", Instant.EPOCH));
                return null;
            });
            assertThat(watcher.changeFeed().mayHaveChanged()).isTrue();
            assertThat(watcher.changeFeed().mayHaveChanged()).isFalse();
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        Store store = SqliteStore.open(dir.resolve("x.db"));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.read(StoreReader::lastSequence)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.write(tx -> null)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static void execute(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String pragma(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            return value(s, sql);
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
