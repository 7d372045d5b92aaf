/** The command line's background engine: one process per store that holds it warm for the commands handed to it. */
@NullMarked
package dev.ijoka.app.engine;

import org.jspecify.annotations.NullMarked;
