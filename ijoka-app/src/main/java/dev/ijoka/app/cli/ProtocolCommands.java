package dev.ijoka.app.cli;

import dev.ijoka.app.ExitCodes;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ijoka hook} and {@code ijoka mcp} in the command line, for help and for lines that give them
 * more than the global options: with the global options alone ({@code ijoka --db URL mcp}, {@code ijoka
 * hook -v}) {@code Main} starts them without the command line, since they must start fast and keep stdout
 * for their protocol.
 */
final class ProtocolCommands {

    private ProtocolCommands() {}

    @Command(name = "hook",
            description = {"Handles one Claude Code hook event (JSON on stdin); 'ijoka init' configures it. Prints only "
                    + "what Claude Code reads, and always exits 0, even on a bad option (it says so on stderr). "
                    + "--project names the project when the event does not (its cwd wins)."})
    static final class Hook implements Callable<Integer> {
        private final CommandContext ctx;

        @Inject
        Hook(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.err().println("ijoka hook: takes no arguments but the global options (--db, --project, -v); nothing recorded");
            return ExitCodes.OK;
        }
    }

    @Command(name = "mcp",
            description = {"Serves Ijoka's MCP tools on stdin/stdout until stdin closes: "
                    + "claude mcp add ijoka -- ijoka mcp. Takes the global options: --db URL, --project DIR, -v."})
    static final class Mcp implements Callable<Integer> {
        private final CommandContext ctx;

        @Inject
        Mcp(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.err().println("ijoka mcp: takes no arguments but the global options (--db, --project, -v)");
            return ExitCodes.USAGE;
        }
    }
}
