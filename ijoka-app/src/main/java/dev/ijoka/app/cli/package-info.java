/** The picocli commands of the ijoka command line, and how they draw their output. */
@NullMarked
package dev.ijoka.app.cli;

import org.jspecify.annotations.NullMarked;
