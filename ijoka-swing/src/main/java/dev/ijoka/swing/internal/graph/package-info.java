/** The Graph view: the dependency DAG in layers from the core's waves, drawn with Java2D, with zoom, pan and search. */
@NullMarked
package dev.ijoka.swing.internal.graph;

import org.jspecify.annotations.NullMarked;
