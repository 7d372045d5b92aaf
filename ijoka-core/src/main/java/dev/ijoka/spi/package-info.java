/** The out-ports: what a store, a change feed, an id source and a notifier must do for the engine. */
@NullMarked
package dev.ijoka.spi;

import org.jspecify.annotations.NullMarked;
