package dev.ijoka.swing.internal.notify;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.event.Event;
import dev.ijoka.swing.internal.DesktopActions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user, on the desktop, when a feature completes or is blocked, a session goes stale (its lease
 * expires) or a rule denies an agent, in any process on the store ({@link Notices} says which events and how).
 * Sends through the freedesktop Notifications service on the session bus, with a "default" action so that a click
 * opens the feature ({@code actions.openFeature}); where the bus has no such service, or there is no bus, shows the
 * {@link Fallback} (the tray's message) instead.
 *
 * <p>Paused, notices are held, not lost: on resume a single held notice is shown as it was, several as one summary
 * notification ("5 things happened while notifications were paused", the first few named) whose click shows the
 * window. Nothing is held across restarts; the window's timeline keeps every event.
 *
 * <p>Threads: the engine's subscriber thread reads the store; one thread of its own talks to D-Bus; none of it
 * runs on the event-dispatch thread.
 */
public final class DesktopNotifier implements AutoCloseable {

    /** Where a notice goes when there is no notification service: the tray icon's message. */
    @FunctionalInterface
    public interface Fallback {
        void show(Notice notice);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    private static final String APP_NAME = "Ijoka";
    /** Held notices beyond this are counted, not kept: the summary names only the first few anyway. */
    private static final int MAX_HELD = 1000;
    /** Clicks are mapped for this many recent notifications; older ones have long left the screen. */
    private static final int MAX_CLICKABLE = 256;

    private final Ijoka ijoka;
    private final DesktopActions actions;
    private final Fallback fallback;
    private final @Nullable DBusConnection bus;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("ijoka-notify").unstarted(r));
    private final Object lock = new Object();
    private final List<Notice> held = new ArrayList<>();
    private int heldBeyondLimit;
    private boolean paused;
    private final Map<UInt32, Notice> clickable = new LinkedHashMap<>(16, 0.75f, false) {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UInt32, Notice> eldest) {
            return size() > MAX_CLICKABLE;
        }
    };
    private @Nullable AutoCloseable clickHandler;
    private Events.@Nullable Subscription subscription;

    private DesktopNotifier(Ijoka ijoka, DesktopActions actions, Fallback fallback, @Nullable DBusConnection bus) {
        this.ijoka = ijoka;
        this.actions = actions;
        this.fallback = fallback;
        this.bus = bus;
    }

    /** Starts on the session bus of this process's environment ({@code DBUS_SESSION_BUS_ADDRESS}). */
    public static DesktopNotifier start(Ijoka ijoka, DesktopActions actions, Fallback fallback) {
        return start(ijoka, actions, fallback, System.getenv("DBUS_SESSION_BUS_ADDRESS"));
    }

    /** Starts on the bus at {@code busAddress}; {@code null} or an unreachable bus means the fallback only. */
    public static DesktopNotifier start(Ijoka ijoka, DesktopActions actions, Fallback fallback, @Nullable String busAddress) {
        Objects.requireNonNull(ijoka, "ijoka");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(fallback, "fallback");
        DesktopNotifier notifier = new DesktopNotifier(ijoka, actions, fallback, connect(busAddress));
        notifier.listen();
        return notifier;
    }

    /** Holds notices from now on ({@code true}), or shows what was held and lets the next ones through. */
    public void setPaused(boolean pause) {
        List<Notice> release;
        int beyond;
        synchronized (lock) {
            if (paused == pause) {
                return;
            }
            paused = pause;
            if (pause) {
                return;
            }
            release = List.copyOf(held);
            beyond = heldBeyondLimit;
            held.clear();
            heldBeyondLimit = 0;
        }
        if (!release.isEmpty()) {
            sender.execute(() -> send(Notices.heldSummary(release, beyond)));
        }
    }

    public boolean paused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Whether a notification service answers on the bus now; the fallback is used when not. */
    public boolean serviceAvailable() {
        if (bus == null) {
            return false;
        }
        try {
            DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            return daemon.NameHasOwner(FreedesktopNotifications.NAME)
                    || Arrays.asList(daemon.ListActivatableNames()).contains(FreedesktopNotifications.NAME);
        } catch (DBusException | DBusExecutionException e) {
            LOG.debug("asking the session bus for a notification service failed: {}", e.toString());
            return false;
        }
    }

    /** Shows a notice now, or holds it while paused; from any thread. */
    public void post(Notice notice) {
        synchronized (lock) {
            if (paused) {
                if (held.size() < MAX_HELD) {
                    held.add(notice);
                } else {
                    heldBeyondLimit++;
                }
                return;
            }
        }
        sender.execute(() -> send(notice));
    }

    /** Whether a click on notification {@code id} would open something: for tests, which click as soon as it shows. */
    boolean clickable(int id) {
        synchronized (clickable) {
            return clickable.containsKey(new UInt32(id));
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clickHandler != null) {
            try {
                clickHandler.close();
            } catch (Exception e) {
                LOG.debug("removing the notification click handler failed: {}", e.toString());
            }
        }
        if (bus != null) {
            try {
                bus.close();
            } catch (IOException e) {
                LOG.debug("closing the session bus connection failed: {}", e.toString());
            }
        }
    }

    private void listen() {
        if (bus != null) {
            try {
                clickHandler = bus.addSigHandler(FreedesktopNotifications.ActionInvoked.class, this::clicked);
            } catch (DBusException e) {
                LOG.warn("cannot hear clicks on notifications: {}", e.toString());
            }
        }
        // The engine delivers on a thread of this subscription's own: the store is read there, never on the EDT.
        subscription = ijoka.events().subscribe(e -> Notices.TYPES.contains(e.type()), this::heard);
    }

    private void heard(Event event) {
        try {
            Notices.of(ijoka, event).ifPresent(this::post);
        } catch (RuntimeException e) {
            LOG.warn("could not make a notification of event {}: {}", event.sequence(), e.toString());
        }
    }

    private void send(Notice notice) {
        if (bus != null && serviceAvailable()) {
            try {
                FreedesktopNotifications service = bus.getRemoteObject(FreedesktopNotifications.NAME,
                        FreedesktopNotifications.PATH, FreedesktopNotifications.class);
                // Text from the store is text: a server that reads markup in the body gets it escaped.
                boolean markup = service.GetCapabilities().contains("body-markup");
                UInt32 id = service.Notify(APP_NAME, new UInt32(0), "", notice.summary(),
                        markup ? escape(notice.body()) : notice.body(),
                        List.of(FreedesktopNotifications.DEFAULT_ACTION, "Open"),
                        Map.of("desktop-entry", new Variant<>("ijoka")), -1);
                synchronized (clickable) {
                    clickable.put(id, notice);
                }
                return;
            } catch (DBusException | DBusExecutionException e) {
                LOG.warn("the notification service failed ({}); showing the tray's message instead", e.toString());
            }
        }
        fallback.show(notice);
    }

    private void clicked(FreedesktopNotifications.ActionInvoked signal) {
        if (!FreedesktopNotifications.DEFAULT_ACTION.equals(signal.actionKey())) {
            return;
        }
        Notice notice;
        synchronized (clickable) {
            notice = clickable.get(signal.id());
        }
        if (notice == null) {
            return; // another application's notification
        }
        if (notice.project() != null && notice.feature() != null) {
            actions.openFeature(notice.project(), notice.feature());
        } else if (notice.project() != null) {
            actions.openProject(notice.project());
        } else {
            actions.showWindow();
        }
    }

    private static @Nullable DBusConnection connect(@Nullable String address) {
        if (address == null || address.isBlank()) {
            LOG.info("no session bus (DBUS_SESSION_BUS_ADDRESS is not set): notifications go to the tray");
            return null;
        }
        try {
            return DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (DBusException | RuntimeException e) {
            LOG.info("cannot reach the session bus at {} ({}): notifications go to the tray", address, e.toString());
            return null;
        }
    }

    /** The body-markup subset of the specification is XML-like: these three make any text plain. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
