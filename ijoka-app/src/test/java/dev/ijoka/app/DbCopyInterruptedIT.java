package dev.ijoka.app;

import static dev.ijoka.app.CopyFixtures.count;
import static dev.ijoka.app.CopyFixtures.sqliteFixture;
import static dev.ijoka.app.CopyFixtures.sqliteUrl;
import static dev.ijoka.app.CopyFixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ijoka db copy} killed with SIGKILL half way, in a real process started by the {@code ./ijoka}
 * launcher: the copy is one transaction on the target, so the target is left empty (the database rolls the
 * transaction back) and the same copy then runs through.
 */
class DbCopyInterruptedIT {

    private static final Path LAUNCHER = Path.of("..", "ijoka").toAbsolutePath().normalize();

    /** Enough events that copying them takes seconds, so the kill lands while they are written. */
    private static final long EVENTS = 100_000;

    @TempDir
    Path dir;

    private Path source;
    private Map<String, Long> sourceCounts;

    @BeforeEach
    void aLargeSource() throws Exception {
        source = sqliteFixture(dir.resolve("source.db"));
        try (Connection c = CopyFixtures.sqlite(source)) {
            c.setAutoCommit(false);
            // Activity events change no plan state, so the copy's replay check still holds on the larger log.
            for (int round = 1; count(c, "events") < EVENTS; round++) {
                CopyFixtures.execute(c, "INSERT INTO events (id, project_id, feature_id, session_id, type, payload, at) "
                        + "SELECT id || '-r" + round + "', project_id, feature_id, session_id, type, payload, at FROM events "
                        + "WHERE type IN ('tool_used', 'prompt_submitted') ORDER BY seq");
            }
            c.commit();
            sourceCounts = counts(c);
        }
    }

    @Test
    void killedWhileCopyingToPostgresTheTargetIsEmptyAndTheCopyRunsAgain() throws Exception {
        String target = PostgresTestServer.emptyDatabase();
        String database = target.substring(target.lastIndexOf('/') + 1, target.indexOf('?'));

        Process copy = start(target, "first");
        awaitTablesBeforeTheLog(copy, "first");
        try (Connection pg = CopyFixtures.postgres(PostgresTestServer.url("postgres")); Statement s = pg.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND xact_start IS NOT NULL AND state <> 'idle'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the copy's transaction is open on the target").isPositive();
        }
        kill(copy, "first");
        awaitNoConnections(database);

        try (Connection pg = CopyFixtures.postgres(target)) {
            for (String table : tables(pg)) {
                assertThat(count(pg, table)).as("rows of %s after the kill", table).isZero();
            }
            assertThat(counter(pg)).as("the event counter after the kill").isZero();
        }
        assertCopiedAgain(target);
        try (Connection pg = CopyFixtures.postgres(target)) {
            assertThat(counts(pg)).isEqualTo(sourceCounts);
            assertThat(counter(pg)).isEqualTo(sourceCounts.get("events"));
        }
    }

    @Test
    void killedWhileCopyingToSqliteTheTargetIsEmptyAndTheCopyRunsAgain() throws Exception {
        Path target = dir.resolve("target.db");

        Process copy = start(sqliteUrl(target), "first");
        awaitTablesBeforeTheLog(copy, "first");
        kill(copy, "first");

        try (Connection c = CopyFixtures.sqlite(target)) {
            for (String table : tables(c)) {
                assertThat(count(c, table)).as("rows of %s after the kill", table).isZero();
            }
        }
        assertCopiedAgain(sqliteUrl(target));
        try (Connection c = CopyFixtures.sqlite(target)) {
            assertThat(counts(c)).isEqualTo(sourceCounts);
        }
    }

    private Process start(String target, String name) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "db", "copy", "--from", sqliteUrl(source), "--to", target))
                .directory(dir.toFile());
        pb.environment().remove("IJOKA_DB");
        pb.environment().put("IJOKA_HOME", dir.resolve("home").toString());
        pb.environment().put("IJOKA_NO_CDS", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        return pb.start();
    }

    /** Waits until the tables before the log are copied: the log, the largest table, is being written. */
    private void awaitTablesBeforeTheLog(Process copy, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!err(name).contains("copied dependencies")) {
            assertThat(copy.isAlive()).as("the copy still runs; stderr: %s", err(name)).isTrue();
            assertThat(System.nanoTime()).as("the copy reached the log in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(300);
    }

    private void kill(Process copy, String name) throws Exception {
        assertThat(copy.isAlive()).as("the copy is still running when killed; stderr: %s", err(name)).isTrue();
        copy.descendants().forEach(ProcessHandle::destroyForcibly);
        copy.destroyForcibly(); // SIGKILL
        assertThat(copy.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(copy.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(err(name)).as("the log was not finished").doesNotContain("copied events");
        assertThat(Files.readString(dir.resolve(name + ".out"))).doesNotContain("Copied");
    }

    private void assertCopiedAgain(String target) throws Exception {
        Process again = start(target, "again");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).as("the copy finished").isTrue();
        assertThat(again.exitValue()).as("exit of the copy run again; stderr: %s", err("again")).isZero();
        assertThat(Files.readString(dir.resolve("again.out"))).contains("Checked: the target's event log replays to its tables");
    }

    private String err(String name) throws Exception {
        Path file = dir.resolve(name + ".err");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** PostgreSQL drops a killed client's connection and rolls its transaction back; wait for it to. */
    private static void awaitNoConnections(String database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection pg = CopyFixtures.postgres(PostgresTestServer.url("postgres")); Statement s = pg.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the killed copy's connections are gone").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static long counter(Connection pg) throws Exception {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SELECT last FROM ijoka_event_counter")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables(c)) {
            counts.put(t, count(c, t));
        }
        return counts;
    }
}
