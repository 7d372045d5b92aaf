package dev.ijoka.app.cli;

import dev.ijoka.Ijoka;
import dev.ijoka.app.ExitCodes;
import dev.ijoka.domain.Project;
import dev.ijoka.web.WebServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ijoka serve}: the web dashboard (and MCP over HTTP) until Ctrl-C or {@code POST /api/shutdown}. */
@Command(name = "serve",
        description = "Serves the web dashboard on localhost until Ctrl-C: Kanban, graph, timeline, table and rules, live. "
                + "Also the JSON API (/api) and the MCP tools over Streamable HTTP (/mcp). The port is the first free one "
                + "from 4000 to 4100 unless --port names one; the address and this launch's token go to server.json in the "
                + "data directory, readable by you alone.",
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka serve", "  ijoka serve --port 4321", "  curl http://127.0.0.1:4000/api/health"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N",
            description = "Listen on exactly this port (fails if it is taken). Default: the first free port from 4000 to 4100.")
    @Nullable Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback shows your plan "
                    + "to the network: the server still answers only requests addressed to this address or localhost.")
    String host = "127.0.0.1";

    private final CommandContext ctx;

    @Inject
    ServeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 1 || port > 65535)) {
            ctx.err().println("ijoka: --port must be between 1 and 65535, got " + port);
            return ExitCodes.USAGE;
        }
        if (!WebServer.isLoopback(host)) {
            ctx.err().println("WARNING: listening on " + host + ", not on loopback: anyone who can reach this machine "
                    + "on that address can see the dashboard. Use --host 127.0.0.1 unless you mean it.");
        }
        Optional<ServedDashboard> started = ServedDashboard.start(ctx, host, port, "serve");
        if (started.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        try (ServedDashboard dashboard = started.get()) {
            WebServer server = dashboard.server();
            // The address is printed once the start page has been rendered: the first page a person opens is
            // then as fast as every later one (about a second sooner otherwise at 10,000 features).
            server.awaitWarmUp(Duration.ofSeconds(10));
            ctx.out().println("Ijoka dashboard: " + server.address());
            ctx.out().println(projectLine());
            ctx.out().println("MCP over HTTP: " + server.address().resolve("/mcp") + "   Stop: Ctrl-C");
            ctx.out().flush();
            dashboard.awaitShutdown();
        } // closes the engine now, cleanly, whether stopped by Ctrl-C or POST /api/shutdown
        ctx.out().println("Ijoka dashboard stopped.");
        return ExitCodes.OK;
    }

    private String projectLine() {
        if (!ctx.projectExists()) {
            return "Project: none here yet (add one with: ijoka feature add \"...\" or ijoka import feature_list.json)";
        }
        Project p = ctx.project(false);
        return "Project: " + p.name() + " (" + p.root() + ")";
    }
}
