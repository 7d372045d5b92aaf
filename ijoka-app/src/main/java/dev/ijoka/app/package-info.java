/** The ijoka application: the entry point, the Guice wiring, exit codes and logging. */
@NullMarked
package dev.ijoka.app;

import org.jspecify.annotations.NullMarked;
