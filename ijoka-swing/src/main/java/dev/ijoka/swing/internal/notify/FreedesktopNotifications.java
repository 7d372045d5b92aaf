package dev.ijoka.swing.internal.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the freedesktop.org Desktop Notifications Specification (version 1.2) that Ijoka uses: the
 * {@code org.freedesktop.Notifications} interface at {@code /org/freedesktop/Notifications} on the session bus.
 * Method and parameter names are the specification's, as D-Bus needs them.
 */
@DBusInterfaceName(FreedesktopNotifications.NAME)
public interface FreedesktopNotifications extends DBusInterface {

    /** The service's well-known bus name, which is also the interface's name. */
    String NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";
    /** The action a click on the notification's body invokes. */
    String DEFAULT_ACTION = "default";

    /**
     * Shows a notification.
     *
     * @param actions pairs of action key and label; {@code "default"} is the click on the notification
     * @param expireTimeout milliseconds, -1 for the server's default
     * @return the notification's id, which {@link ActionInvoked} carries
     */
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    /** What the server supports, e.g. {@code actions}, {@code body-markup}. */
    List<String> GetCapabilities();

    void CloseNotification(UInt32 id);

    /** The user invoked an action of a notification, e.g. clicked it ({@code "default"}). */
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 id() {
            return id;
        }

        public String actionKey() {
            return actionKey;
        }
    }

    /** A notification went away (expired, dismissed, closed). */
    class NotificationClosed extends DBusSignal {
        private final UInt32 id;
        private final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }

        public UInt32 id() {
            return id;
        }

        public UInt32 reason() {
            return reason;
        }
    }
}
