package dev.ijoka.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Real databases for the tests of {@code ijoka db copy}: the newest upgrade fixture of the SQLite store
 * (every table filled through the engine, every kind of event), and plain JDBC to read what a copy wrote,
 * table by table as each database's own catalog lists them, so that a table the copy forgot shows.
 */
final class CopyFixtures {

    /** Bookkeeping of the databases themselves, not Ijoka's data: never copied. */
    static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "ijoka_event_counter");

    private static final Path UPGRADE_FIXTURES = Path.of("..", "ijoka-store-sqlite", "src", "test", "resources", "upgrade");

    private CopyFixtures() {}

    /** A copy, at {@code file}, of the newest SQLite upgrade fixture (at the newest released schema). */
    static Path sqliteFixture(Path file) {
        try (Stream<Path> versions = Files.list(UPGRADE_FIXTURES)) {
            Path newest = versions.filter(p -> p.getFileName().toString().matches("v\\d+"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .orElseThrow();
            return Files.copy(newest.resolve("ijoka.db"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file;
    }

    static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection(sqliteUrl(file));
    }

    static Connection postgres(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Every table the database's catalog lists, but for its bookkeeping ({@link #NOT_DATA}). */
    static Set<String> tables(Connection c) throws SQLException {
        String sql = c.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite")
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        Set<String> names = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.removeAll(NOT_DATA);
        return names;
    }

    /** Every row of the table, each as its columns' text named by column, sorted. */
    static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
