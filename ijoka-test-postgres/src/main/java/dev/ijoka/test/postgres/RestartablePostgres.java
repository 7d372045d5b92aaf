package dev.ijoka.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of a test's own that it may stop and start again, for tests of what connected
 * processes do across a restart. It keeps its data directory (the caller's, typically a {@code @TempDir})
 * and its port, so it comes back with the same data at the same address, as a real server restarted by
 * an administrator does. Unlike {@link PostgresTestServer#server()}, shared by a whole test JVM, nobody
 * else uses it.
 *
 * <pre>{@code
 * try (RestartablePostgres server = PostgresTestServer.restartable(dir.resolve("pgdata"))) {
 *     String url = server.createDatabase("shop");
 *     server.stop();   // connected processes lose their connections
 *     server.start();  // same data, same port
 * }
 * }</pre>
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres running;

    RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        start();
    }

    /** Starts the server on its data directory and port (the first start creates the cluster). */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("the server on port " + port + " is already running");
        }
        try {
            Files.createDirectories(dataDirectory);
            running = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(PostgresTestServer.binaries().toFile())
                    .setDataDirectory(dataDirectory)
                    // Kept across stop and start: that is the point.
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port + " in " + dataDirectory, e);
        }
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does: connected sessions are ended, open
     * transactions roll back, committed data stays in the data directory.
     */
    public synchronized void stop() {
        EmbeddedPostgres server = running;
        if (server == null) {
            return;
        }
        running = null;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        }
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    public int port() {
        return port;
    }

    /** The URL of a database on this server, as the superuser. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + PostgresTestServer.USER;
    }

    /** Creates an empty database (the first store opened on it migrates it) and returns its URL. */
    public String createDatabase(String name) {
        execute("CREATE DATABASE " + name);
        return url(name);
    }

    /** Runs one statement as the superuser in the {@code postgres} database. */
    public void execute(String sql) {
        EmbeddedPostgres server;
        synchronized (this) {
            server = running;
        }
        if (server == null) {
            throw new IllegalStateException("the server on port " + port + " is stopped: start it first");
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        // Asked of the kernel once and kept: a restart must come back at the same address.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for PostgreSQL", e);
        }
    }
}
