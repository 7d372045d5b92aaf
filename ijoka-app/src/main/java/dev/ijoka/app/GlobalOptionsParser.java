package dev.ijoka.app;

import dev.ijoka.app.cli.GlobalOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * picocli's reading of the global options for {@link Invocation}, in a class of its own so that a run with no option
 * to read ({@code ijoka hook}, {@code ijoka mcp}) never loads, verifies or looks up a picocli class: the JVM finds a
 * class outside the start-up cache by opening the class path's jars in order, and picocli's is the 57th.
 */
final class GlobalOptionsParser {

    private GlobalOptionsParser() {}

    /** What picocli parses: the global options alone; anything else is left for the command. */
    @Command(name = "ijoka")
    static final class GlobalsOnly {
        @Mixin
        GlobalOptions options = new GlobalOptions();
    }

    static Invocation parse(String... args) {
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
}
