package dev.ijoka;

import dev.ijoka.api.StoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which store a run uses, and where it is: the one road every face (the command line, {@code ijoka mcp},
 * {@code ijoka hook}, the web server) and the hook relay's key take, so that two spellings of one store
 * are one store everywhere. The store's kind decides what its URL means ({@link
 * dev.ijoka.spi.StoreProvider#locate}), so a new kind of store needs no change in the faces.
 *
 * <pre>{@code
 * StoreLocation store = StoreLocation.choose(dbOption, System.getenv(), workingDirectory);
 * try (Ijoka ijoka = Ijoka.builder().store(store.url()).build()) { ... }
 * }</pre>
 *
 * @param url the store's canonical URL, one spelling per store (for SQLite, the file's absolute, normalised
 *     path with {@code ~} expanded): what the store is opened with, and what tells processes they share a store
 * @param file the local file that holds the store, if it is one (SQLite); null for in-memory and server stores
 * @param shared whether another process that opens {@code url} reaches the same store (false for {@code memory:})
 */
public record StoreLocation(String url, @Nullable Path file, boolean shared) {

    /** The environment variable that names the store when {@code --db} does not. */
    public static final String VARIABLE = "IJOKA_DB";

    public StoreLocation {
        Objects.requireNonNull(url, "url");
    }

    /**
     * The rule: {@code option} (a face's {@code --db}) if given, else {@code $IJOKA_DB}, else the SQLite
     * database in the data directory; then {@linkplain #of located}.
     *
     * @param env the run's environment ({@code IJOKA_DB}, and {@code IJOKA_HOME} etc. for the data directory)
     * @param workingDirectory what a relative path in the URL is relative to
     * @throws StoreException if no store on the class path handles the URL, or the URL is not usable (saying why)
     */
    public static StoreLocation choose(@Nullable String option, Map<String, String> env, Path workingDirectory) {
        return of(chosenUrl(option, env), workingDirectory);
    }

    /** The URL the rule of {@link #choose} picks, as written (not yet located). */
    public static String chosenUrl(@Nullable String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String fromEnv = env.get(VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return DataDirectory.defaultStoreUrl(env);
    }

    /**
     * Where the store {@code url} names is, as its kind of store reads the URL.
     *
     * @throws StoreException if no store on the class path handles the URL, or the URL is not usable
     */
    public static StoreLocation of(String url, Path workingDirectory) {
        return StoreProviders.forUrl(url.strip()).locate(url.strip(), workingDirectory.toAbsolutePath());
    }
}
