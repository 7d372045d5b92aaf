package dev.ijoka.app;

import static dev.ijoka.app.CopyFixtures.count;
import static dev.ijoka.app.CopyFixtures.rows;
import static dev.ijoka.app.CopyFixtures.sqliteFixture;
import static dev.ijoka.app.CopyFixtures.sqliteUrl;
import static dev.ijoka.app.CopyFixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import dev.ijoka.event.Event;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code ijoka db copy} on real databases: the SQLite upgrade fixture (every table filled) copied to a real
 * PostgreSQL server and back, compared table by table as the databases' own catalogs list them.
 */
class DbCopyCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void copiesEveryTableOfTheSchemaToPostgresAndBackRowForRow() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        String postgres = PostgresTestServer.emptyDatabase();
        Path back = cli.root.resolve("back.db");
        Set<String> filled;
        try (Connection a = CopyFixtures.sqlite(original)) {
            filled = tables(a);
        }

        CliHarness.Result there = cli.ok("--json", "db", "copy", "--from", sqliteUrl(original), "--to", postgres);
        CliHarness.Result home = cli.ok("--json", "db", "copy", "--from", postgres, "--to", sqliteUrl(back));

        try (Connection a = CopyFixtures.sqlite(original); Connection b = CopyFixtures.sqlite(back);
                Connection pg = CopyFixtures.postgres(postgres)) {
            // Opening the fixture migrated it to this program's schema: a table of a newer migration is in it now.
            Set<String> schema = tables(a);
            for (String table : filled) {
                assertThat(count(a, table)).as("the fixture has rows in %s (fill it in the fixture: a table with no rows "
                        + "proves nothing about its copy)", table).isPositive();
            }
            assertThat(copied(there.json())).as("tables copied to PostgreSQL").isEqualTo(schema);
            assertThat(copied(home.json())).as("tables copied back").isEqualTo(schema);
            assertThat(tables(pg)).as("PostgreSQL's tables").isEqualTo(schema);
            assertThat(tables(b)).as("the copy's tables").isEqualTo(schema);
            for (String table : schema) {
                assertThat(count(pg, table)).as("rows of %s in PostgreSQL", table).isEqualTo(count(a, table));
                assertThat(rows(b, table)).as("rows of %s after the round trip, every column", table)
                        .containsExactlyElementsOf(rows(a, table));
            }
        }
        assertThat(there.err()).contains("copied events").contains("copied features");
        assertThat(there.json().get("replayMatches").asBoolean()).isTrue();
    }

    @Test
    void aWriteAfterTheCopyGetsTheNextSequenceAndNumbers() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        String postgres = PostgresTestServer.emptyDatabase();
        Path sqlite = cli.root.resolve("copy.db");
        long last = cli.ok("--json", "db", "copy", "--from", sqliteUrl(original), "--to", postgres).json()
                .get("lastSequence").asLong();
        cli.ok("db", "copy", "--from", postgres, "--to", sqliteUrl(sqlite));
        assertThat(last).isPositive();

        for (String target : List.of(postgres, sqliteUrl(sqlite))) {
            try (Ijoka ijoka = Ijoka.builder().store(target).build()) {
                assertThat(ijoka.events().lastSequence()).as("last sequence of %s", target).isEqualTo(last);
                // A new project and insight take the next positions (identity columns, rowids) without colliding.
                Project shop = ijoka.projects().open(Files.createDirectories(cli.root.resolve("new-" + target.hashCode())));
                ijoka.insights().record(shop.id(), NewInsight.of("Copied plans keep counting", InsightKind.BEST_PRACTICE), null);
                List<Event> added = ijoka.events().after(last, 10);
                assertThat(added).extracting(Event::sequence).as("sequences appended to %s", target)
                        .containsExactly(last + 1, last + 2);
            }
        }
    }

    @Test
    void refusesATargetThatHoldsDataAndWritesNothing() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        String postgres = PostgresTestServer.migratedDatabase();
        try (Ijoka ijoka = Ijoka.builder().store(postgres).build()) {
            ijoka.projects().open(Files.createDirectories(cli.root.resolve("theirs")));
        }
        Path sqlite = sqliteFixture(cli.root.resolve("other.db"));
        Map<String, Long> before = counts(sqlite);

        CliHarness.Result toPostgres = cli.run("db", "copy", "--from", sqliteUrl(original), "--to", postgres);
        CliHarness.Result toSqlite = cli.run("db", "copy", "--from", sqliteUrl(original), "--to", sqliteUrl(sqlite));

        assertThat(toPostgres.exit()).as(toPostgres.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(toPostgres.err()).contains("already holds data").contains("projects=1").contains("Nothing was written");
        assertThat(toSqlite.exit()).as(toSqlite.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        try (Connection pg = CopyFixtures.postgres(postgres)) {
            assertThat(count(pg, "projects")).isEqualTo(1);
            assertThat(count(pg, "events")).isEqualTo(1);
        }
        assertThat(counts(sqlite)).isEqualTo(before);
    }

    @Test
    void refusesAPostgresTargetWhoseTablesAnotherRoleOwns() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        String postgres = PostgresTestServer.migratedDatabase();
        String database = postgres.substring(postgres.lastIndexOf('/') + 1, postgres.indexOf('?'));
        String role = "writer_" + database;
        PostgresTestServer.execute("CREATE ROLE " + role + " LOGIN");
        try (Connection pg = CopyFixtures.postgres(postgres)) {
            CopyFixtures.execute(pg, "GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
            CopyFixtures.execute(pg, "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        }
        String asWriter = postgres.replace("user=" + PostgresTestServer.USER, "user=" + role);

        CliHarness.Result r = cli.run("db", "copy", "--from", sqliteUrl(original), "--to", asWriter);

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("owned by postgres").contains("Nothing was written");
        try (Connection pg = CopyFixtures.postgres(postgres)) {
            for (String table : tables(pg)) {
                assertThat(count(pg, table)).as("rows of %s", table).isZero();
            }
        }
    }

    @Test
    void refusesTheSameStoreUnderTwoSpellings() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        Map<String, Long> before = counts(original);
        CliHarness.Result r = cli.runIn(cli.root, "db", "copy", "--from", "jdbc:sqlite:original.db", "--to", sqliteUrl(original));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("name the same store");
        assertThat(counts(original)).isEqualTo(before);
    }

    @Test
    void refusesASourceThatDoesNotExistAndCreatesNothing() {
        Path missing = cli.root.resolve("missing.db");
        CliHarness.Result r = cli.run("db", "copy", "--from", sqliteUrl(missing), "--to", sqliteUrl(cli.root.resolve("t.db")));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing).doesNotExist();
    }

    @Test
    void saysWhatDiffersWhenTheTablesDoNotReplayFromTheLog() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        try (Connection c = CopyFixtures.sqlite(original)) {
            // A change to a table with no event for it: the log no longer explains the tables.
            CopyFixtures.execute(c, "UPDATE features SET description = 'Edited behind the log' WHERE number = 1");
        }
        CliHarness.Result r = cli.run("db", "copy", "--from", sqliteUrl(original), "--to", sqliteUrl(cli.root.resolve("t.db")));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.STORE_FAILURE);
        assertThat(r.err()).contains("differ from its replayed event log").contains("features of")
                .contains("differs alike: the copy is faithful");
    }

    @Test
    void neverPrintsThePasswordOfAUrl() throws Exception {
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        String secret = "Pw-in-the-URL-7f3a";
        String postgres = PostgresTestServer.emptyDatabase() + "&password=" + secret;
        List<CliHarness.Result> runs = new ArrayList<>();
        runs.add(cli.run("db", "copy", "--from", sqliteUrl(original), "--to", postgres));
        runs.add(cli.run("--json", "db", "copy", "--from", sqliteUrl(original), "--to", postgres)); // refused: holds data
        runs.add(cli.run("--json", "db", "copy", "--from", postgres, "--to", postgres));
        assertThat(runs.getFirst().exit()).as(runs.getFirst().toString()).isZero();
        for (CliHarness.Result r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(secret).doesNotContain("Pw-in");
        }
    }

    private static Set<String> copied(JsonNode summary) {
        Set<String> names = new TreeSet<>();
        summary.get("tables").propertyNames().forEach(names::add);
        return names;
    }

    private static Map<String, Long> counts(Path sqlite) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = CopyFixtures.sqlite(sqlite)) {
            for (String t : tables(c)) {
                counts.put(t, count(c, t));
            }
        }
        return counts;
    }
}
