package dev.ijoka.swing.internal.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import dev.ijoka.swing.internal.DesktopActions;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * A view's test bench: an engine on a real SQLite file in a temp directory whose store refuses every call
 * from the event-dispatch thread (and remembers it), a store executor, a project, a frame showing the view,
 * the live feed wired to the view as the window wires it, and screenshots. Until the shell's own guard lands,
 * this is how the views prove they never read the store on the event-dispatch thread.
 */
public final class ViewHarness {

    public final Path dir;
    public final String url;
    public final Ijoka ijoka;
    public final Project project;
    public final ExecutorService store = Executors.newSingleThreadExecutor(r -> new Thread(r, "store-reader"));
    public final RecordingActions actions = new RecordingActions();
    /** Store calls made on the event-dispatch thread: must stay empty. */
    public final List<String> edtStoreCalls = new CopyOnWriteArrayList<>();
    private JFrame frame;
    private Events.Subscription feed;

    public ViewHarness(Path dir) throws Exception {
        this.dir = dir;
        this.url = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        this.ijoka = Ijoka.builder().store(guarded(open(url))).build();
        this.project = ijoka.projects().open(Files.createDirectories(dir.resolve("project")));
        onEdt(FlatLightLaf::setup); // before any view is built, so that every component gets FlatLaf's UI
    }

    public ProjectId projectId() {
        return project.id();
    }

    /** A second engine on the same file: another writer, as far as the change feed goes. */
    public Ijoka otherWriter() {
        return Ijoka.builder().store(url).build();
    }

    private static Store open(String url) {
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
            if (p.supports(url)) {
                return p.open(url);
            }
        }
        throw new IllegalStateException("no store for " + url);
    }

    private Store guarded(Store real) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, m, args) -> {
            if (SwingUtilities.isEventDispatchThread() && !m.getName().equals("close") && !m.getName().equals("describe")) {
                String call = "Store." + m.getName() + " on the event-dispatch thread";
                edtStoreCalls.add(call);
                throw new IllegalStateException(call);
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Shows the component in a frame of its own and passes every committed event to {@code changed} on the EDT. */
    public void show(Supplier<JComponent> component, java.util.function.Consumer<List<Event>> changed) throws Exception {
        onEdt(() -> {
            frame = new JFrame("test");
            frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            frame.getContentPane().add(component.get());
            frame.setSize(new Dimension(1200, 760));
            frame.setLocation(0, 30);
            frame.setVisible(true);
        });
        feed = ijoka.events().subscribe(e -> SwingUtilities.invokeLater(() -> changed.accept(List.of(e))));
    }

    public JFrame frame() {
        return frame;
    }

    public void dark(boolean dark) throws Exception {
        onEdt(() -> {
            if (dark) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
            SwingUtilities.updateComponentTreeUI(frame);
        });
    }

    /** Paints the frame's content into {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) throws Exception {
        Path out = Path.of(System.getProperty("ijoka.screenshots", "target/screenshots")).resolve(name + ".png");
        Files.createDirectories(out.getParent());
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        onEdt(() -> {
            JComponent c = (JComponent) frame.getContentPane();
            c.doLayout();
            BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(UIManager.getColor("Panel.background"));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            c.paint(g);
            g.dispose();
            image.set(img);
        });
        ImageIO.write(image.get(), "png", out.toFile());
        return out;
    }

    public static void onEdt(ThrowingRunnable r) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    public static <T> T onEdtGet(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        onEdt(() -> out.set(s.get()));
        return out.get();
    }

    /** Waits (up to 10 s) until the condition, checked on the EDT, holds; the store executor's work is let through. */
    public static void await(String what, Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (onEdtGet(condition)) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(onEdtGet(condition)).as(what).isTrue();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public void close() throws Exception {
        if (feed != null) {
            feed.close();
        }
        if (frame != null) {
            onEdt(frame::dispose);
        }
        store.shutdownNow();
        store.awaitTermination(5, TimeUnit.SECONDS);
        ijoka.close();
        assertThat(edtStoreCalls).as("store calls on the event-dispatch thread").isEmpty();
    }

    /** The window's side of the views: records what they ask of it. */
    public static final class RecordingActions implements DesktopActions {
        public final List<FeatureId> openedFeatures = new CopyOnWriteArrayList<>();
        public final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void showWindow() {}

        @Override
        public void openInBrowser() {}

        @Override
        public void openProject(ProjectId project) {}

        @Override
        public void openFeature(ProjectId project, FeatureId feature) {
            openedFeatures.add(feature);
        }

        @Override
        public void tell(String message) {
            told.add(message);
        }

        @Override
        public void quit() {}
    }
}
