/** Small pieces every part of the window shares: plain-text labels, status colours, store calls off the event-dispatch thread. */
@NullMarked
package dev.ijoka.swing.internal.ui;

import org.jspecify.annotations.NullMarked;
