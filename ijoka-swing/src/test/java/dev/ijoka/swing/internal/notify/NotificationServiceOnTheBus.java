package dev.ijoka.swing.internal.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A desktop's notification service, played by the test: it owns {@code org.freedesktop.Notifications} on the test
 * session's bus (the harness's dbus-daemon), records what it is asked to show, and can click a notification by
 * emitting {@code ActionInvoked} as a real server does.
 */
public final class NotificationServiceOnTheBus implements FreedesktopNotifications, AutoCloseable {

    /** One Notify call as the service received it. */
    public record Shown(int id, String appName, String summary, String body, List<String> actions, Map<String, Variant<?>> hints) {}

    private final DBusConnection connection;
    private final List<String> capabilities;
    private final BlockingQueue<Shown> shown = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    private NotificationServiceOnTheBus(DBusConnection connection, List<String> capabilities) {
        this.connection = connection;
        this.capabilities = capabilities;
    }

    public static NotificationServiceOnTheBus start(String... capabilities) throws DBusException {
        DBusConnection connection = DBusConnectionBuilder.forSessionBus().withShared(false).build();
        NotificationServiceOnTheBus service = new NotificationServiceOnTheBus(connection, List.of(capabilities));
        connection.exportObject(PATH, service);
        connection.requestBusName(NAME);
        return service;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        int id = ids.incrementAndGet();
        shown.add(new Shown(id, appName, summary, body, actions, hints));
        return new UInt32(id);
    }

    @Override
    public List<String> GetCapabilities() {
        return capabilities;
    }

    @Override
    public void CloseNotification(UInt32 id) {
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    /** The next notification shown, waiting up to {@code timeout}. */
    public Shown next(Duration timeout) throws InterruptedException {
        Shown next = shown.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("the notification service was asked to show nothing within " + timeout);
        }
        return next;
    }

    /** Whatever was shown within {@code wait}: nothing, when notifications are held. */
    public List<Shown> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Shown> all = new java.util.ArrayList<>();
        shown.drainTo(all);
        return all;
    }

    /** The user clicks notification {@code id}. */
    public void click(int id) throws DBusException {
        connection.sendMessage(new ActionInvoked(PATH, new UInt32(id), DEFAULT_ACTION));
    }

    @Override
    public void close() throws IOException {
        try {
            connection.releaseBusName(NAME);
        } catch (DBusException e) {
            throw new IOException(e);
        }
        connection.close();
    }
}
