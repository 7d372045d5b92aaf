/**
 * The desktop app's parts: the window and its views, the tray, notifications, deep links. Only the front
 * door, {@code dev.ijoka.swing}, uses them.
 */
@NullMarked
package dev.ijoka.swing.internal;

import org.jspecify.annotations.NullMarked;
