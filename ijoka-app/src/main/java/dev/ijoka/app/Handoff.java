package dev.ijoka.app;

import dev.ijoka.StoreLocation;
import dev.ijoka.claude.CommandRelayClient;
import dev.ijoka.claude.RelayedCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The thin start of a command line: decides from the arguments alone, before picocli, Guice, Jackson, SLF4J or
 * jOOQ load, whether the run can be handed to a process that holds the same store's engine warm ({@code ijoka mcp},
 * {@code serve}, {@code desktop}: {@link CommandRelay}), and hands it over. A command that no such process takes
 * runs here, as it always did; one that was taken never runs here too.
 *
 * <p>Handed over: the commands that work on the plan and read nothing but their arguments ({@link #COMMANDS}).
 * Never: the servers, {@code init}, {@code import}, {@code export}, {@code db}, {@code doctor}, help and the
 * version, {@code projects link}; nor a run with {@code -v} (its logs are this process's), with a password file
 * (a process-wide setting), with {@code @file} arguments or {@code --}, or with {@code IJOKA_NO_HANDOFF} set. Any
 * argument this parse does not know for sure means: run here.
 */
final class Handoff {

    static final Set<String> COMMANDS = Set.of("next", "status", "feature", "dep", "step", "rule", "insight", "projects");
    private static final Set<String> NEVER = Set.of("-h", "--help", "-V", "--version", "--db-password-file", "--");
    /** Set to anything: every command runs in its own process. */
    static final String OFF_VARIABLE = "IJOKA_NO_HANDOFF";

    private Handoff() {}

    /** Hands the run over if it can; its exit code if a server ran it, else empty (run it here). */
    static OptionalInt tryRun(String[] args, Map<String, String> env, Path workingDirectory, Path dataDirectory,
            OutputStream out, PrintStream err) {
        RelayedCommand command = command(args, env, workingDirectory);
        return command == null ? OptionalInt.empty() : CommandRelayClient.run(command, dataDirectory, out, err);
    }

    /** {@link #tryRun}, for a line whose store {@link #sureStore} has found already. */
    static OptionalInt tryRun(String[] args, StoreLocation store, Map<String, String> env, Path workingDirectory,
            Path dataDirectory, OutputStream out, PrintStream err) {
        if (env.get(OFF_VARIABLE) != null) {
            return OptionalInt.empty();
        }
        return CommandRelayClient.run(new RelayedCommand(Arrays.asList(args), workingDirectory, env, store.url(),
                stdoutEncoding(), terminal()), dataDirectory, out, err);
    }

    /** What would be handed over, or null if this run stays here. */
    static @Nullable RelayedCommand command(String[] args, Map<String, String> env, Path workingDirectory) {
        if (env.get(OFF_VARIABLE) != null) {
            return null;
        }
        StoreLocation store = sureStore(args, env, workingDirectory);
        return store == null ? null
                : new RelayedCommand(Arrays.asList(args), workingDirectory, env, store.url(), stdoutEncoding(), terminal());
    }

    /**
     * The store of a daily command ({@link #COMMANDS}) whose line this thin parse reads for sure, located as
     * {@code CommandContext} will locate it; null for any other line (help, the version, {@code -v}, a password file,
     * {@code @file}, {@code --}, an option it does not know before the command, a URL no store reads). Both the
     * hand-off and the early opening of the store ({@link EarlyEngine#opening}) go by it.
     */
    static @Nullable StoreLocation sureStore(String[] args, Map<String, String> env, Path workingDirectory) {
        if (!blank(env.get(DbPasswordFile.VARIABLE))) {
            return null;
        }
        String db = null;
        String named = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db") || a.equals("-p") || a.equals("--project")) {
                if (i + 1 == args.length) {
                    return null; // picocli says what is missing
                }
                if (a.equals("--db")) {
                    db = args[i + 1];
                }
                i++;
            } else if (a.startsWith("--db=")) {
                db = a.substring("--db=".length());
            } else if (NEVER.contains(a) || a.startsWith("@") || a.startsWith("-v") || a.startsWith("--verbose")
                    || a.startsWith("--db-password-file")) {
                return null;
            } else if (named == null && a.startsWith("-") && !a.equals("--json") && !a.startsWith("--project=")) {
                return null; // an option before the command that is not a global one: picocli's to explain
            } else if (named == null && !a.startsWith("-")) {
                named = a;
                if (!COMMANDS.contains(named)) {
                    return null;
                }
            } else if ("projects".equals(named) && a.equals("link")) {
                return null;
            }
        }
        if (named == null) {
            return null;
        }
        try {
            return StoreLocation.of(StoreLocation.chosenUrl(db, env), workingDirectory);
        } catch (RuntimeException e) {
            return null; // the local run says what is wrong with it
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static Charset stdoutEncoding() {
        String name = System.getProperty("stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** As {@link Environment#ofProcess()} reads it. */
    private static boolean terminal() {
        return Environment.ofProcess().terminal();
    }
}
