/**
 * The desktop around the window: {@link dev.ijoka.swing.internal.integration.DesktopIntegration} starts the tray,
 * the notifications and the hand-off of later launches' links, and closes them. A package of its own, above the
 * parts it joins, so that {@code internal}'s shared interfaces depend on none of them.
 */
@NullMarked
package dev.ijoka.swing.internal.integration;

import org.jspecify.annotations.NullMarked;
