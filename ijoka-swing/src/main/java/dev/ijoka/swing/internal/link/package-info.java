/** {@code ijoka://} deep links: parsed strictly, then resolved against the engine off the event-dispatch thread. */
@NullMarked
package dev.ijoka.swing.internal.link;

import org.jspecify.annotations.NullMarked;
