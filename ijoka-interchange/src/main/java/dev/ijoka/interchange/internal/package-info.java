/** The readers and writers of each format, and the import planner. Internal: no compatibility promise. */
@NullMarked
package dev.ijoka.interchange.internal;

import org.jspecify.annotations.NullMarked;
