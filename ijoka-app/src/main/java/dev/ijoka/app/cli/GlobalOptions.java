package dev.ijoka.app.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, wherever they appear on the line ({@code ijoka --json status} and
 * {@code ijoka status --json} are the same), {@code mcp} and {@code hook} included. picocli reads them
 * once per run, before anything else ({@code dev.ijoka.app.Invocation}); the commands see that one
 * instance through Guice. They stay declared on every command (scope INHERIT) so that help lists them.
 */
public final class GlobalOptions {

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The store: jdbc:sqlite:/path/ijoka.db (default: ijoka.db in the data directory; ~/ and relative "
                    + "paths work), or memory:. Also taken from the environment variable IJOKA_DB.")
    @Nullable String db;

    @Option(names = "--db-password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A file holding the PostgreSQL password (one line; only its owner may read it: chmod 600). "
                    + "Also taken from the environment variable IJOKA_DB_PASSWORD_FILE. Never printed.")
    @Nullable String dbPasswordFile;

    @Option(names = {"-p", "--project"}, scope = ScopeType.INHERIT, paramLabel = "DIR|ID",
            description = "The project: a directory inside it, or its id or name (see 'ijoka projects'). "
                    + "Default: the project of the working directory.")
    @Nullable String project;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as JSON, for scripts (errors go to stderr as JSON too).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log more to stderr: -v for info, -vv for debug.")
    boolean[] verbose = new boolean[0];

    /** {@code --db}, or null. */
    public @Nullable String db() {
        return db;
    }

    /** {@code --db-password-file}, or null. */
    public @Nullable String dbPasswordFile() {
        return dbPasswordFile;
    }

    /** {@code --project}, or null. */
    public @Nullable String project() {
        return project;
    }

    public boolean json() {
        return json;
    }

    /** How many times {@code -v} was given. */
    public int verbosity() {
        return verbose.length;
    }
}
