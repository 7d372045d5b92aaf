/** The system tray icon: progress and work in progress at a glance, and a menu wired to the window's actions. */
@NullMarked
package dev.ijoka.swing.internal.tray;

import org.jspecify.annotations.NullMarked;
