package dev.ijoka.app;

import dev.ijoka.app.cli.GlobalOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run's command line as picocli reads it against the global options, once, before anything else:
 * they decide the face ({@code mcp} and {@code hook} start without Guice or the full command line, for
 * speed), the log level and the store that {@link EarlyEngine} opens while the command line is built. The
 * rest, the command and its own options, goes to the full command line ({@link Cli}), which shares the one
 * {@link GlobalOptions} instance and so never reads a global option again.
 *
 * @param options the global options, wherever on the line they were
 * @param command the command's name: the first argument left that is not an option; null for none
 * @param rest the arguments left, in their order, with {@code --} and what follows it untouched
 * @param error what is wrong with the global options (e.g. {@code --db} without a value), or null
 */
record Invocation(GlobalOptions options, @Nullable String command, List<String> rest, @Nullable String error) {

    static Invocation parse(String... args) {
        if (args.length == 1 && (args[0].equals("hook") || args[0].equals("mcp"))) {
            // As ijoka init configures them, and run on every tool call: no option to read, so picocli (whose
            // Java 5 classes no start-up cache holds) is not even loaded. Measured in docs/benchmarks.md. Its parse
            // lives in a class of its own (GlobalOptionsParser): a catch of picocli's exception here made every
            // start that loads this class (a start-up cache's included) look for that class through every jar of
            // the class path, 57 of them opened before picocli's (docs/benchmarks.md, "Cold start", 2026-12-07).
            return new Invocation(new GlobalOptions(), args[0], List.of(args[0]), null);
        }
        return GlobalOptionsParser.parse(args);
    }

    /** Whether this run is a protocol face, {@code mcp} or {@code hook}, with nothing but global options. */
    boolean protocolFace() {
        return rest.size() == 1 && ("mcp".equals(command) || "hook".equals(command));
    }

    /** WARN by default, INFO for {@code -v}, DEBUG for {@code -vv} (or {@code -v -v}). */
    String logLevel() {
        int verbose = options.verbosity();
        return verbose == 0 ? "WARN" : verbose == 1 ? "INFO" : "DEBUG";
    }
}
