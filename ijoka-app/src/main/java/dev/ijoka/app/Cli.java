package dev.ijoka.app;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.ijoka.api.IjokaException;
import dev.ijoka.app.cli.CommandContext;
import dev.ijoka.app.cli.IjokaCommand;
import dev.ijoka.interchange.ImportException;
import dev.ijoka.interchange.Problem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One run of the command line: wires the app with Guice, parses the arguments with picocli, runs the
 * command, and turns every error into a message on stderr and a distinct exit code
 * ({@link ExitCodes}). Never calls {@code System.exit}: {@link Main} does, tests do not.
 */
public final class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    private Cli() {}

    /** Runs the command line and returns its exit code. */
    public static int run(Environment env, EngineFactory engines, String... args) {
        return run(env, engines, Invocation.parse(args));
    }

    /** Runs the command line, its global options read already, and returns its exit code. */
    static int run(Environment env, EngineFactory engines, Invocation line) {
        if (line.error() != null) {
            return usageError(env, line);
        }
        DbPasswordFile.select(line.options(), env.variables(), env.workingDirectory());
        long started = System.nanoTime();
        Injector injector = Guice.createInjector(new AppModule(env, engines, line.options()));
        log.debug("wired in {} ms", (System.nanoTime() - started) / 1_000_000);
        CommandContext ctx = injector.getInstance(CommandContext.class);
        try {
            GuiceFactory factory = new GuiceFactory(injector);
            CommandLine cli = new CommandLine(IjokaCommand.class, factory);
            addCommands(cli, factory, line);
            // Help for the protocol faces goes to stderr: their stdout is for their protocol alone.
            boolean protocol = "hook".equals(line.command()) || "mcp".equals(line.command());
            cli.setOut(new PrintWriter(protocol ? env.err() : env.out(), true));
            cli.setErr(new PrintWriter(env.err(), true));
            cli.setUsageHelpAutoWidth(false);
            cli.setUsageHelpWidth(Math.min(120, ctx.width()));
            cli.setParameterExceptionHandler((ex, arguments) -> usageError(ctx, ex, line));
            cli.setExecutionExceptionHandler((ex, command, parsed) -> failure(ctx, ex));
            log.debug("command line built in {} ms", (System.nanoTime() - started) / 1_000_000);
            int exit = cli.execute(line.rest().toArray(String[]::new));
            log.debug("ran in {} ms, exit {}", (System.nanoTime() - started) / 1_000_000, exit);
            return exit;
        } finally {
            try {
                ctx.close();
            } catch (RuntimeException e) {
                log.warn("closing the store failed: {}", e.toString());
            }
        }
    }

    /**
     * Adds the subcommand the line names, or every one when it names none (help, a typo that
     * deserves a suggestion). Building picocli's model of one command instead of thirty is most of
     * what a short command's start-up costs once the JVM is up (see docs/benchmarks.md).
     */
    private static void addCommands(CommandLine cli, IFactory factory, Invocation line) {
        String named = line.command();
        if (named == null && line.rest().stream().anyMatch(a -> a.equals("-V") || a.equals("--version"))) {
            return; // the version needs no command
        }
        Class<?> only = named == null || named.equals("help") ? null : IjokaCommand.COMMANDS.get(named);
        try {
            for (Map.Entry<String, Class<?>> c : IjokaCommand.COMMANDS.entrySet()) {
                if (only == null || c.getValue() == only) {
                    CommandLine command = new CommandLine(factory.create(c.getValue()), factory);
                    Map<String, Class<?>> subcommands = IjokaCommand.SUBCOMMANDS.getOrDefault(c.getKey(), Map.of());
                    // The one the line names right after the command, else all (help, a typo that deserves a suggestion)
                    Class<?> onlySub = only == null ? null : subcommands.get(wordAfter(line.rest(), c.getKey()));
                    for (Map.Entry<String, Class<?>> s : subcommands.entrySet()) {
                        if (onlySub == null || s.getValue() == onlySub) {
                            command.addSubcommand(s.getKey(), new CommandLine(factory.create(s.getValue()), factory));
                        }
                    }
                    cli.addSubcommand(c.getKey(), command);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the command line: " + e, e);
        }
    }

    /** The argument right after {@code word} (before any {@code --}), or "" for none. */
    private static String wordAfter(List<String> rest, String word) {
        int at = rest.indexOf(word);
        int end = rest.indexOf("--");
        return at < 0 || at + 1 >= rest.size() || (end >= 0 && at + 1 >= end) ? "" : rest.get(at + 1);
    }

    /** A global option that picocli refused ({@code --db} without a URL...), before anything was built. */
    private static int usageError(Environment env, Invocation line) {
        if (line.options().json()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", "usage");
            error.put("exitCode", ExitCodes.USAGE);
            error.put("message", line.error());
            env.err().println(tools.jackson.databind.json.JsonMapper.builder().build()
                    .writeValueAsString(Map.of("error", error)));
        } else {
            env.err().println("ijoka: " + line.error());
            env.err().println("Try: ijoka " + (line.command() == null ? "" : line.command() + " ") + "--help");
        }
        return ExitCodes.USAGE;
    }

    private static int usageError(CommandContext ctx, ParameterException ex, Invocation line) {
        if (ctx.json()) {
            printJsonError(ctx, "usage", ExitCodes.USAGE, ex.getMessage(), List.of());
        } else {
            ctx.err().println("ijoka: " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(ctx.err(), true));
            ctx.err().println("Try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        }
        // A hook always exits 0, whatever it is given: a hook must never break the agent.
        return "hook".equals(line.command()) ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private static int failure(CommandContext ctx, Exception ex) {
        String code;
        String message;
        List<Problem> problems = List.of();
        switch (ex) {
            case IjokaException e -> {
                code = e.code();
                message = e.getMessage();
            }
            case ImportException e -> {
                code = e.code();
                message = e.getMessage();
                problems = e.problems();
            }
            case UncheckedIOException e -> {
                code = "io_error";
                message = e.getMessage();
            }
            case IllegalArgumentException e -> {
                code = "invalid_input";
                message = e.getMessage();
            }
            default -> {
                log.debug("internal error", ex);
                code = "internal_error";
                message = "internal error: " + ex + ". This is a bug: please report it with the output of the same command "
                        + "run with -vv.";
            }
        }
        int exit = ExitCodes.of(code);
        log.debug("{} (exit {})", code, exit, ex);
        if (ctx.json()) {
            printJsonError(ctx, code, exit, message, problems);
        } else {
            ctx.err().println("ijoka: " + message);
        }
        return exit;
    }

    private static void printJsonError(CommandContext ctx, String code, int exit, String message, List<Problem> problems) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("exitCode", exit);
        error.put("message", message);
        if (!problems.isEmpty()) {
            error.put("problems", problems.stream().map(p -> Map.of("where", p.where(), "message", p.message())).toList());
        }
        ctx.err().println(ctx.compactJson(Map.of("error", error)));
    }

    /** picocli builds the commands through Guice, so they get their collaborators injected. */
    private record GuiceFactory(Injector injector) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getName().startsWith("dev.ijoka.")) {
                try {
                    return injector.getInstance(type);
                } catch (ConfigurationException e) {
                    log.debug("Guice cannot build {}; picocli will", type, e);
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
