package dev.ijoka.app;

import dev.ijoka.claude.HookRelayServer;
import dev.ijoka.mcp.McpMain;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Puts the relay into {@code ijoka mcp}: once the server's engine is open, hooks and command lines on the same
 * store are handled by it rather than each opening the store ({@code docs/architecture.md}, "The hook relay").
 * Composed here because the MCP module knows nothing of Claude Code's hooks.
 */
final class HookRelay {

    private HookRelay() {}

    static McpMain.Companion companion(Path dataDirectory, PrintStream errors) {
        return (storeUrl, engine) -> CommandRelay.start(engine, storeUrl, dataDirectory, errors)
                .<AutoCloseable>map(server -> server)
                .orElse(() -> {});
    }
}
