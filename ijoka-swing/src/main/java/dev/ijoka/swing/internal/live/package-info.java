/** The window's one subscription to the engine's events, handed to Swing in batches. */
@NullMarked
package dev.ijoka.swing.internal.live;

import org.jspecify.annotations.NullMarked;
