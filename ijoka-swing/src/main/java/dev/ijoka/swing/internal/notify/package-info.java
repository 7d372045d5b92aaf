/**
 * Desktop notifications: what happened (a feature completed or blocked, a lease expired, a rule denied an agent)
 * in words, through the freedesktop Notifications service on the session bus, or the tray's message without one.
 */
@NullMarked
package dev.ijoka.swing.internal.notify;

import org.jspecify.annotations.NullMarked;
