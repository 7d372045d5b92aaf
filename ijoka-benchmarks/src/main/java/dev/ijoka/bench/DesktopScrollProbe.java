package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.swing.DesktopApp;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.Window;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Frame times while scrolling the desktop app's Board and Table (for {@link DesktopBenchmark}, which starts it in
 * its X session with {@code DISPLAY} set). Opens the window as {@code ijoka desktop} does ({@code DesktopApp.start})
 * on the given SQLite store, waits until the view holds the project's features, then scrolls each view down by
 * {@value #STEP} pixels a frame, {@code frames} frames, one frame per event-dispatch-thread task so other events
 * run between frames as they would. A frame's time is measured on the event-dispatch thread: the view position
 * set, the dirty region painted by Swing's RepaintManager, the pixels flushed to the X server
 * ({@code Toolkit.sync}). Against a 60 Hz display's 16.7 ms budget: a frame over it is a dropped frame. Both the
 * wall time and the event-dispatch thread's CPU time are reported: on a machine other work keeps busy, the wall
 * time mostly measures the wait for a core.
 *
 * <pre>java -cp benchmarks.jar dev.ijoka.bench.DesktopScrollProbe STORE.db DATA_DIR FRAMES</pre>
 */
public final class DesktopScrollProbe {

    /** Pixels a frame: 2,400 px/s at 60 frames a second, a brisk wheel or trackpad scroll. */
    static final int STEP = 40;
    static final double BUDGET_MS = 1000.0 / 60;

    private DesktopScrollProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the window's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path data = Files.createDirectories(Path.of(args[1]));
        int frames = Integer.parseInt(args[2]);
        Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build();
        DesktopApp app = DesktopApp.start(ijoka, URI.create("http://127.0.0.1:9/"), data, () -> { });
        int features = ijoka.features().list(ijoka.projects().list().getFirst().id()).size();
        JList<?> pending = (JList<?>) await("board.pending");
        awaitLoaded(() -> pending.getModel().getSize() > 0, "the Board");
        Thread.sleep(2000);
        int cards = onEdt(() -> pending.getModel().getSize());
        report("Board, Pending column (" + cards + " cards)", scroll(pending, frames));
        onEdt(() -> { // the Table is built when its tab is first chosen
            JTabbedPane tabs = (JTabbedPane) SwingUtilities.getAncestorOfClass(JTabbedPane.class, pending);
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (tabs.getTitleAt(i).equals("Table")) {
                    tabs.setSelectedIndex(i);
                }
            }
            return null;
        });
        JTable table = (JTable) await("table");
        awaitLoaded(() -> table.getRowCount() == features, "the Table"); // a view reads its project when its tab is chosen
        Thread.sleep(2000);
        report("Table (" + features + " rows)", scroll(table, frames));
        app.close();
        ijoka.close();
    }

    /** Wall time and the event-dispatch thread's CPU time of each frame. */
    record Frames(long[] wall, long[] cpu) {}

    private static void awaitLoaded(java.util.concurrent.Callable<Boolean> loaded, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!onEdt(loaded)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not load in 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static Frames scroll(JComponent view, int frames) throws Exception {
        JViewport port = (JViewport) view.getParent();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[frames];
        long[] cpu = new long[frames];
        int[] y = {0};
        for (int i = 0; i < frames; i++) {
            int frame = i;
            onEdt(() -> {
                int bottom = Math.max(0, view.getHeight() - port.getExtentSize().height);
                y[0] = y[0] + STEP > bottom ? 0 : y[0] + STEP;
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                port.setViewPosition(new Point(0, y[0]));
                RepaintManager.currentManager(port).paintDirtyRegions();
                Toolkit.getDefaultToolkit().sync();
                nanos[frame] = System.nanoTime() - start;
                cpu[frame] = threads.getCurrentThreadCpuTime() - startCpu;
                return null;
            });
        }
        return new Frames(nanos, cpu);
    }

    private static void report(String what, Frames frames) {
        System.out.printf(Locale.ROOT, "%s, %d frames of %d px, against %.1f ms a frame:%n", what, frames.wall().length, STEP, BUDGET_MS);
        line("  wall time", frames.wall());
        line("  EDT CPU time", frames.cpu());
    }

    private static void line(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long over = Arrays.stream(sorted).filter(t -> t / 1e6 > BUDGET_MS).count();
        System.out.printf(Locale.ROOT, "%-16s median %6.2f ms, p95 %6.2f ms, p99 %6.2f ms, max %7.2f ms; %d over budget%n",
                what, sorted[n / 2] / 1e6, sorted[(int) Math.ceil(0.95 * n) - 1] / 1e6,
                sorted[(int) Math.ceil(0.99 * n) - 1] / 1e6, sorted[n - 1] / 1e6, over);
    }

    private static Component await(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            Component found = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    Component c = find(w, name);
                    if (c != null) {
                        return c;
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no component named " + name + " in the window");
    }

    private static Component find(Container root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
