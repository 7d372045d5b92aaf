package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.claude.HookRelayServer;
import dev.ijoka.claude.RelayedCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server side of a handed-over command line ({@link Handoff}): runs {@link Cli#run(Environment, EngineFactory,
 * String...)} with the client's environment, working directory and streams, on this process's open engine, lent
 * (the run's close of it does nothing). What the command prints goes back to the client as it is printed.
 *
 * <p>Offered for SQLite stores only: a PostgreSQL store's password file is a process-wide setting that every
 * command line run sets again, which a server must not have changed under it.
 */
public final class CommandRelay implements HookRelayServer.Commands {

    private final Ijoka engine;
    private final String canonicalUrl;

    private CommandRelay(Ijoka engine, String canonicalUrl) {
        this.engine = engine;
        this.canonicalUrl = canonicalUrl;
    }

    /**
     * Starts the relay for hooks and command lines on {@code engine}, the store at {@code storeUrl}: what
     * {@code ijoka mcp}, {@code serve} and {@code desktop} run beside their own work. Empty where it cannot run
     * (an in-memory store, a socket that cannot be made: the reason is on {@code errors}).
     */
    public static Optional<HookRelayServer> start(Ijoka engine, String storeUrl, Path dataDirectory, PrintStream errors) {
        return HookRelayServer.start(engine, storeUrl, dataDirectory, errors, of(engine, storeUrl));
    }

    /**
     * {@link #start}, also serving the MCP sessions that launchers hand over ({@link McpSessionRelay}): the background
     * engine's relay, the one host whose life follows its clients' (it does not stop for idleness while one is connected).
     * {@code ijoka mcp}, {@code serve} and {@code desktop} end when their own user closes them, and would take their
     * handed-over sessions down with them: they decline, and the launcher tries the next server or starts its own JVM.
     */
    public static Optional<HookRelayServer> startWithMcpSessions(Ijoka engine, String storeUrl, Path dataDirectory,
            PrintStream errors) {
        return HookRelayServer.start(engine, storeUrl, dataDirectory, errors, of(engine, storeUrl), new McpSessionRelay(engine));
    }

    /** The command runner for {@code engine}, or null where commands are not handed over (see the class comment). */
    static HookRelayServer.@org.jspecify.annotations.Nullable Commands of(Ijoka engine, String storeUrl) {
        String canonical;
        try {
            canonical = StoreLocation.of(storeUrl, Path.of("").toAbsolutePath()).url();
        } catch (RuntimeException e) {
            return null;
        }
        return canonical.startsWith("jdbc:sqlite:") ? new CommandRelay(engine, canonical) : null;
    }

    /** As the Java client ({@link Handoff}) decides it, for the launcher's requests, which carry the line as typed. */
    @Override
    public @org.jspecify.annotations.Nullable String storeOf(java.util.List<String> args, java.util.Map<String, String> env,
            Path workingDirectory) {
        if (env.get(Handoff.OFF_VARIABLE) != null || args.isEmpty()) {
            return null;
        }
        StoreLocation store = Handoff.sureStore(args.toArray(String[]::new), env, workingDirectory);
        return store == null ? null : store.url();
    }

    @Override
    public int run(RelayedCommand command, OutputStream out, OutputStream err) {
        PrintStream stdout = new PrintStream(out, false, command.encoding());
        PrintStream stderr = new PrintStream(err, false, command.encoding());
        Environment env = new Environment(command.env(), command.workingDirectory(), InputStream.nullInputStream(), stdout,
                stderr, command.terminal());
        EngineFactory lend = url -> {
            if (!url.equals(canonicalUrl)) { // the client checked; this guards against a parse that disagrees
                throw new IllegalStateException("a handed-over command asked for " + url + " from the process that holds "
                        + canonicalUrl);
            }
            return engine.lent();
        };
        try {
            return Cli.run(env, lend, command.args().toArray(String[]::new));
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }
}
