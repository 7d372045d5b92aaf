package dev.ijoka;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Ijoka keeps its files (the SQLite database, the web server's port file, logs):
 * {@code $IJOKA_HOME} if set, else the platform's data directory — {@code $XDG_DATA_HOME/ijoka}
 * (default {@code ~/.local/share/ijoka}) on Linux, {@code ~/Library/Application Support/Ijoka} on
 * macOS, {@code %APPDATA%\Ijoka} on Windows.
 */
public final class DataDirectory {

    /** The database file's name inside the data directory. */
    public static final String DATABASE_FILE = "ijoka.db";

    private DataDirectory() {}

    /** The data directory for this process's environment. It may not exist yet. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** The default store URL: the SQLite database in the data directory. */
    public static String defaultStoreUrl() {
        return defaultStoreUrl(System.getenv());
    }

    /** The default store URL for an environment of its own ({@link StoreLocation#choose} falls back to it). */
    public static String defaultStoreUrl(Map<String, String> env) {
        // concat rather than +: a relayed hook computes this on every tool call, and the JDK spins classes at run time for
        // the first indy string concatenation of a process (docs/benchmarks.md, "Jars opened, not classes loaded").
        return "jdbc:sqlite:".concat(resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."))
                .resolve(DATABASE_FILE).toString());
    }

    /**
     * The rule itself, with its inputs passed in: for tests on any platform, and for front ends that
     * run with an environment of their own (the command line's tests pass {@code IJOKA_HOME} this way).
     *
     * @param env environment variables ({@code IJOKA_HOME}, {@code XDG_DATA_HOME}, {@code APPDATA})
     * @param osName the {@code os.name} system property
     * @param userHome the {@code user.home} system property
     */
    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        Objects.requireNonNull(env, "env");
        String home = env.get("IJOKA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Ijoka");
        }
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Ijoka")
                    : Path.of(userHome, "AppData", "Roaming", "Ijoka");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg, "ijoka")
                : Path.of(userHome, ".local", "share", "ijoka");
    }
}
