package dev.ijoka.mcp;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.api.IjokaException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The process entry point of the MCP server: {@code java -cp … dev.ijoka.mcp.McpMain [--db URL]
 * [--project DIR]}. The store is {@code --db}, else {@code $IJOKA_DB}, else the SQLite database in the
 * data directory (its store must be on the class path). Serves stdio until the client closes stdin (or
 * stops the process with SIGTERM), then ends the session and exits 0; exits 2 on bad arguments. The
 * store opens while the client connects; if it cannot be opened, the reason goes to stderr and every
 * tool call answers with it.
 *
 * <p>This is the one class of the module that touches {@code System.out}: the file descriptor becomes
 * the protocol stream, and {@code System.out} is pointed at stderr so that nothing else can write to
 * the protocol by accident. {@code ijoka mcp} in the app does the same through {@link #run}.
 */
public final class McpMain {

    private McpMain() {}

    /**
     * Something that runs beside the server on its engine for as long as the server does, such as the
     * app's hook relay: started once the store is open, closed at shutdown before the engine is. This
     * module knows nothing of what it is.
     */
    @FunctionalInterface
    public interface Companion {
        /** No companion. */
        Companion NONE = (storeUrl, engine) -> () -> {};

        /**
         * Starts the companion; called once, on the thread that opened the store.
         *
         * @param storeUrl the store's canonical URL ({@link StoreLocation#url()}), as the server chose it
         * @return what to close at shutdown
         */
        AutoCloseable start(String storeUrl, Ijoka engine);
    }

    public static void main(String[] args) {
        prepare();
        main(args, Companion.NONE);
    }

    /**
     * Starts, on a thread of its own, the one piece of work that the answer to the client's first message waits for
     * longest and that nothing else needs first: the JDK's {@code BigDecimal} class initialiser, which on JDK 25
     * computes 5^65536 (about 30 ms before any of it is compiled), run by Jackson's parser as it loads. Call it first
     * thing in a {@code main} that is about to serve, so that it runs beside whatever comes before (docs/benchmarks.md,
     * "The handshake answered on arrival").
     */
    public static void prepare() {
        Thread.ofPlatform().daemon().name("ijoka-mcp-prepare").start(new InitializeBigDecimal());
    }

    /** A class rather than a lambda, whose call site the JVM would spin classes for at run time (no start-up cache holds it). */
    private static final class InitializeBigDecimal implements Runnable {
        @Override
        public void run() {
            java.math.BigDecimal.ONE.signum();
        }
    }

    /** {@link #main(String[])} with {@code companion} started beside the server once its engine is open. */
    public static void main(String[] args, Companion companion) {
        PrintStream stderr = System.err;
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        System.setOut(stderr); // stdout is JSON-RPC only: any stray print goes to stderr instead
        System.exit(run(args, System.getenv(), protocol, stderr, companion));
    }

    /**
     * The server as a process, on options its caller parsed (the app's command line does, with its other
     * global options): serves, then exits 0.
     */
    public static void main(Options options, Companion companion) {
        main(options, companion, url -> {});
    }

    /**
     * {@link #main(Options, Companion)}, with {@code beforeOpening} given the store's URL on the thread that opens
     * the store, just before it does: the app prepares SQLite's native library there, off the path to the {@code initialize} answer.
     */
    public static void main(Options options, Companion companion, Consumer<String> beforeOpening) {
        PrintStream stderr = System.err;
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        System.setOut(stderr); // stdout is JSON-RPC only: any stray print goes to stderr instead
        System.exit(run(options, System.getenv(), protocol, stderr, companion, beforeOpening));
    }

    /**
     * What the server serves.
     *
     * @param db the store's URL as given ({@code --db}), or null for the rule's choice ({@link StoreLocation#choose}:
     *     {@code $IJOKA_DB}, else the SQLite database in the data directory)
     * @param project the project directory, or null (the client's roots, else {@code $CLAUDE_PROJECT_DIR}, else
     *     the working directory)
     * @param version the version {@code initialize} reports, or null for the MCP jar's own ({@link McpOptions#serverVersion})
     */
    public record Options(@Nullable String db, @Nullable Path project, @Nullable String version) {

        /** Serves with the MCP jar's own version. */
        public Options(@Nullable String db, @Nullable Path project) {
            this(db, project, null);
        }

        /** {@code --db URL} and {@code --project DIR}, or null after printing what is wrong (or the usage, for --help). */
        static @Nullable Options parse(String[] args, PrintStream errors) {
            String db = null;
            Path project = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--db" -> db = required(a, value, errors);
                    case "--project" -> {
                        String dir = required(a, value, errors);
                        project = dir == null ? null : Path.of(dir).toAbsolutePath();
                    }
                    case "-h", "--help" -> {
                        errors.println(USAGE);
                        return null;
                    }
                    default -> {
                        errors.println("ijoka mcp: unknown argument '" + a + "'\n" + USAGE);
                        return null;
                    }
                }
                if ((a.equals("--db") && db == null) || (a.equals("--project") && project == null)) {
                    return null;
                }
                i++;
            }
            return new Options(db, project);
        }
    }

    /** {@link #run(String[], Map, OutputStream, PrintStream, Companion)} without a companion. */
    public static int run(String[] args, Map<String, String> env, OutputStream protocol, PrintStream errors) {
        return run(args, env, protocol, errors, Companion.NONE);
    }

    /**
     * Parses the arguments, opens the store, serves stdin and {@code protocol} until stdin ends.
     *
     * @param companion started once the store is open, closed at the end before the engine
     * @return the exit status: 0 after a normal end, 2 for bad arguments
     */
    public static int run(String[] args, Map<String, String> env, OutputStream protocol, PrintStream errors,
            Companion companion) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            errors.println(USAGE);
            return 0;
        }
        Options options = Options.parse(args, errors);
        return options == null ? 2 : run(options, env, protocol, errors, companion);
    }

    /**
     * Opens the store {@code options} and {@code env} choose, serves stdin and {@code protocol} until stdin ends.
     *
     * @param companion started once the store is open, closed at the end before the engine
     * @return the exit status: 0 after a normal end
     */
    public static int run(Options given, Map<String, String> env, OutputStream protocol, PrintStream errors,
            Companion companion) {
        return run(given, env, protocol, errors, companion, url -> {});
    }

    /**
     * {@link #run(Options, Map, OutputStream, PrintStream, Companion)}, with {@code beforeOpening} given the store's URL on
     * the thread that opens the store, just before it does (not on the way to the {@code initialize} answer).
     */
    public static int run(Options given, Map<String, String> env, OutputStream protocol, PrintStream errors,
            Companion companion, Consumer<String> beforeOpening) {
        return run(given, env, new FileInputStream(FileDescriptor.in), protocol, errors, companion, beforeOpening);
    }

    /**
     * {@link #run(Options, Map, OutputStream, PrintStream, Companion, Consumer)} on {@code input} rather than stdin: the
     * app's start-up cache is trained through here, so that it holds what a real start loads (the store opened on its
     * own thread, the companion started), not a path of its own.
     */
    public static int run(Options given, Map<String, String> env, InputStream input, OutputStream protocol,
            PrintStream errors, Companion companion, Consumer<String> beforeOpening) {
        Path project = given.project();
        // Open the store while the client and server shake hands: initialize is answered at once, and
        // tool calls wait for the engine (DESIGN.md §8: process start to initialize answered ≤ 700 ms).
        CompletableFuture<Ijoka> engine = new CompletableFuture<>();
        Companions companions = new Companions(companion, errors);
        Thread.ofPlatform().name("ijoka-open-store").start(() -> {
            Ijoka opened;
            String url;
            try {
                url = StoreLocation.choose(given.db(), env, Path.of("").toAbsolutePath()).url();
                beforeOpening.accept(url);
                opened = Ijoka.builder().store(url).build();
            } catch (RuntimeException | Error e) {
                errors.println("ijoka mcp: " + (e instanceof IjokaException ? e.getMessage() : e.toString()));
                engine.completeExceptionally(e);
                return;
            }
            engine.complete(opened);
            companions.start(url, opened);
        });
        McpOptions options = McpOptions.defaults().withEnvironment(env).withProjectDirectory(project)
                .withSessionId(env.get(McpOptions.CLAUDE_CODE_SESSION_ID)); // one Claude Code session, one Ijoka session
        if (given.version() != null) {
            options = options.withServerVersion(given.version());
        }
        IjokaMcpServer server = IjokaMcpServer.stdio(engine, input, protocol, options);
        // A client may stop the server with SIGTERM rather than by closing stdin (the MCP SDK's client does):
        // end the session then too, so that its claims are released at once rather than when leases lapse.
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                server.close();
                companions.stop();
                engine.thenAccept(Ijoka::close);
            }
        };
        Thread hook = new Thread(stop, "ijoka-mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to do
            }
        }
        return 0;
    }

    /**
     * One MCP session on an engine that is open already, as a separate {@code ijoka mcp} process would serve it on its
     * stdio: the background engine runs one per connection that a launcher handed over (docs/architecture.md, "MCP
     * sessions handed to the engine"). Returns once {@code input} ends (or fails: the connection dropped), having ended
     * the agent session and released its claims; closes neither the engine nor the streams.
     *
     * @param env the client's environment ({@code CLAUDE_PROJECT_DIR}, {@code CLAUDE_CODE_SESSION_ID})
     * @param workingDirectory the client's working directory, the project's last resort
     * @param client the client's process: its parent is linked to the session, as this process's parent is by {@link #run}
     */
    public static void serveSession(Options given, Map<String, String> env, Path workingDirectory, ProcessHandle client,
            Ijoka engine, InputStream input, OutputStream protocol) {
        McpOptions options = McpOptions.defaults().withEnvironment(env).withWorkingDirectory(workingDirectory)
                .withProjectDirectory(given.project()).withClient(client)
                .withSessionId(env.get(McpOptions.CLAUDE_CODE_SESSION_ID));
        if (given.version() != null) {
            options = options.withServerVersion(given.version());
        }
        IjokaMcpServer server = IjokaMcpServer.stdio(engine, input, protocol, options);
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    /** The companion's life: started at most once, and never after the server has stopped. */
    private static final class Companions {
        private final Companion companion;
        private final PrintStream errors;
        private @Nullable AutoCloseable running;
        private boolean stopped;

        Companions(Companion companion, PrintStream errors) {
            this.companion = companion;
            this.errors = errors;
        }

        synchronized void start(String url, Ijoka engine) {
            if (stopped) {
                return;
            }
            try {
                running = companion.start(url, engine);
            } catch (RuntimeException e) { // a companion is extra: the server serves without it
                errors.println("ijoka mcp: " + e);
            }
        }

        synchronized void stop() {
            stopped = true;
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    errors.println("ijoka mcp: " + e);
                }
                running = null;
            }
        }
    }

    private static @Nullable String required(String flag, @Nullable String value, PrintStream errors) {
        if (value == null || value.isBlank() || value.startsWith("--")) {
            errors.println("ijoka mcp: " + flag + " needs a value\n" + USAGE);
            return null;
        }
        return value;
    }

    private static final String USAGE = """
            usage: ijoka mcp [--db URL] [--project DIR]
              Serves Ijoka's MCP tools on stdin/stdout until stdin closes.
              --db URL       the store (default: $IJOKA_DB, else the SQLite database in the data directory)
              --project DIR  the project to serve (default: the client's roots, else $CLAUDE_PROJECT_DIR,
                             else the working directory)""";
}
