package dev.ijoka.app;

import dev.ijoka.mcp.McpMain;
import java.nio.file.Path;

/**
 * The entry point of {@code ijoka.jar}. Reads the global options once ({@link Invocation}), sets the log
 * level from {@code -v} before anything logs (logs go to stderr: stdout carries only the command's
 * output), then runs the protocol face ({@code mcp}, {@code hook}) or the command line, and exits with
 * its code.
 */
public final class Main {

    private Main() {}

    /** The JDK's property that names the NIO selector provider, which every socket channel is opened through. */
    static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    public static void main(String[] args) {
        if (args.length > 0 && firstWord(args).equals("mcp")) {
            McpMain.prepare(); // beside picocli and the rest, on the second core
        }
        selectorProviderByName();
        namedProviders();
        if (printVersionOnly(args, System.out)) {
            System.exit(ExitCodes.OK);
        }
        java.util.Map<String, String> variables = System.getenv();
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path data = dev.ijoka.DataDirectory.resolve();
        // A daily command whose line the thin parse reads for sure (JDK classes only up to here)
        dev.ijoka.StoreLocation sure = args.length > 0 && Handoff.COMMANDS.contains(firstWord(args))
                ? Handoff.sureStore(args, variables, workingDirectory) : null;
        if (sure != null) {
            // Handed to a process that holds the store warm, if one runs
            java.util.OptionalInt handed = Handoff.tryRun(args, sure, variables, workingDirectory, data,
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), System.err);
            if (handed.isPresent()) {
                System.err.flush();
                Runtime.getRuntime().halt(handed.getAsInt()); // nothing of this process's own to shut down
            }
        }
        if (args.length > 0 && args[0].equals("aot-training")) { // the launcher's start-up cache: see AotTraining
            // Before the command line is read: its parse would load picocli, whose classes no cache holds, and the
            // verification of what a cache holds would then look picocli up at every start of that face.
            libraryProperties("WARN");
            System.exit(AotTraining.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        EarlyEngine early = null;
        if (sure != null) {
            // Not handed over: the store starts opening now, before picocli reads the line (its first load is most
            // of what comes before the command runs). Such a line has no -v, so the log level is the default.
            libraryProperties("WARN");
            early = EarlyEngine.opening(engines(data), sure);
        }
        Invocation line = Invocation.parse(args);
        libraryProperties(line.logLevel());
        if (line.protocolFace()) {
            DbPasswordFile.select(line.options(), variables, workingDirectory);
            if ("hook".equals(line.command())) {
                ProtocolFaces.hook(line, data, System.err);
            } else {
                ProtocolFaces.mcp(line, data, System.err);
            }
            return;
        }
        Environment env = Environment.ofProcess();
        DbPasswordFile.select(line.options(), env.variables(), env.workingDirectory());
        int code;
        try (EarlyEngine opened = early != null ? early : EarlyEngine.start(line, env, engines(data))) {
            code = Cli.run(env, opened, line);
        }
        System.out.flush();
        System.exit(code);
    }

    /**
     * The engines a command opens, SQLite's native library prepared first. Made only on a command's path: a lambda
     * spins method-handle classes at its first use, which a relayed hook must not pay (HookRelayIT).
     */
    private static EngineFactory engines(Path data) {
        return url -> {
            SqliteNativeLibrary.prepare(url, data);
            return EngineFactory.DEFAULT.open(url);
        };
    }

    /**
     * Names the JDK's own selector provider on Linux, unless the property is set already. Without it, the first socket
     * channel (a relayed hook's or a handed-over command's connection, the relay server's socket) looks for another
     * provider through {@code ServiceLoader} on the class path, which opens every jar that {@code ijoka.jar}'s
     * {@code Class-Path} names (72): a fifth of a relayed hook's CPU (docs/benchmarks.md, "Jars opened, not classes
     * loaded"). The JDK then makes the provider it would have made anyway. Only where that class exists, so that
     * another JDK keeps its own lookup.
     */
    static void selectorProviderByName() {
        String linux = "sun.nio.ch.EPollSelectorProvider";
        if (System.getProperty(SELECTOR_PROVIDER) != null || !System.getProperty("os.name", "").equals("Linux")) {
            return;
        }
        try {
            Class.forName(linux, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        System.setProperty(SELECTOR_PROVIDER, linux);
    }

    /** The libraries' settings, before any of them loads: the log level ({@code WARN}, {@code INFO}, {@code DEBUG}) and quiet starts. */
    private static void libraryProperties(String logLevel) {
        System.setProperty(LogSetup.LEVEL_PROPERTY, logLevel);
        // The early engine opens the store on its own thread while the command line starts; when both log
        // first at once, SLF4J replays the early lines (correctly, through the levels set above) and says so
        // on stderr, which belongs to the user. Only SLF4J's own errors are for them.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        // jOOQ prints a banner and tips once per process otherwise.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // Guice's bytecode generation (for AOP, unused here) touches sun.misc.Unsafe, which JDK 24+ warns about.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }

    /** The system property that names the store providers (read by the engine's {@code StoreProviders}). */
    static final String STORE_PROVIDERS = "ijoka.store.providers";
    /**
     * The store providers {@code ijoka.jar} ships, as their jars' service files list them (StoreProvidersListedTest
     * checks the two agree).
     */
    static final String SHIPPED_STORE_PROVIDERS = "dev.ijoka.internal.memory.InMemoryStoreProvider,"
            + "dev.ijoka.store.sqlite.SqliteStoreProvider,dev.ijoka.store.postgres.PostgresStoreProvider";

    /**
     * SLF4J's provider and the store providers named, unless already set: found through {@code ServiceLoader}, each
     * lookup would read the service files of every jar on the class path, and the JVM opens each of the ~70 jars that
     * {@code ijoka.jar}'s {@code Class-Path} names to do so (docs/benchmarks.md, "Cold start: MCP, direct hooks,
     * commands"). Named, the classes come from the start-up cache and no jar is opened for them.
     */
    static void namedProviders() {
        if (System.getProperty(LogProvider.SLF4J_PROPERTY) == null) {
            System.setProperty(LogProvider.SLF4J_PROPERTY, LogProvider.class.getName());
        }
        if (System.getProperty(STORE_PROVIDERS) == null) {
            System.setProperty(STORE_PROVIDERS, SHIPPED_STORE_PROVIDERS);
        }
    }

    /**
     * {@code ijoka --version} (or {@code -V}) and nothing else: printed here, as the command line prints it, without
     * picocli, Guice or the store, which took it from ~80 ms of JVM to 0.6-0.8 s (docs/benchmarks.md). Any other line
     * with a version flag (a global option, a command) goes through the command line, which says what it means.
     */
    static boolean printVersionOnly(String[] args, java.io.PrintStream out) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        for (String line : BuildVersion.lines()) {
            out.println(line);
        }
        out.flush();
        return true;
    }

    /** The first argument that is neither a global option nor its value; "" for none (cheap: no parser loaded). */
    private static String firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db") || a.equals("-p") || a.equals("--project")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }
}
