/**
 * The desktop face: a Swing window (FlatLaf) with the project list and the dashboard's views, the tray icon,
 * desktop notifications and {@code ijoka://} deep links. It uses the engine's public API only, and never
 * touches the store on the event-dispatch thread. {@code ijoka-app} wires it to an engine as {@code ijoka desktop}.
 */
@NullMarked
package dev.ijoka.swing;

import org.jspecify.annotations.NullMarked;
