package dev.ijoka.swing.internal.tray;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.internal.DesktopActions;
import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ItemEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray icon. Its tooltip shows each project's progress and what is in progress; its menu has Open, Open in
 * browser, Pause notifications, a line per project (which opens it) and Quit, wired to {@link DesktopActions}.
 * It follows the engine's events (of any process on the store): each batch of changes is read again on the store
 * executor, and the icon updated on the event-dispatch thread.
 *
 * <pre>{@code
 * switch (Tray.start(SystemTray.isSupported(), ijoka, actions, storeExecutor, notifier::setPaused)) {
 *     case TrayStatus.Shown shown -> keepInTrayOnClose();
 *     case TrayStatus.Absent absent -> window.tellOnce(absent.message());
 * }
 * }</pre>
 */
public final class Tray implements AutoCloseable {

    /** What the window says, once, on a desktop without a tray. */
    public static final String NO_TRAY = "This desktop has no system tray, so Ijoka runs as a window only: "
            + "closing the window quits, and notifications appear in the window.";
    /** Projects named in the menu and tooltip; the rest are counted. */
    static final int MAX_PROJECTS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Tray.class);

    private final Ijoka ijoka;
    private final DesktopActions actions;
    private final Executor storeExecutor;
    private final TrayIcon icon;
    private final PopupMenu menu = new PopupMenu("Ijoka");
    private final CheckboxMenuItem pause = new CheckboxMenuItem("Pause notifications");
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final List<MenuItem> projectItems = new ArrayList<>();
    private @Nullable MenuItem updateItem;
    private Events.@Nullable Subscription subscription;
    private volatile boolean closed;

    private Tray(Ijoka ijoka, DesktopActions actions, Executor storeExecutor, Consumer<Boolean> pauseNotifications) {
        this.ijoka = ijoka;
        this.actions = actions;
        this.storeExecutor = storeExecutor;
        MenuItem open = item("Open", actions::showWindow);
        MenuItem browser = item("Open in browser", actions::openInBrowser);
        pause.addItemListener(e -> pauseNotifications.accept(e.getStateChange() == ItemEvent.SELECTED));
        pause.getAccessibleContext().setAccessibleName("Pause notifications");
        MenuItem quit = item("Quit", actions::quit);
        menu.add(open);
        menu.add(browser);
        menu.add(pause);
        menu.addSeparator();
        menu.addSeparator();
        menu.add(quit);
        this.icon = new TrayIcon(TrayIconImage.draw(SystemTray.getSystemTray().getTrayIconSize(), 0), "Ijoka", menu);
        icon.setImageAutoSize(false);
        // A click (or Enter, where the tray host sends it) on the icon itself opens the window.
        icon.addActionListener(e -> actions.showWindow());
        showProjects(List.of());
    }

    /**
     * Puts the icon in the tray, or says why not.
     *
     * @param trayExists {@code SystemTray.isSupported()}: passed in, so that the branch without a tray is testable
     * @param pauseNotifications called with the "Pause notifications" item's new state
     */
    public static TrayStatus start(boolean trayExists, Ijoka ijoka, DesktopActions actions, Executor storeExecutor,
            Consumer<Boolean> pauseNotifications) {
        Objects.requireNonNull(ijoka, "ijoka");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(storeExecutor, "storeExecutor");
        Objects.requireNonNull(pauseNotifications, "pauseNotifications");
        if (!trayExists) {
            return new TrayStatus.Absent(NO_TRAY);
        }
        Tray[] made = new Tray[1];
        AWTException[] failed = new AWTException[1];
        onEventDispatchThread(() -> {
            made[0] = new Tray(ijoka, actions, storeExecutor, pauseNotifications);
            try {
                SystemTray.getSystemTray().add(made[0].icon);
            } catch (AWTException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            LOG.info("the tray refused the icon: {}", failed[0].toString());
            return new TrayStatus.Absent(NO_TRAY);
        }
        Tray tray = made[0];
        tray.subscription = ijoka.events().subscribe(e -> e.project() != null, e -> tray.refreshSoon());
        tray.refreshSoon();
        return new TrayStatus.Shown(tray);
    }

    /** The icon in the tray: for tests and for the notifier's fallback messages. */
    public TrayIcon icon() {
        return icon;
    }

    /** Shows a message from the icon: the notifications' fallback where the desktop has no notification service. */
    public void displayMessage(String caption, String text) {
        EventQueue.invokeLater(() -> icon.displayMessage(caption, text, TrayIcon.MessageType.INFO));
    }

    /**
     * Puts "Update to Ijoka 0.2.0…" (the {@code label}) in the menu, just above Quit, replacing an earlier offer;
     * picking it runs {@code action} (which must leave the event-dispatch thread for its download).
     */
    public void offerUpdate(String label, Runnable action) {
        EventQueue.invokeLater(() -> {
            if (updateItem != null) {
                menu.remove(updateItem);
            }
            updateItem = item(label, action);
            menu.insert(updateItem, menu.getItemCount() - 1);
        });
    }

    /** Sets the "Pause notifications" check without calling back: when the window's own switch changed it. */
    public void showPaused(boolean paused) {
        EventQueue.invokeLater(() -> pause.setState(paused));
    }

    /**
     * Reads every project's progress again, soon, on the store executor. Changes arriving while a read is queued
     * share it, so a burst of events costs one read.
     */
    public void refreshSoon() {
        if (closed || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        storeExecutor.execute(() -> {
            refreshQueued.set(false);
            if (closed) {
                return;
            }
            try {
                List<ProjectLine> lines = read();
                EventQueue.invokeLater(() -> showProjects(lines));
            } catch (RuntimeException e) {
                LOG.warn("could not read the projects' progress for the tray: {}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        onEventDispatchThread(() -> SystemTray.getSystemTray().remove(icon));
    }

    private List<ProjectLine> read() {
        List<ProjectLine> lines = new ArrayList<>();
        for (Project p : ijoka.projects().list()) {
            lines.add(new ProjectLine(p.id(), p.name(), ijoka.plan().progress(p.id()),
                    ijoka.features().list(p.id(), Status.IN_PROGRESS, ProjectLine.NAMED)));
        }
        return lines;
    }

    /** On the event-dispatch thread: the tooltip, the icon's ring and the project lines of the menu. */
    private void showProjects(List<ProjectLine> lines) {
        icon.setToolTip(TrayText.tooltip(lines));
        int done = lines.stream().mapToInt(l -> l.progress().complete()).sum();
        int total = lines.stream().mapToInt(l -> l.progress().total()).sum();
        icon.setImage(TrayIconImage.draw(icon.getSize(), total == 0 ? 0 : (double) done / total));

        projectItems.forEach(menu::remove);
        projectItems.clear();
        if (lines.isEmpty()) {
            MenuItem none = new MenuItem("No projects yet: add one in the window");
            none.setEnabled(false);
            projectItems.add(none);
        }
        for (ProjectLine line : lines.subList(0, Math.min(MAX_PROJECTS, lines.size()))) {
            MenuItem item = item(line.progressText() + " · " + line.inProgressText(), () -> actions.openProject(line.id()));
            projectItems.add(item);
        }
        if (lines.size() > MAX_PROJECTS) {
            MenuItem more = item("and " + (lines.size() - MAX_PROJECTS) + " more projects…", actions::showWindow);
            projectItems.add(more);
        }
        int at = 4; // after Open, Open in browser, Pause notifications and the first separator
        for (MenuItem item : projectItems) {
            menu.insert(item, at++);
        }
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.getAccessibleContext().setAccessibleName(label);
        item.addActionListener(e -> action.run());
        return item;
    }

    private static void onEventDispatchThread(Runnable task) {
        if (EventQueue.isDispatchThread()) {
            task.run();
            return;
        }
        try {
            EventQueue.invokeAndWait(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the tray icon", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("changing the tray icon failed: " + e.getCause(), e.getCause());
        }
    }
}
