package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.event.Event;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.store.jooq.Migrations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading loses nothing (DESIGN.md §3): every released schema version has a fixture database in
 * {@code src/test/resources/upgrade/v<n>/ijoka.db}, filled by {@link UpgradeFixture} while n was
 * the newest. Each is migrated to the newest version here; every value of every row it held must
 * still be there, the engine must read all of it, and the stored state must equal a replay of the
 * log. A new schema version adds its own fixture, and this test picks it up.
 */
class UpgradeIT {

    private static final Pattern VERSION_DIR = Pattern.compile("v(\\d+)");

    @TempDir
    Path dir;

    @Test
    void everySchemaVersionHasAFixture() throws Exception {
        assertThat(fixtures().keySet()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, Migrations.SQLITE_LATEST).boxed().toList());
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureMigratesToTheNewestVersionWithNothingLost() throws Exception {
        return fixtures().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                "schema version " + e.getKey() + " to " + Migrations.SQLITE_LATEST,
                () -> migrateAndCheck(e.getKey(), e.getValue())));
    }

    private void migrateAndCheck(int version, Path fixture) throws Exception {
        Path db = dir.resolve("v" + version + ".db");
        Files.copy(fixture, db);
        assertThat(userVersion(db)).as("the fixture's own schema version").isEqualTo(version);
        Map<String, Map<List<Object>, Map<String, Object>>> before = rows(db);
        assertThat(before.get("events")).as("the fixture's log").isNotEmpty();

        try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            assertThat(userVersion(db)).isEqualTo(Migrations.SQLITE_LATEST);

            Map<String, Map<List<Object>, Map<String, Object>>> after = rows(db);
            before.forEach((table, oldRows) -> {
                assertThat(after).as("table %s is still there", table).containsKey(table);
                Map<List<Object>, Map<String, Object>> newRows = after.get(table);
                oldRows.forEach((key, oldRow) -> {
                    assertThat(newRows).as("row %s of %s", key, table).containsKey(key);
                    assertThat(newRows.get(key)).as("row %s of %s", key, table).containsAllEntriesOf(oldRow);
                });
            });

            // Every row reads back through the engine, and the log still explains the state.
            List<Event> log = ReplayAssertions.allEvents(ijoka);
            assertThat(log).hasSize(before.get("events").size());
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
            int featureRows = before.get("features").size();
            assertThat(ijoka.projects().list().stream().mapToInt(p -> ijoka.features().list(p.id()).size()).sum())
                    .isEqualTo(featureRows);

            // And the migrated store takes new work.
            Project p = ijoka.projects().list().getFirst();
            ijoka.features().create(p.id(), NewFeature.of("after the upgrade", Category.FUNCTIONAL));
            assertThat(ijoka.events().lastSequence()).isGreaterThan(log.getLast().sequence());
        }
    }

    /** The fixtures by schema version. */
    private static Map<Integer, Path> fixtures() throws URISyntaxException, IOException {
        Path root = Path.of(UpgradeIT.class.getResource("/upgrade").toURI());
        Map<Integer, Path> found = new java.util.TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Matcher m = VERSION_DIR.matcher(d.getFileName().toString());
                if (m.matches() && Files.exists(d.resolve("ijoka.db"))) {
                    found.put(Integer.parseInt(m.group(1)), d.resolve("ijoka.db"));
                }
            }
        }
        return found;
    }

    private static int userVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Every row of every table, keyed by its primary key, as column to value. */
    private static Map<String, Map<List<Object>, Map<String, Object>>> rows(Path db) throws SQLException {
        Map<String, Map<List<Object>, Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> key = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT name, pk FROM pragma_table_info('" + table + "') WHERE pk > 0 ORDER BY pk")) {
                    while (rs.next()) {
                        key.add(rs.getString(1));
                    }
                }
                Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.put(meta.getColumnName(i), value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                        }
                        List<Object> id = key.isEmpty() ? List.copyOf(row.values()) : key.stream().map(row::get).toList();
                        rows.put(id, row);
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
