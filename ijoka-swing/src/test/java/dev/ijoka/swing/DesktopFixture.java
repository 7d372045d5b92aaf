package dev.ijoka.swing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.jspecify.annotations.Nullable;

/**
 * A desktop test's world, all real: a SQLite file, an engine whose store refuses the event-dispatch thread
 * ({@link EdtGuard}), a git checkout registered as a project, and the window on the test's X display. Closing it
 * fails the test if anything touched the store on the event-dispatch thread.
 */
public final class DesktopFixture implements AutoCloseable {

    public final Path dir;
    public final Path dataDirectory;
    public final Path database;
    public final Ijoka ijoka;
    public final Project project;
    /** The answer the next "why?" gets; null cancels. */
    public final AtomicReference<@Nullable String> reason = new AtomicReference<>("waiting for the API key");
    public final AtomicInteger quits = new AtomicInteger();
    private final ExecutorService storeExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-desktop-store");
        t.setDaemon(true);
        return t;
    });
    private @Nullable MainWindow window;

    public DesktopFixture(Path dir) {
        this.dir = dir;
        this.dataDirectory = dir.resolve("home");
        this.database = dir.resolve("ijoka.db");
        EdtGuard.reset();
        this.ijoka = EdtGuard.open(database);
        this.project = ijoka.projects().open(gitCheckout(dir.resolve("shop")));
    }

    /** A real git checkout (git init), so the project is what a person would add. */
    public static Path gitCheckout(Path folder) {
        try {
            Files.createDirectories(folder);
            Process p = new ProcessBuilder("git", "init", "-q", folder.toString()).inheritIO().start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("git init " + folder).isTrue();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shows the window (light theme unless switched), as DesktopApp builds it, and waits until the project is shown. */
    public MainWindow window() {
        if (window == null) {
            ReasonPrompt prompt = (parent, question) -> reason.get();
            window = edt(() -> {
                Themes.install(false);
                MainWindow w = new MainWindow(ijoka, storeExecutor, URI.create("http://127.0.0.1:4000/"), dataDirectory,
                        quits::incrementAndGet, prompt);
                w.open();
                return w;
            });
            MainWindow w = window;
            await("the project is shown", () -> w.currentProject().isPresent());
        }
        return window;
    }

    /** Runs on the event-dispatch thread and returns the result. */
    public static <T> T edt(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    public static void edtRun(Runnable work) {
        edt(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (up to 10 s) until the condition, checked on the event-dispatch thread, holds. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!edt(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Lets the store thread and the event-dispatch thread finish what is queued. */
    public void settle() {
        try {
            storeExecutor.submit(() -> { }).get(10, TimeUnit.SECONDS);
            edtRun(() -> { });
            storeExecutor.submit(() -> { }).get(10, TimeUnit.SECONDS);
            edtRun(() -> { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paints the component into target/screenshots/{name}.png: look at it. */
    public static Path screenshot(Component c, String name) {
        Path out = Path.of(System.getProperty("ijoka.screenshots", "target/screenshots")).resolve(name + ".png");
        BufferedImage image = edt(() -> {
            c.validate();
            BufferedImage img = new BufferedImage(Math.max(1, c.getWidth()), Math.max(1, c.getHeight()), BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            c.paint(g);
            g.dispose();
            return img;
        });
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        MainWindow w = window;
        if (w != null) {
            edtRun(w::dispose);
        }
        storeExecutor.shutdown();
        try {
            storeExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ijoka.close();
        assertThat(EdtGuard.violations()).as("store calls on the event-dispatch thread").isEmpty();
    }
}
