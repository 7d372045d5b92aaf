package dev.ijoka.app;

import dev.ijoka.StoreLocation;
import dev.ijoka.claude.HookMain;
import dev.ijoka.mcp.McpMain;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ijoka hook} and {@code ijoka mcp}, started on the global options {@link Invocation} read, without
 * Guice or the full command line: a hook runs on every tool call, and an MCP server's start is what its
 * client waits for. Their stdout carries their protocol alone; anything else goes to stderr. A hook exits
 * 0 whatever happens, a bad option included (a hook must never break the agent); the MCP server exits 2 on
 * one, as a command does on a usage error.
 */
final class ProtocolFaces {

    private ProtocolFaces() {}

    static void hook(Invocation line, Path dataDirectory, PrintStream errors) {
        Map<String, String> env = new HashMap<>(System.getenv());
        String problem = line.error();
        if (problem == null) {
            problem = putOptions(line, env);
        }
        if (problem != null) {
            errors.println("ijoka hook: " + problem + "; nothing recorded. Usage: ijoka [--db URL] [--project DIR] hook "
                    + "< EVENT.json");
            errors.flush();
            Runtime.getRuntime().halt(0);
        }
        // The store's kind decides whether a native library is needed; a relayed hook never opens the store.
        String url = StoreLocation.chosenUrl(null, env);
        HookMain.main(env, new PrepareSqlite(url, dataDirectory));
    }

    /**
     * SQLite's native library prepared before a hook opens the store itself. A class, not a lambda: on a relayed hook's
     * way it was the process's first lambda, whose set-up the JDK spins classes for on every start (a class-data archive
     * keeps none of them; docs/benchmarks.md, "Jars opened, not classes loaded").
     */
    private static final class PrepareSqlite implements Runnable {
        private final String url;
        private final Path dataDirectory;

        PrepareSqlite(String url, Path dataDirectory) {
            this.url = url;
            this.dataDirectory = dataDirectory;
        }

        @Override
        public void run() {
            SqliteNativeLibrary.prepare(url, dataDirectory);
        }
    }

    /** {@code --db} as {@code IJOKA_DB} (the option wins over the variable), {@code --project} as the project directory. */
    private static @Nullable String putOptions(Invocation line, Map<String, String> env) {
        if (line.options().db() != null) {
            env.put(StoreLocation.VARIABLE, line.options().db());
        }
        if (line.options().project() != null) {
            Path dir = directory(line.options().project());
            if (dir == null) {
                return "--project takes a directory here, and " + line.options().project() + " is none";
            }
            // The event's own cwd still wins: it is where Claude Code works.
            env.put("CLAUDE_PROJECT_DIR", dir.toString());
        }
        return null;
    }

    static void mcp(Invocation line, Path dataDirectory, PrintStream errors) {
        String problem = line.error();
        Path project = null;
        if (problem == null && line.options().project() != null) {
            project = directory(line.options().project());
            if (project == null) {
                problem = "--project takes a directory here, and " + line.options().project() + " is none";
            }
        }
        if (problem != null) {
            errors.println("ijoka mcp: " + problem + "\nTry: ijoka mcp --help");
            System.exit(ExitCodes.USAGE);
        }
        // SQLite's native library is prepared on the thread that opens the store, off the way to initialize's answer.
        McpMain.main(new McpMain.Options(line.options().db(), project, BuildVersion.read()),
                HookRelay.companion(dataDirectory, errors), SqliteNativeLibrary.preparer(dataDirectory));
    }

    private static @Nullable Path directory(String given) {
        try {
            Path dir = Path.of("").toAbsolutePath().resolve(given.strip()).normalize();
            return Files.isDirectory(dir) ? dir : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
