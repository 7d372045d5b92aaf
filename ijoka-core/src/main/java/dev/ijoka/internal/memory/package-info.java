/** The in-memory store behind {@code Ijoka.inMemory()}. Internal: no compatibility promise. */
@NullMarked
package dev.ijoka.internal.memory;

import org.jspecify.annotations.NullMarked;
