package dev.ijoka.app;

import dev.ijoka.app.cli.GlobalOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

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

    /** What picocli parses: the global options alone; anything else is left for the command. */
    @Command(name = "ijoka")
    static final class GlobalsOnly {
        @Mixin
        GlobalOptions options = new GlobalOptions();
    }

    static Invocation parse(String... args) {
        if (args.length == 1 && (args[0].equals("hook") || args[0].equals("mcp"))) {
            // As ijoka init configures them, and run on every tool call: no option to read, so picocli (whose
            // Java 5 classes no start-up cache holds) is not even loaded. Measured in docs/benchmarks.md.
            return new Invocation(new GlobalOptions(), args[0], List.of(args[0]), null);
        }
        int end = Arrays.asList(args).indexOf("--");
        String[] options = end < 0 ? args : Arrays.copyOfRange(args, 0, end);
        GlobalsOnly globals = new GlobalsOnly();
        CommandLine cli = new CommandLine(globals);
        cli.setUnmatchedArgumentsAllowed(true);
        cli.setExpandAtFiles(false); // left to the command's own parse, which expands them once
        String error = null;
        try {
            cli.parseArgs(options);
        } catch (ParameterException e) {
            error = e.getMessage();
        }
        List<String> rest = new ArrayList<>(cli.getUnmatchedArguments());
        if (end >= 0) {
            rest.addAll(Arrays.asList(args).subList(end, args.length));
        }
        String command = null;
        for (String a : rest) {
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        return new Invocation(globals.options, command, List.copyOf(rest), error);
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
