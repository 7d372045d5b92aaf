package dev.ijoka.mcp.internal;

import dev.ijoka.mcp.McpOptions;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the directory a connection works in (DESIGN.md §4): the option if set, else the client's first
 * {@code file://} root when it offers roots, else {@code CLAUDE_PROJECT_DIR}, else the working directory.
 */
final class ProjectResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectResolver.class);

    /** Where the directory came from, for the log and for tests. */
    enum Source { OPTION, ROOTS, ENVIRONMENT, WORKING_DIRECTORY }

    record Resolved(Path directory, Source source) {}

    private final McpOptions options;

    ProjectResolver(McpOptions options) {
        this.options = options;
    }

    Resolved resolve(@Nullable McpSyncServerExchange exchange) {
        if (options.projectDirectory() != null) {
            return new Resolved(options.projectDirectory(), Source.OPTION);
        }
        Path root = exchange == null ? null : firstRoot(exchange);
        if (root != null) {
            return new Resolved(root, Source.ROOTS);
        }
        String env = options.environment().get(McpOptions.CLAUDE_PROJECT_DIR);
        if (env != null && !env.isBlank()) {
            Path dir = Path.of(env.strip());
            if (Files.isDirectory(dir)) {
                return new Resolved(dir, Source.ENVIRONMENT);
            }
            LOG.warn("{} is {}, which is not a directory; using the working directory", McpOptions.CLAUDE_PROJECT_DIR, env);
        }
        return new Resolved(options.workingDirectory(), Source.WORKING_DIRECTORY);
    }

    /** The client's first root that is a local directory, if it offers roots and answers in time. */
    private static @Nullable Path firstRoot(McpSyncServerExchange exchange) {
        McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
        if (caps == null || caps.roots() == null) {
            return null;
        }
        try {
            McpSchema.ListRootsResult result = exchange.listRoots();
            if (result == null || result.roots() == null) {
                return null;
            }
            for (McpSchema.Root root : result.roots()) {
                Path dir = directory(root.uri());
                if (dir != null) {
                    return dir;
                }
                LOG.debug("skipping root {}: not a local directory", root.uri());
            }
        } catch (RuntimeException e) {
            LOG.warn("the client offers roots but listing them failed ({}); falling back", e.toString());
        }
        return null;
    }

    static @Nullable Path directory(@Nullable String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            Path dir = Path.of(URI.create(uri));
            return Files.isDirectory(dir) ? dir : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
