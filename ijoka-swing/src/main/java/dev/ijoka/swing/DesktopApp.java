package dev.ijoka.swing;

import dev.ijoka.Ijoka;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.integration.DesktopIntegration;
import dev.ijoka.swing.internal.ui.PaintTrace;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app on an open engine: the front door {@code ijoka desktop} calls.
 *
 * <pre>{@code
 * try (SingleInstance instance = SingleInstance.claim(dataDirectory, link).orElseThrow()) {  // before the engine
 *     DesktopApp app = DesktopApp.start(ijoka, server.address(), dataDirectory, () -> server.close(), instance);
 *     app.open("ijoka://feature/shop/12");   // a link given on the command line; a second launch's come by itself
 * ...
 * app.close();                            // then close the web server and the engine
 * }</pre>
 *
 * Starting sets FlatLaf up (light or dark as the desktop says; {@code IJOKA_THEME=light|dark} overrides), shows
 * the window, starts following the engine's events, and, once the window has painted, starts the tray icon,
 * desktop notifications and the hand-off of later launches' links ({@code DesktopIntegration}). Store calls run on one thread of the app's own
 * ("ijoka-desktop-store"), never on the event-dispatch thread. The engine is the caller's: {@link #close()}
 * stops the app and leaves the engine open.
 */
public final class DesktopApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    /** The longest the tray and notifications wait for the first paint (a window that never paints its Board). */
    private static final long INTEGRATION_AT_THE_LATEST_SECONDS = 10;

    private final MainWindow window;
    private final ExecutorService storeExecutor;
    /** The tray, notifications and hand-offs: started after the window's first paint (see {@link #start}). */
    private final CompletableFuture<DesktopIntegration> desktop = new CompletableFuture<>();
    private boolean closed;

    private DesktopApp(MainWindow window, ExecutorService storeExecutor) {
        this.window = window;
        this.storeExecutor = storeExecutor;
    }

    /**
     * Shows the window on {@code ijoka}.
     *
     * @param dashboard the web dashboard this process serves, for "Open in browser"
     * @param dataDirectory Ijoka's data directory, where the window keeps its preferences ({@code desktop.properties})
     * @param quit stops the process: called (off the event-dispatch thread) by Quit, and by closing the window
     *     while no tray keeps the app
     */
    public static DesktopApp start(Ijoka ijoka, URI dashboard, Path dataDirectory, Runnable quit) {
        return start(ijoka, CompletableFuture.completedFuture(dashboard), dataDirectory, quit, null, System.getenv());
    }

    /**
     * The same, as the one desktop app of this user: links that later launches hand to {@code instance} are
     * opened here (the caller closes the instance after {@link #close()}).
     */
    public static DesktopApp start(Ijoka ijoka, URI dashboard, Path dataDirectory, Runnable quit,
            @Nullable SingleInstance instance) {
        return start(ijoka, CompletableFuture.completedFuture(dashboard), dataDirectory, quit, instance, System.getenv());
    }

    /**
     * The same, with the dashboard's address to come: {@code ijoka desktop} starts its web server after the window's
     * {@link #firstPainted() first paint}, so that the two do not share the start's CPU. "Open in browser" says the
     * dashboard is starting until {@code dashboard} completes, and why it is not running if it fails.
     */
    public static DesktopApp start(Ijoka ijoka, CompletionStage<URI> dashboard, Path dataDirectory, Runnable quit,
            @Nullable SingleInstance instance) {
        return start(ijoka, dashboard, dataDirectory, quit, instance, System.getenv());
    }

    static DesktopApp start(Ijoka ijoka, URI dashboard, Path dataDirectory, Runnable quit,
            @Nullable SingleInstance instance, Map<String, String> env) {
        return start(ijoka, CompletableFuture.completedFuture(dashboard), dataDirectory, quit, instance, env);
    }

    static DesktopApp start(Ijoka ijoka, CompletionStage<URI> dashboard, Path dataDirectory, Runnable quit,
            @Nullable SingleInstance instance, Map<String, String> env) {
        Objects.requireNonNull(ijoka, "ijoka");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(quit, "quit");
        boolean dark = Themes.startDark(env);
        ExecutorService storeExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ijoka-desktop-store");
            t.setDaemon(true);
            return t;
        });
        MainWindow[] built = new MainWindow[1];
        PaintTrace.say("desktop-start");
        onEdtAndWait(() -> {
            Themes.install(dark);
            PaintTrace.say("theme-installed");
            built[0] = new MainWindow(ijoka, storeExecutor, dashboard, dataDirectory, quit, ReasonPrompt.DIALOG);
            PaintTrace.say("window-built");
            built[0].open();
            PaintTrace.say("window-shown");
        });
        DesktopApp app = new DesktopApp(built[0], storeExecutor);
        // Until the tray is up, closing the window keeps the app if a tray is there to take it.
        built[0].keepInTrayWhenClosed(!GraphicsEnvironment.isHeadless() && SystemTray.isSupported());
        // The tray icon and D-Bus notifications load some 300 classes and read the store: after the first paint, so
        // that the window's start does not wait for them (docs/benchmarks.md, "Desktop app").
        app.firstPainted().toCompletableFuture().copy()
                .completeOnTimeout(null, INTEGRATION_AT_THE_LATEST_SECONDS, TimeUnit.SECONDS)
                .thenRun(() -> Thread.ofPlatform().daemon().name("ijoka-desktop-integration")
                        .start(() -> app.integrate(ijoka, instance)));
        return app;
    }

    private synchronized void integrate(Ijoka ijoka, @Nullable SingleInstance instance) {
        if (closed) {
            return;
        }
        PaintTrace.say("integration-start");
        DesktopIntegration started;
        try {
            started = DesktopIntegration.start(ijoka, window, storeExecutor, instance);
        } catch (RuntimeException e) {
            LOG.warn("the tray, notifications and links could not start", e);
            desktop.completeExceptionally(e);
            return;
        }
        // With an icon in the tray, closing the window leaves the app there; without one, closing quits.
        window.keepInTrayWhenClosed(started.inTray());
        started.trayAbsentMessage().ifPresent(window::tell);
        desktop.complete(started);
        PaintTrace.say("integration-started");
    }

    /**
     * Completes once the window has painted what it opened on (the first project's Board with its cards, or an
     * empty project list); from then on the tray and notifications start, and {@code ijoka desktop} starts its
     * web server.
     */
    public CompletionStage<Void> firstPainted() {
        return window.firstShown();
    }

    /**
     * The training run of the launcher's start-up cache for {@code ijoka desktop} (JDK 25's AOT cache, made by
     * {@code ijoka aot-training desktop}): does what {@link #start} does up to the Board's first paint, in both
     * themes, on the first project of {@code ijoka}, but paints the window into an image instead of showing it, and
     * starts no tray or notifications, so that a training run in the background never shows anything. Returns
     * once the Board has been painted with its cards (or after {@code timeout}); the engine stays open.
     */
    public static void train(Ijoka ijoka, Path dataDirectory, Duration timeout) throws InterruptedException {
        ExecutorService storeExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ijoka-desktop-store");
            t.setDaemon(true);
            return t;
        });
        MainWindow[] built = new MainWindow[1];
        try {
            onEdtAndWait(() -> {
                Themes.install(false);
                built[0] = new MainWindow(ijoka, storeExecutor, URI.create("http://127.0.0.1:4000/"), dataDirectory,
                        () -> { }, ReasonPrompt.DIALOG);
                built[0].open(false);
            });
            MainWindow window = built[0];
            CompletableFuture<Void> shown = window.firstShown().toCompletableFuture();
            BufferedImage image = new BufferedImage(1440, 900, BufferedImage.TYPE_INT_RGB);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!shown.isDone() && System.nanoTime() < deadline) {
                onEdtAndWait(() -> paint(window, image));
                Thread.sleep(50);
            }
            onEdtAndWait(() -> {
                Themes.switchTo(true);
                paint(window, image);
                Themes.switchTo(false);
                paint(window, image);
            });
        } finally {
            if (built[0] != null) {
                onEdtAndWait(built[0]::dispose);
            }
            storeExecutor.shutdown();
            storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void paint(MainWindow window, BufferedImage image) {
        JRootPane root = window.frame().getRootPane();
        root.setSize(image.getWidth(), image.getHeight());
        root.validate();
        Graphics2D g = image.createGraphics();
        try {
            root.paint(g);
        } finally {
            g.dispose();
        }
    }

    /** What the tray, notifications and links ask of the window; callable from any thread. */
    public DesktopActions actions() {
        return window;
    }

    /**
     * Opens an {@code ijoka://} link given on the command line: the project or feature comes to the front; a bad
     * link, an unknown feature or a folder outside every project is said in the window and changes nothing.
     */
    public void open(String link) {
        desktop.thenAccept(d -> d.openLink(link));
    }

    /**
     * Tells the user that a newer Ijoka exists: a notification with what changed, and an item in the tray's menu
     * that downloads it when picked. From any thread; a later offer replaces the item.
     */
    public void offerUpdate(UpdateOffer offer) {
        desktop.thenAccept(d -> d.offerUpdate(offer));
    }

    /** The window (for tests in this package). */
    MainWindow window() {
        return window;
    }

    /** Whether closing the window keeps the app running (true once a tray icon exists); otherwise closing quits. */
    public void keepRunningWhenClosed(boolean value) {
        window.keepInTrayWhenClosed(value);
    }

    /** Closes the window and stops the app's threads; the engine stays open. */
    @Override
    public void close() {
        DesktopIntegration started;
        synchronized (this) {
            closed = true; // an integration not started yet never starts
            started = desktop.isDone() && !desktop.isCompletedExceptionally() ? desktop.join() : null;
        }
        if (started != null) {
            started.close();
        }
        onEdtAndWait(window::dispose);
        storeExecutor.shutdown();
        try {
            storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void onEdtAndWait(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the window was being built", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the window could not be built: " + cause, cause);
        }
    }
}
