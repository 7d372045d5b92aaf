package dev.ijoka.app;

/**
 * The entry point of {@code ijoka.jar}. Sets the log level from {@code -v} before anything logs
 * (logs go to stderr: stdout carries only the command's output), runs the command line, and exits
 * with its code.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        java.nio.file.Path data = dev.ijoka.DataDirectory.resolve();
        // The protocol commands skip the command line (picocli, Guice) for speed, and keep stdout for
        // their protocol: everything else that prints goes to stderr.
        if (args.length > 0 && (args[0].equals("hook") || args[0].equals("mcp"))) {
            System.setProperty("org.jooq.no-logo", "true");
            System.setProperty("org.jooq.no-tips", "true");
            // Their store is $IJOKA_DB or the default (mcp's --db names one rarely): SQLite, almost always.
            String db = System.getenv("IJOKA_DB");
            String sqlite = db == null || db.isBlank() ? "jdbc:sqlite:" : db;
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (args[0].equals("hook")) {
                // A hook relayed to a running `ijoka mcp` never opens the store: SQLite is prepared only if it does.
                dev.ijoka.claude.HookMain.main(rest, () -> SqliteNativeLibrary.prepare(sqlite, data));
            } else {
                SqliteNativeLibrary.prepare(sqlite, data);
                dev.ijoka.mcp.McpMain.main(rest, HookRelay.companion(data, System.err));
            }
            return;
        }
        System.setProperty(LogSetup.LEVEL_PROPERTY, logLevel(args));
        // Guice's bytecode generation (for AOP, unused here) touches sun.misc.Unsafe, which JDK 24+ warns about.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        // jOOQ prints a banner and tips once per process otherwise.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length > 0 && args[0].equals("aot-training")) { // the launcher's start-up cache: see AotTraining
            System.exit(AotTraining.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        EngineFactory engines = url -> {
            SqliteNativeLibrary.prepare(url, data);
            return EngineFactory.DEFAULT.open(url);
        };
        Environment env = Environment.ofProcess();
        int code;
        try (EarlyEngine early = EarlyEngine.start(args, env, engines)) {
            code = Cli.run(env, early, args);
        }
        System.out.flush();
        System.exit(code);
    }

    /** WARN by default, INFO for {@code -v}, DEBUG for {@code -vv} (or {@code -v -v}). */
    static String logLevel(String[] args) {
        int verbose = 0;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                verbose++;
            } else if (a.matches("-v+")) {
                verbose += a.length() - 1;
            }
        }
        return verbose == 0 ? "WARN" : verbose == 1 ? "INFO" : "DEBUG";
    }
}
