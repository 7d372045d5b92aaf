package dev.ijoka.store.sqlite;

import dev.ijoka.StoreLocation;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import dev.ijoka.store.jooq.JooqStore;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/**
 * Opens {@code jdbc:sqlite:} URLs, e.g. {@code jdbc:sqlite:/home/me/.local/share/ijoka/ijoka.db}.
 * Listed in {@code META-INF/services/dev.ijoka.spi.StoreProvider}, so {@code Ijoka.builder().store(url)}
 * finds it when this jar is on the class path.
 */
public final class SqliteStoreProvider implements StoreProvider {

    @Override
    public boolean supports(String url) {
        return url.startsWith(SqliteFile.PREFIX);
    }

    /** The database file's absolute, normalised path ({@code ~} and relative paths resolved), as the store opens it. */
    @Override
    public StoreLocation locate(String url, Path workingDirectory) {
        SqliteFile file = SqliteFile.parse(url, workingDirectory);
        return new StoreLocation(file.jdbcUrl(), file.path(), true);
    }

    @Override
    public Store open(String url) {
        return SqliteStore.open(url);
    }

    /**
     * The driver's half and jOOQ's half at once: they share nothing and take about as long (jOOQ's set-up of its data
     * types, the driver's look-up of its own version through the class path's jars), and the caller, a direct hook,
     * waits for both (docs/benchmarks.md, "Id records, the store prepared in two halves").
     */
    @Override
    public void prepare() {
        Thread jooq = Thread.ofPlatform().daemon().name("ijoka-prepare-jooq").start(new PrepareJooq());
        SqliteConnections.prepare();
        try {
            jooq.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A class, not a lambda: the JDK spins a lambda's class at its first run, which a start-up cache may not keep. */
    private static final class PrepareJooq implements Runnable {
        @Override
        public void run() {
            try {
                JooqStore.prepare(SQLDialect.SQLITE);
            } catch (RuntimeException | LinkageError e) { // as Ijoka.prepare: nothing printed from a thread of its own
                // the store's opening does the same again, and reports what is wrong
            }
        }
    }

    @Override
    public String name() {
        return "sqlite";
    }
}
