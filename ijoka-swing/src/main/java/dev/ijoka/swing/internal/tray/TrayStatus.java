package dev.ijoka.swing.internal.tray;

/** Whether the app lives in the tray, or runs as a window only because the desktop has none. */
public sealed interface TrayStatus {

    /** The icon is in the tray. */
    record Shown(Tray tray) implements TrayStatus {}

    /** There is no tray; {@code message} is what the window says about it, once. */
    record Absent(String message) implements TrayStatus {}
}
