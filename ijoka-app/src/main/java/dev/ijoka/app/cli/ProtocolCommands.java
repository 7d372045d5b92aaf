package dev.ijoka.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ijoka hook} and {@code ijoka mcp}, listed here for help only: {@code Main} hands them to their
 * own entry points before the command line is built, since they must start fast and keep stdout for
 * their protocol.
 */
final class ProtocolCommands {

    private ProtocolCommands() {}

    @Command(name = "hook",
            description = {"Handles one Claude Code hook event (JSON on stdin); 'ijoka init' configures it. Prints only "
                    + "what Claude Code reads, and always exits 0."})
    static final class Hook implements Runnable {
        @Unmatched
        @SuppressWarnings("unused")
        java.util.List<String> ignored;

        @Override
        public void run() {
            throw new IllegalStateException("ijoka hook runs through Main, not picocli");
        }
    }

    @Command(name = "mcp",
            description = {"Serves Ijoka's MCP tools on stdin/stdout until stdin closes: "
                    + "claude mcp add ijoka -- ijoka mcp. Options: --db URL, --project DIR."})
    static final class Mcp implements Runnable {
        @Unmatched
        @SuppressWarnings("unused")
        java.util.List<String> ignored;

        @Override
        public void run() {
            throw new IllegalStateException("ijoka mcp runs through Main, not picocli");
        }
    }
}
