package dev.ijoka.app.cli;

import dev.ijoka.app.ExitCodes;
import dev.ijoka.app.engine.BackgroundEngine;
import dev.ijoka.app.engine.EngineFiles;
import dev.ijoka.app.engine.EngineState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ijoka engine}: the background engine that the launcher starts for the command line ({@link BackgroundEngine}),
 * and {@code ijoka engine --stop}. Hidden from the list of commands: people do not start it; docs/cli.md describes it.
 */
@Command(name = "engine", hidden = true,
        description = {"Holds the store open in the background and runs the commands handed to it (next, status, feature, "
                + "dep, ...), as a running 'ijoka serve' does, without the web server. The ijoka launcher starts it by itself "
                + "when a command finds none; it stops after 15 minutes without a request, when Ijoka is upgraded, or when "
                + "asked. IJOKA_NO_ENGINE=1 (or a file named engine.off in the data directory) keeps the launcher from "
                + "starting it. SQLite stores only. Writes nothing on stdout; the launcher sends what it says to engine.log "
                + "in the data directory."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka engine --stop      stop every background engine of this data directory",
            "  ijoka doctor             says whether one runs"})
final class EngineCommand implements Callable<Integer> {

    @Option(names = "--stop", description = "Stop the background engines of this data directory, and wait until they have.")
    boolean stop;

    @Option(names = "--idle", paramLabel = "SECONDS",
            description = "Stop after this long without a request (default: 900, or the environment variable "
                    + BackgroundEngine.IDLE_VARIABLE + ").")
    @Nullable Integer idle;

    private final CommandContext ctx;

    @Inject
    EngineCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        EngineFiles files = new EngineFiles(ctx.dataDirectory());
        if (stop) {
            return stop(files);
        }
        BackgroundEngine.Settings settings = BackgroundEngine.Settings.of(idle, ctx.env().variables());
        return BackgroundEngine.run(ctx.store(), files, settings, ctx::engine, ctx.err());
    }

    private int stop(EngineFiles files) {
        List<EngineState> running = files.running();
        for (EngineState engine : running) {
            Optional<ProcessHandle> process = ProcessHandle.of(engine.pid());
            if (process.isEmpty() || !process.get().destroy()) { // SIGTERM: it finishes what it runs, then closes
                continue;
            }
            if (process.get().onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join() == null) {
                ctx.err().println("ijoka: the background engine (pid " + engine.pid() + ") did not stop within 20 s; "
                        + "kill -9 " + engine.pid() + " stops it");
                return ExitCodes.INTERNAL;
            }
            ctx.out().println("Stopped the background engine (pid " + engine.pid() + ") on " + engine.store() + ".");
        }
        if (running.isEmpty()) {
            ctx.out().println("No background engine runs.");
        }
        return ExitCodes.OK;
    }
}
