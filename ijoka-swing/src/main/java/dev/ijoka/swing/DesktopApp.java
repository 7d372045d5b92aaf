package dev.ijoka.swing;

import dev.ijoka.Ijoka;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;

/**
 * The desktop app on an open engine: the front door {@code ijoka desktop} calls.
 *
 * <pre>{@code
 * DesktopApp app = DesktopApp.start(ijoka, server.address(), dataDirectory, () -> server.close());
 * app.open("ijoka://feature/shop/12");   // a link given on the command line or by a second launch
 * ...
 * app.close();                            // then close the web server and the engine
 * }</pre>
 *
 * Starting sets FlatLaf up (light or dark as the desktop says; {@code IJOKA_THEME=light|dark} overrides), shows
 * the window and starts following the engine's events. Store calls run on one thread of the app's own
 * ("ijoka-desktop-store"), never on the event-dispatch thread. The engine is the caller's: {@link #close()}
 * stops the app and leaves the engine open.
 */
public final class DesktopApp implements AutoCloseable {

    private final MainWindow window;
    private final ExecutorService storeExecutor;

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
        return start(ijoka, dashboard, dataDirectory, quit, System.getenv());
    }

    static DesktopApp start(Ijoka ijoka, URI dashboard, Path dataDirectory, Runnable quit, Map<String, String> env) {
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
        onEdtAndWait(() -> {
            Themes.install(dark);
            built[0] = new MainWindow(ijoka, storeExecutor, dashboard, dataDirectory, quit, ReasonPrompt.DIALOG);
            built[0].open();
        });
        return new DesktopApp(built[0], storeExecutor);
    }

    /** What the tray, notifications and links ask of the window; callable from any thread. */
    public DesktopActions actions() {
        return window;
    }

    /**
     * Opens an {@code ijoka://} link: given on the command line, or handed over by a second launch. Until the
     * link resolver is wired in, the window says which link it was asked to open and changes nothing.
     */
    public void open(String link) {
        window.tell("Cannot open " + link + " yet: this build of the desktop app does not follow ijoka:// links.");
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
