package dev.ijoka.app;

import dev.ijoka.app.cli.GlobalOptions;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands the password file a run names ({@code --db-password-file}, else {@code $IJOKA_DB_PASSWORD_FILE}) to
 * the store, by name only: the PostgreSQL store reads the file itself when it connects, once, and refuses one
 * that others may read. The path travels as a system property because the store is found by URL and its
 * classes are not named here; the password itself is never held by the command line.
 */
final class DbPasswordFile {

    /** The environment variable naming the file when the option does not. */
    static final String VARIABLE = "IJOKA_DB_PASSWORD_FILE";

    /** Read by {@code dev.ijoka.store.postgres.PasswordFile}; the two names must match. */
    static final String PROPERTY = "ijoka.db.passwordFile";

    private DbPasswordFile() {}

    /** Sets (or, when the run names none, clears) the file for the stores this process opens. */
    static void select(GlobalOptions options, Map<String, String> env, Path workingDirectory) {
        @Nullable Path file = chosen(options, env, workingDirectory);
        if (file == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, file.toString());
        }
    }

    static @Nullable Path chosen(GlobalOptions options, Map<String, String> env, Path workingDirectory) {
        String named = options.dbPasswordFile();
        if (named == null || named.isBlank()) {
            named = env.get(VARIABLE);
        }
        if (named == null || named.isBlank()) {
            return null;
        }
        String path = named.strip();
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home", ".") + path.substring(1);
        }
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }
}
