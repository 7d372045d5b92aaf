package dev.ijoka.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the command line gets from the outside world: environment variables, the working
 * directory, the standard streams and whether a person is watching a terminal. {@link Main} takes
 * them from the process; tests pass their own.
 *
 * @param terminal whether stdin and stdout are a terminal (progress bars are drawn only then)
 */
public record Environment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
        PrintStream err, boolean terminal) {

    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    public @Nullable String variable(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The process's own environment and streams. */
    public static Environment ofProcess() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.out, System.err,
                isTerminal());
    }

    /** {@code System.console()} is non-null on a terminal up to JDK 21; from JDK 22 it asks {@code Console.isTerminal()}. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
