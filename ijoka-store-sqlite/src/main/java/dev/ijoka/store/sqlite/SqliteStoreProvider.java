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

    @Override
    public void prepare() {
        SqliteConnections.prepare();
        JooqStore.prepare(SQLDialect.SQLITE);
    }

    @Override
    public String name() {
        return "sqlite";
    }
}
