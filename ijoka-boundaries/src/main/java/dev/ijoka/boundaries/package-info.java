/** The boundary rules that the modules' ArchitectureTests share, written once. */
@NullMarked
package dev.ijoka.boundaries;

import org.jspecify.annotations.NullMarked;
