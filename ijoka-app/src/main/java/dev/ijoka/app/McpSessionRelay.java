package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.claude.HookRelayServer;
import dev.ijoka.mcp.McpMain;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The background engine's side of an {@code ijoka mcp} whose launcher handed its stdio session over
 * (docs/architecture.md, "MCP sessions handed to the engine"): the session runs on the engine's open store, exactly as
 * {@link ProtocolFaces#mcp} would serve it in a process of its own, with the client's environment, working directory and
 * process standing in for this process's.
 *
 * <p>Only plain lines are taken: {@code mcp} with {@code --db URL} and {@code --project DIR} (or {@code -p DIR}) around
 * it. Anything else ({@code -v}, {@code --help}, a password file, a {@code --project} that is no directory) is declined,
 * and its own JVM runs it, saying what is wrong where there is something.
 */
final class McpSessionRelay implements HookRelayServer.McpSessions {

    private final Ijoka engine;

    McpSessionRelay(Ijoka engine) {
        this.engine = engine;
    }

    /** What this thin parse reads from the line, or null for a line it leaves to a JVM. */
    private record Line(@Nullable String db, @Nullable Path project) {}

    private static @Nullable Line parse(List<String> args, Map<String, String> env, Path workingDirectory) {
        String db = null;
        String project = null;
        boolean mcp = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--db", "--project", "-p" -> {
                    if (value == null) {
                        return null;
                    }
                    if (a.equals("--db")) {
                        db = value;
                    } else {
                        project = value;
                    }
                    i++;
                }
                case "mcp" -> {
                    if (mcp) {
                        return null;
                    }
                    mcp = true;
                }
                default -> {
                    if (a.startsWith("--db=")) {
                        db = a.substring("--db=".length());
                    } else if (a.startsWith("--project=")) {
                        project = a.substring("--project=".length());
                    } else {
                        return null;
                    }
                }
            }
        }
        String passwordFile = env.get(DbPasswordFile.VARIABLE);
        if (!mcp || (passwordFile != null && !passwordFile.isBlank())) {
            return null;
        }
        Path dir = null;
        if (project != null) {
            try {
                dir = workingDirectory.resolve(project.strip()).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
            if (!Files.isDirectory(dir)) {
                return null; // ijoka mcp's own JVM says what is wrong with it
            }
        }
        return new Line(db, dir);
    }

    @Override
    public @Nullable String storeOf(List<String> args, Map<String, String> env, Path workingDirectory) {
        Line line = parse(args, env, workingDirectory);
        if (line == null) {
            return null;
        }
        try {
            return StoreLocation.choose(line.db(), env, workingDirectory).url();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void serve(List<String> args, Map<String, String> env, Path workingDirectory, ProcessHandle client,
            InputStream in, OutputStream out) {
        Line line = parse(args, env, workingDirectory);
        if (line == null) {
            return; // storeOf took it a moment ago: the same line parses the same way
        }
        McpMain.serveSession(new McpMain.Options(line.db(), line.project(), BuildVersion.read()), env, workingDirectory,
                client, engine, in, out);
    }
}
