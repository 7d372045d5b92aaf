package dev.ijoka.store.postgres;

import dev.ijoka.StoreLocation;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import dev.ijoka.store.jooq.JooqStore;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/**
 * Opens {@code jdbc:postgresql:} URLs, e.g. {@code jdbc:postgresql://db.example.com/ijoka?user=ana&sslmode=verify-full}.
 * Listed in {@code META-INF/services/dev.ijoka.spi.StoreProvider}. Loads neither the driver nor the pool
 * until {@link #open}: a relayed hook only locates.
 */
public final class PostgresStoreProvider implements StoreProvider {

    @Override
    public boolean supports(String url) {
        return url.startsWith(PostgresUrl.PREFIX);
    }

    /**
     * The canonical URL: host in lower case, the port always written, the database, and the remaining
     * parameters sorted, without any password. A password written in {@code url} is kept in this process
     * only, for {@link #open} of that canonical URL ({@link Passwords}).
     */
    @Override
    public StoreLocation locate(String url, Path workingDirectory) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        Passwords.remember(parsed);
        return new StoreLocation(parsed.canonical(), null, true);
    }

    @Override
    public Store open(String url) {
        return PostgresStore.open(url);
    }

    @Override
    public void prepare() {
        JooqStore.prepare(SQLDialect.POSTGRES);
    }

    @Override
    public String name() {
        return "postgres";
    }
}
