/** The in-process event bus and the poller that feeds it from the store's log. Internal: no compatibility promise. */
@NullMarked
package dev.ijoka.internal.bus;

import org.jspecify.annotations.NullMarked;
