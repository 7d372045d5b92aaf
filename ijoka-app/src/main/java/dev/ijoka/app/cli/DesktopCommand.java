package dev.ijoka.app.cli;

import dev.ijoka.app.ExitCodes;
import dev.ijoka.swing.DesktopApp;
import dev.ijoka.swing.SchemeRegistration;
import dev.ijoka.swing.SingleInstance;
import dev.ijoka.web.WebServer;
import jakarta.inject.Inject;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ijoka desktop}: the desktop window on the engine, with the web dashboard served in the same process
 * (exactly as {@code ijoka serve} serves it), until Quit.
 */
@Command(name = "desktop",
        description = "Opens the desktop app: a window with your projects, their board, table and feature details, "
                + "live. The web dashboard runs in the same process (as with 'ijoka serve', on the first free port from "
                + "4000 to 4100 unless --port names one), so 'Open in browser' and agents' MCP over HTTP work while the "
                + "window is open. Quit (File > Quit, Ctrl+Q) stops both and closes the store cleanly. The theme follows "
                + "the desktop's light or dark setting; IJOKA_THEME=light or dark chooses one.",
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka desktop", "  ijoka desktop --port 4321", "  ijoka desktop ijoka://feature/shop/12",
                "  ijoka desktop --register"})
final class DesktopCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N",
            description = "The dashboard listens on exactly this port (fails if it is taken). Default: the first free port from 4000 to 4100.")
    @Nullable Integer port;

    @Option(names = "--register",
            description = "Registers Ijoka as the handler of ijoka:// links in this desktop (a .desktop file with "
                    + "x-scheme-handler/ijoka, made the default), then exits. Safe to run again.")
    boolean register;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "An ijoka:// link to open once the window is up, e.g. ijoka://feature/shop/12.")
    @Nullable String link;

    /** How long the dashboard waits for the window's first paint before it starts anyway. */
    private static final Duration FIRST_PAINT_AT_THE_LATEST = Duration.ofSeconds(10);

    private final CommandContext ctx;

    @Inject
    DesktopCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 1 || port > 65535)) {
            ctx.err().println("ijoka: --port must be between 1 and 65535, got " + port);
            return ExitCodes.USAGE;
        }
        if (link != null && !link.startsWith("ijoka://")) {
            ctx.err().println("ijoka: " + link + " is not an ijoka:// link: give e.g. ijoka://feature/shop/12, or nothing");
            return ExitCodes.USAGE;
        }
        if (register) {
            SchemeRegistration.Result done = SchemeRegistration.register(SchemeRegistration.currentLauncher());
            ctx.out().println(done.summary());
            return ExitCodes.OK;
        }
        if (GraphicsEnvironment.isHeadless()) {
            ctx.err().println("ijoka: the desktop app needs a display, and this session has none (no DISPLAY or "
                    + "WAYLAND_DISPLAY): run it in your desktop session, or use 'ijoka serve' for the web dashboard");
            return ExitCodes.USAGE;
        }
        // One desktop app per user: a later launch hands its link (or "show yourself") to the running one and
        // exits, before it opens the engine.
        Optional<SingleInstance> claimed;
        try {
            claimed = SingleInstance.claim(ctx.dataDirectory(), link);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            ctx.err().println("ijoka: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (claimed.isEmpty()) {
            ctx.out().println("Ijoka desktop is already open: " + (link == null ? "brought it to the front" : "handed it " + link));
            return ExitCodes.OK;
        }
        try (SingleInstance instance = claimed.get()) {
            return run(instance);
        }
    }

    private Integer run(SingleInstance instance) throws InterruptedException {
        // The web dashboard is for "Open in browser" and agents' MCP over HTTP: it starts after the window's first
        // paint, without the warm-up render ijoka serve does, so that the window does not share the start's CPU
        // with it (docs/benchmarks.md, "Desktop app"). A --port the user named is tried first: a taken port is
        // then said before any window opens, as before.
        ServedDashboard dashboard = ServedDashboard.build(ctx, null, port, "desktop", false);
        CompletableFuture<URI> address = new CompletableFuture<>();
        if (port != null) {
            if (!dashboard.listen()) {
                dashboard.close();
                return ExitCodes.INVALID_INPUT;
            }
            address.complete(dashboard.server().address());
        }
        // Quit (menu, tray, or closing the window without a tray) stops the server; this thread then closes the
        // window and, with the dashboard, the engine. Ctrl-C and POST /api/shutdown take the same road.
        try (dashboard) {
            WebServer server = dashboard.server();
            DesktopApp app = DesktopApp.start(ctx.engine(), address, ctx.dataDirectory(), server::close, instance);
            DesktopUpdates updates = DesktopUpdates.NONE;
            try {
                if (link != null) {
                    app.open(link);
                }
                awaitFirstPaint(app);
                if (!address.isDone()) {
                    if (dashboard.listen()) {
                        address.complete(server.address());
                    } else {
                        address.completeExceptionally(new IllegalStateException(
                                "no free port from 4000 to 4100: start Ijoka with --port N"));
                    }
                }
                updates = DesktopUpdates.start(ctx.env().variables(), ctx.dataDirectory(), app);
                ctx.out().println("Ijoka desktop is open. " + (address.isCompletedExceptionally()
                        ? "No dashboard (no free port from 4000 to 4100)." : "Dashboard: " + server.address())
                        + "   Stop: Quit in the window");
                ctx.out().flush();
                dashboard.awaitShutdown();
            } finally {
                updates.close();
                app.close();
            }
        }
        return ExitCodes.OK;
    }

    /** Until the window has painted its Board (or its empty list), at most a few seconds; then the rest starts. */
    private static void awaitFirstPaint(DesktopApp app) throws InterruptedException {
        try {
            app.firstPainted().toCompletableFuture().get(FIRST_PAINT_AT_THE_LATEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a window that has not painted by now does not hold the dashboard back any longer
        }
    }
}
