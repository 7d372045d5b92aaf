/** The dependency graph of one project's features and the planning queries over it (ready, waves, critical path, cycles). */
@NullMarked
package dev.ijoka.graph;

import org.jspecify.annotations.NullMarked;
