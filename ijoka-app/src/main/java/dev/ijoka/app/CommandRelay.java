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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The server side of a handed-over command line ({@link Handoff}): runs {@link Cli#run(Environment, EngineFactory,
 * String...)} with the client's environment, working directory and streams, on this process's open engine, lent
 * (the run's close of it does nothing). What the command prints goes back to the client as it is printed.
 *
 * <p>After a command that wrote, the plan's snapshots that the engine holds are brought up to the log on a thread of
 * its own, once the command has answered: a new feature or edge makes the engine rebuild a project's snapshot from the
 * store (~250 ms at 10,000 features), which the next read would otherwise pay while its client waits. The next
 * handed-over command waits for that to finish rather than starting a second rebuild beside it; meanwhile its client
 * was starting its JVM (docs/benchmarks.md, "Cold commands and the relay").
 *
 * <p>Offered for SQLite stores only: a PostgreSQL store's password file is a process-wide setting that every
 * command line run sets again, which a server must not have changed under it.
 */
public final class CommandRelay implements HookRelayServer.Commands {

    private final Ijoka engine;
    private final String canonicalUrl;
    private final Executor refresher;
    private volatile CompletableFuture<Void> refreshing = CompletableFuture.completedFuture(null);

    private CommandRelay(Ijoka engine, String canonicalUrl) {
        this.engine = engine;
        this.canonicalUrl = canonicalUrl;
        this.refresher = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("ijoka-relay-refresh")
                .unstarted(r));
    }

    /**
     * Starts the relay for hooks and command lines on {@code engine}, the store at {@code storeUrl}: what
     * {@code ijoka mcp}, {@code serve} and {@code desktop} run beside their own work. Empty where it cannot run
     * (an in-memory store, a socket that cannot be made: the reason is on {@code errors}).
     */
    public static Optional<HookRelayServer> start(Ijoka engine, String storeUrl, Path dataDirectory, PrintStream errors) {
        return HookRelayServer.start(engine, storeUrl, dataDirectory, errors, of(engine, storeUrl));
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
        refreshing.join(); // never fails: see refresh
        long before = engine.events().lastSequence();
        try {
            return Cli.run(env, lend, command.args().toArray(String[]::new));
        } finally {
            stdout.flush();
            stderr.flush();
            if (engine.events().lastSequence() != before) {
                refreshing = CompletableFuture.runAsync(this::refresh, refresher);
            }
        }
    }

    /** Waits for the snapshots' refresh after the last command that wrote, if one is under way (for tests). */
    void awaitRefresh() {
        refreshing.join();
    }

    /**
     * Brings every snapshot the engine holds up to the log: {@code progress} reads a held snapshot (rebuilding it if the
     * log changed its structure) and is one count query for a project with none, so nothing new is built.
     */
    private void refresh() {
        try {
            for (var project : engine.projects().list()) {
                engine.plan().progress(project.id());
            }
        } catch (RuntimeException e) {
            // The next read brings the snapshot forward itself, and says what is wrong if it cannot.
        }
    }
}
