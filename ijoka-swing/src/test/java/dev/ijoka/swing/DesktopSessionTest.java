package dev.ijoka.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import org.junit.jupiter.api.Test;

/**
 * The desktop session the tests run in (src/test/desktop-session/bin/java) is real: a display, a tray
 * host and a session bus. If this fails, every other desktop test's failure is about the machine, not the app.
 */
class DesktopSessionTest {

    @Test
    void theTestsHaveADisplayATrayAndASessionBus() {
        assertThat(System.getenv("DISPLAY")).as("DISPLAY").startsWith(":");
        assertThat(GraphicsEnvironment.isHeadless()).as("headless").isFalse();
        assertThat(SystemTray.isSupported()).as("a tray host runs").isTrue();
        assertThat(System.getenv("DBUS_SESSION_BUS_ADDRESS")).as("session bus").startsWith("unix:");
    }
}
