/** The front door of the engine: {@link dev.ijoka.Ijoka}. */
@NullMarked
package dev.ijoka;

import org.jspecify.annotations.NullMarked;
