package dev.ijoka.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The schema version of a database: the newest successful migration in Flyway's history, 0 before the first. */
final class SchemaVersion {

    private SchemaVersion() {}

    static int read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(CAST(version AS integer)) FROM flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
