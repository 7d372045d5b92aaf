package dev.ijoka.store.postgres;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Passwords written in a store URL, kept in this process's memory only, by canonical URL: the canonical
 * URL travels through every face, message and file ({@code server.json}, {@code doctor}) and must not
 * carry it, yet the faces open the store with it. Never written anywhere.
 */
final class Passwords {

    private static final Map<String, String> BY_URL = new ConcurrentHashMap<>();

    private Passwords() {}

    static void remember(PostgresUrl url) {
        if (url.password() != null) {
            BY_URL.put(url.canonical(), url.password());
        }
    }

    /**
     * The password for {@code url}: written in it, else remembered for its canonical form, else
     * the password file the run names ({@link PasswordFile}), else {@code $PGPASSWORD} as {@code psql} reads it; null lets the driver look in {@code ~/.pgpass}
     * ({@code $PGPASSFILE}) or connect without one.
     */
    static @Nullable String of(PostgresUrl url) {
        if (url.password() != null) {
            return url.password();
        }
        String remembered = BY_URL.get(url.canonical());
        if (remembered != null) {
            return remembered;
        }
        String fromFile = PasswordFile.password();
        if (fromFile != null) {
            return fromFile;
        }
        String env = System.getenv("PGPASSWORD");
        return env == null || env.isEmpty() ? null : env;
    }
}
