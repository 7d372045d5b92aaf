package dev.ijoka.claude;

import dev.ijoka.DataDirectory;
import dev.ijoka.StoreLocation;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The process entry point of {@code ijoka hook}: reads one Claude Code hook event from stdin, acts on
 * it, prints the protocol answer (if any) on stdout and exits 0 — always, whatever goes wrong (garbage
 * input, an unknown event, a store that cannot be opened): a hook must never break the agent. Problems
 * go to stderr, which Claude Code shows only in its debug output.
 *
 * <p>First it offers the event to a running {@code ijoka mcp} on the same store ({@link HookRelayServer}),
 * whose engine is warm; only if none takes it does it open the store itself (the direct path). This
 * class is lean on purpose, since it runs on every tool call: until the direct path is taken it loads
 * no Jackson, no jOOQ and no engine, and there is no dependency injection, command-line parser or MCP
 * here at all. A watchdog ends the process (status 0) after {@link #TIME_LIMIT_MS}.
 */
public final class HookMain {

    /** The most stdin that is read: hook payloads are small. */
    static final int MAX_INPUT = 1 << 20;
    /**
     * The whole run's bound: 2 s under the timeout {@code ijoka init} gives Claude Code, so that the hook
     * ends by itself first. Generous, since a hook that gives up loses its event: a first, uncached run on
     * a busy machine was seen to take more than 5 s.
     */
    static final long TIME_LIMIT_MS = ClaudeInit.HOOK_TIMEOUT * 1_000L - 2_000;
    /** How long the relay may take to answer before the hook handles the event itself, within {@link #TIME_LIMIT_MS}. */
    static final long RELAY_TIMEOUT_MS = 2_000;
    /**
     * Set by the launcher when its own relay client (docs/architecture.md, "The relay's two transports") handed the
     * event to a server whose answer was lost or said it failed: the hook then takes the direct path, as the Java client
     * does in that case, rather than offering the event again.
     */
    static final String DIRECT_VARIABLE = "IJOKA_HOOK_DIRECT";

    private HookMain() {}

    /** The hook as a process of its own, on this process's environment; it takes no arguments. */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("ijoka hook: takes no arguments, got " + List.of(args) + "; nothing done. Usage: ijoka hook "
                    + "< EVENT.json (the store: $IJOKA_DB, else the data directory's database)");
            return;
        }
        main(System.getenv(), () -> {});
    }

    /**
     * One hook run, as the process does it, then the process ends with status 0. The app calls this once its
     * command line is parsed, with {@code --db} (if given) put in {@code env} as {@code IJOKA_DB}: the store
     * choice is the same rule either way ({@link StoreLocation#choose}).
     *
     * @param env the hook's environment (see {@link #run(InputStream, PrintStream, PrintStream, Map, Path, Runnable)})
     * @param beforeDirectPath run only when the hook opens the store itself: the app prepares SQLite's native
     *     library there, which a relayed hook does not need
     */
    public static void main(Map<String, String> env, Runnable beforeDirectPath) {
        PrintStream stderr = System.err;
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(stderr); // stdout carries the protocol only
        runWatched(System.in, protocol, stderr, env, Path.of("").toAbsolutePath(), beforeDirectPath);
        Runtime.getRuntime().halt(0); // no shutdown work left: skip it, and every non-daemon thread
    }

    /**
     * One run as the process does it, under its watchdog, without ending the process: {@link #main(Map, Runnable)} ends
     * it after this, and the launcher's start-up cache is trained on it, so that every class of a hook's path is in the
     * cache (one that is not makes the JVM open the class path's jars up to its own: docs/benchmarks.md, "Jars opened,
     * not classes loaded").
     */
    public static void runWatched(InputStream in, PrintStream protocol, PrintStream stderr, Map<String, String> env,
            Path workingDirectory, Runnable beforeDirectPath) {
        Thread watchdog = new Thread(new Watchdog(stderr), "ijoka-hook-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            run(in, protocol, stderr, env, workingDirectory, beforeDirectPath);
        } catch (Throwable t) { // never break the agent, whatever happened
            stderr.println("ijoka hook: " + t);
        }
        protocol.flush();
        watchdog.interrupt();
    }

    /**
     * Ends the process (status 0) once the run has taken {@link #TIME_LIMIT_MS}. A class, not a lambda: every hook
     * starts it, and a relayed hook's path has no lambda at all, whose set-up the JDK spins classes for at run time
     * (docs/benchmarks.md, "Jars opened, not classes loaded").
     */
    private static final class Watchdog implements Runnable {
        private final PrintStream stderr;

        Watchdog(PrintStream stderr) {
            this.stderr = stderr;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(TIME_LIMIT_MS);
                stderr.println("ijoka hook: gave up after " + TIME_LIMIT_MS + " ms");
                Runtime.getRuntime().halt(0);
            } catch (InterruptedException e) {
                // the run ended in time
            }
        }
    }

    /** {@link #run(InputStream, PrintStream, PrintStream, Map, Path, Runnable)} with nothing to prepare. */
    public static void run(InputStream in, PrintStream out, PrintStream errors, Map<String, String> env,
            Path workingDirectory) {
        run(in, out, errors, env, workingDirectory, () -> {});
    }

    /**
     * One run, as the process does it: the relay if a server of the store takes the event, else the
     * direct path. Never throws for bad input or a failing store (it reports them on {@code errors}).
     *
     * @param env the hook's environment: {@code IJOKA_DB}, {@code IJOKA_HOME} (where relays are found),
     *     {@code CLAUDE_PROJECT_DIR}
     * @param beforeDirectPath run only if the hook opens the store itself
     */
    public static void run(InputStream in, PrintStream out, PrintStream errors, Map<String, String> env,
            Path workingDirectory, Runnable beforeDirectPath) {
        byte[] stdin;
        try {
            stdin = readBounded(in);
        } catch (IOException e) {
            errors.println("ijoka hook: cannot read the hook event: " + e.getMessage());
            return;
        }
        if (stdin == null) {
            errors.println("ijoka hook: the input is larger than " + MAX_INPUT + " bytes; ignored");
        } else if (env.get(DIRECT_VARIABLE) != null || !HookRelayClient.relay(stdin, out, errors, env, workingDirectory, dataDirectory(env), RELAY_TIMEOUT_MS)) {
            HookRun.direct(stdin, out, errors, env, workingDirectory, beforeDirectPath);
        }
    }

    /** The store a hook with this environment records into: {@code $IJOKA_DB}, else the data directory's database. */
    static String storeUrl(Map<String, String> env) {
        return StoreLocation.chosenUrl(null, env);
    }

    private static Path dataDirectory(Map<String, String> env) {
        return DataDirectory.resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** Reads all of {@code in}, or returns null past {@link #MAX_INPUT} bytes. */
    static byte @Nullable [] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            total += n;
            if (total > MAX_INPUT) {
                return null;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }
}
