package dev.ijoka.swing.internal.integration;

import dev.ijoka.Ijoka;
import dev.ijoka.swing.SingleInstance;
import dev.ijoka.swing.UpdateOffer;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.link.DeepLinks;
import dev.ijoka.swing.internal.notify.DesktopNotifier;
import dev.ijoka.swing.internal.notify.Notice;
import dev.ijoka.swing.internal.tray.Tray;
import dev.ijoka.swing.internal.tray.TrayStatus;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The desktop around the window, in one place: the tray icon, desktop notifications, {@code ijoka://} links and
 * the hand-off from later launches. The window ({@code DesktopApp}) starts it once its frame exists, and closes it
 * when it quits:
 *
 * <pre>{@code
 * Optional<SingleInstance> claimed = SingleInstance.claim(dataDirectory, link);   // before opening the engine
 * if (claimed.isEmpty()) return;                                                  // handed to the running app
 * try (SingleInstance instance = claimed.get();
 *      Ijoka ijoka = ...;
 *      DesktopIntegration desktop = DesktopIntegration.start(ijoka, actions, storeExecutor, instance)) {
 *     desktop.trayAbsentMessage().ifPresent(window::tellOnce);   // no tray: say so once, closing the window quits
 *     if (link != null) desktop.openLink(link);                  // the link this first launch was given
 *     ...                                                        // run until actions.quit()
 * }
 * }</pre>
 *
 * What it wires:
 * <ul>
 *   <li>the tray ({@link Tray}) where {@link SystemTray#isSupported()}; its "Pause notifications" pauses the
 *       notifier, its other items call {@code actions};</li>
 *   <li>the notifier ({@link DesktopNotifier}) on the session bus, falling back to the tray's message, or to
 *       {@code actions.tell} without a tray;</li>
 *   <li>the hand-off: a later launch's link is opened ({@link DeepLinks}), a launch without one shows the window.</li>
 * </ul>
 * Every store read runs on {@code storeExecutor} or the engine's subscriber threads, never on the event-dispatch
 * thread. {@link #close()} stops all three; the {@link SingleInstance} stays the caller's to close.
 */
public final class DesktopIntegration implements AutoCloseable {

    private final DesktopActions actions;
    private final DeepLinks links;
    private final TrayStatus trayStatus;
    private final DesktopNotifier notifier;
    private final @Nullable SingleInstance instance;
    private volatile boolean closed;

    private DesktopIntegration(DesktopActions actions, DeepLinks links, TrayStatus trayStatus, DesktopNotifier notifier,
            @Nullable SingleInstance instance) {
        this.actions = actions;
        this.links = links;
        this.trayStatus = trayStatus;
        this.notifier = notifier;
        this.instance = instance;
    }

    /**
     * Starts the tray, the notifier and the hand-off listener for this process's desktop.
     *
     * @param storeExecutor where the tray and the links read the store (the window's own store executor)
     * @param instance this process's claim to be the one desktop app, or {@code null} to take no hand-offs
     */
    public static DesktopIntegration start(Ijoka ijoka, DesktopActions actions, Executor storeExecutor,
            @Nullable SingleInstance instance) {
        boolean tray = !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        return start(ijoka, actions, storeExecutor, instance, tray, System.getenv("DBUS_SESSION_BUS_ADDRESS"));
    }

    /** The same, with the desktop's facts passed in: whether a tray exists, and the session bus's address. */
    static DesktopIntegration start(Ijoka ijoka, DesktopActions actions, Executor storeExecutor,
            @Nullable SingleInstance instance, boolean trayExists, @Nullable String busAddress) {
        Objects.requireNonNull(ijoka, "ijoka");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(storeExecutor, "storeExecutor");
        DeepLinks links = new DeepLinks(ijoka, actions, storeExecutor);
        // The tray's pause switch and the notifier need each other: the switch is bound once both exist.
        DesktopNotifier[] notifier = new DesktopNotifier[1];
        TrayStatus trayStatus = Tray.start(trayExists, ijoka, actions, storeExecutor, paused -> {
            if (notifier[0] != null) {
                notifier[0].setPaused(paused);
            }
        });
        DesktopNotifier.Fallback fallback = switch (trayStatus) {
            case TrayStatus.Shown shown -> notice -> shown.tray().displayMessage(notice.summary(), notice.body());
            case TrayStatus.Absent absent -> notice -> actions.tell(words(notice));
        };
        notifier[0] = DesktopNotifier.start(ijoka, actions, fallback, busAddress);
        DesktopIntegration integration = new DesktopIntegration(actions, links, trayStatus, notifier[0], instance);
        if (instance != null) {
            instance.onHandOff(integration::handOff);
        }
        return integration;
    }

    /** On a desktop without a tray, what the window says once (the app then runs as a window only). */
    public Optional<String> trayAbsentMessage() {
        return trayStatus instanceof TrayStatus.Absent absent ? Optional.of(absent.message()) : Optional.empty();
    }

    /** Whether the icon is in the tray, so that closing the window keeps the app running there. */
    public boolean inTray() {
        return trayStatus instanceof TrayStatus.Shown;
    }

    /** Opens an {@code ijoka://} link (e.g. the first launch's own argument); from any thread. */
    public void openLink(String link) {
        links.open(link);
    }

    /**
     * A newer Ijoka: a notification says so with what changed (held while notifications are paused, like any other),
     * and the tray's menu gets "Update to Ijoka <version>…", which runs the offer's download on a thread of its own
     * and tells the user the outcome. Without a tray the notification (or the window) names the version only.
     */
    public void offerUpdate(UpdateOffer offer) {
        String what = offer.changes().isEmpty() ? "" : offer.changes() + " ";
        if (trayStatus instanceof TrayStatus.Shown shown) {
            shown.tray().offerUpdate("Update to Ijoka " + offer.version() + "…", () -> Thread.ofPlatform().daemon()
                    .name("ijoka-update-download").start(() -> actions.tell(offer.download().get())));
            notifier.post(new Notice("Ijoka " + offer.version() + " is available",
                    what + "Update to Ijoka " + offer.version() + " from the tray icon's menu.", null, null));
        } else {
            notifier.post(new Notice("Ijoka " + offer.version() + " is available",
                    what + "Run ijoka doctor to see where to get it.", null, null));
        }
    }

    /** Pauses or resumes notifications from the window's own switch; the tray's check follows. */
    public void setNotificationsPaused(boolean paused) {
        notifier.setPaused(paused);
        if (trayStatus instanceof TrayStatus.Shown shown) {
            shown.tray().showPaused(paused);
        }
    }

    public boolean notificationsPaused() {
        return notifier.paused();
    }

    @Override
    public void close() {
        closed = true;
        if (instance != null) {
            instance.onHandOff(request -> { }); // later launches still get an answer until the instance closes
        }
        notifier.close();
        if (trayStatus instanceof TrayStatus.Shown shown) {
            shown.tray().close();
        }
    }

    private void handOff(Optional<String> request) {
        if (closed) {
            return;
        }
        actions.showWindow();
        request.ifPresent(links::open);
    }

    private static String words(Notice notice) {
        return notice.summary() + ": " + notice.body();
    }
}
