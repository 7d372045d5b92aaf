package dev.ijoka.app.cli;

import dev.ijoka.app.CommandRelay;
import dev.ijoka.claude.HookRelayServer;
import dev.ijoka.web.WebServer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The web dashboard that {@code serve} and {@code desktop} run in their own process, and the one road by which
 * it stops: {@code POST /api/shutdown}, Quit, or Ctrl-C all stop the server; the command's thread, waiting in
 * {@link #awaitShutdown()}, then closes the engine, and {@link #close()} lets a Ctrl-C's hook finish only after
 * that, so the store is always closed cleanly.
 */
final class ServedDashboard implements AutoCloseable {

    private final WebServer server;
    private final CommandContext ctx;
    private final CountDownLatch engineClosed = new CountDownLatch(1);
    private final Thread hook;
    /** Hooks and command lines on the same store, handled by this process's engine (docs/architecture.md, the relay). */
    private final Optional<HookRelayServer> relay;

    private ServedDashboard(WebServer server, CommandContext ctx, String face) {
        this.server = server;
        this.ctx = ctx;
        this.relay = CommandRelay.start(ctx.engine(), ctx.store().url(), ctx.dataDirectory(), ctx.err());
        // Ctrl-C: stop the server, then give the command's thread the time to close the engine.
        this.hook = Thread.ofPlatform().name("ijoka-" + face + "-shutdown").unstarted(() -> {
            server.close();
            try {
                engineClosed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Opens the engine and starts the dashboard on it, as {@code serve} always has (the first free port from 4000
     * unless {@code port} names one); empty, with the reason said on stderr, when it cannot listen.
     *
     * @param face names the shutdown hook's thread: {@code serve}, {@code desktop}
     */
    static Optional<ServedDashboard> start(CommandContext ctx, @Nullable String host, @Nullable Integer port, String face) {
        ServedDashboard dashboard = build(ctx, host, port, face, true);
        if (!dashboard.listen()) {
            dashboard.discard();
            return Optional.empty();
        }
        return Optional.of(dashboard);
    }

    /**
     * The dashboard built but not listening yet, its stop already wired (Ctrl-C, {@link #close()}): {@code desktop}
     * shows its window first and calls {@link #listen()} after the window's first paint.
     *
     * @param warmUp whether the server renders its start page once in the background when it starts
     *     ({@link WebServer.Builder#warmUp}): {@code serve} does, {@code desktop} does not
     */
    static ServedDashboard build(CommandContext ctx, @Nullable String host, @Nullable Integer port, String face,
            boolean warmUp) {
        WebServer.Builder builder = WebServer.builder(ctx.engine())
                .dataDirectory(ctx.dataDirectory())
                .projectDirectory(ctx.env().workingDirectory())
                .version(VersionProvider.version())
                .warmUp(warmUp);
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(port);
        }
        return new ServedDashboard(builder.build(), ctx, face);
    }

    /** Starts listening; false, with the reason said on stderr, when it cannot. */
    boolean listen() {
        try {
            server.start();
            return true;
        } catch (IllegalStateException e) {
            ctx.err().println("ijoka: " + e.getMessage());
            return false;
        }
    }

    /** Forgets a dashboard that never listened, leaving the engine open (the command says why it stops). */
    private void discard() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    WebServer server() {
        return server;
    }

    /** Until the server stops: {@code POST /api/shutdown}, Quit, or Ctrl-C. */
    void awaitShutdown() throws InterruptedException {
        server.awaitShutdown();
    }

    /** Stops the server and closes the engine, cleanly, whichever way the dashboard was stopped. */
    @Override
    public void close() {
        server.close();
        relay.ifPresent(HookRelayServer::close);
        ctx.close();
        engineClosed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running
        }
    }
}
