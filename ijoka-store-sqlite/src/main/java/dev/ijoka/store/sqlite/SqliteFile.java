package dev.ijoka.store.sqlite;

import dev.ijoka.api.StoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the database file's path out of a {@code jdbc:sqlite:} URL: the one place that does, for opening
 * the store and for {@link SqliteStoreProvider#locate} (what every face and the hook relay go by). JDK
 * classes only: a relayed hook reads URLs with it before anything heavy loads.
 */
record SqliteFile(Path path) {

    static final String PREFIX = "jdbc:sqlite:";

    /**
     * Accepts {@code jdbc:sqlite:/abs/path.db}, a relative path (to the working directory), a
     * leading {@code ~/} (the home directory), and {@code jdbc:sqlite:file:/abs/path.db}.
     *
     * @throws StoreException for in-memory databases and URLs with parameters, saying what to use instead
     */
    static SqliteFile parse(String url) {
        return parse(url, Path.of("").toAbsolutePath());
    }

    /** {@link #parse(String)} with a relative path read against {@code workingDirectory}. */
    static SqliteFile parse(String url, Path workingDirectory) {
        if (!url.startsWith(PREFIX)) {
            throw new StoreException("not a SQLite URL: " + url + ". Write jdbc:sqlite:/path/to/ijoka.db");
        }
        String rest = url.substring(PREFIX.length()).strip();
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || lower.startsWith(":memory:") || lower.contains("mode=memory")) {
            throw new StoreException("an in-memory SQLite database (" + url + ") cannot be shared by the connections"
                    + " and processes of a store: use the URL memory: for a throw-away store, or give a file path");
        }
        if (rest.contains("?")) {
            throw new StoreException("SQLite URLs take a file path only, without parameters (" + url
                    + "): Ijoka sets WAL, the busy timeout and foreign keys itself. Write jdbc:sqlite:/path/to/ijoka.db");
        }
        if (rest.equals("~") || rest.startsWith("~/")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        try {
            return new SqliteFile(workingDirectory.toAbsolutePath().resolve(rest).normalize());
        } catch (InvalidPathException e) {
            throw new StoreException("not a usable file path in " + url + ": " + e.getMessage(), e);
        }
    }

    /** The URL the driver gets: always the absolute path, so every connection opens the same file. */
    String jdbcUrl() {
        return PREFIX + path;
    }

    String describe() {
        return "SQLite database " + path;
    }
}
