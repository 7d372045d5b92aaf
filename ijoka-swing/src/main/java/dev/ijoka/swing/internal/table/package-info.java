/** The Table view: every feature of a project in a sortable, filterable table. */
@NullMarked
package dev.ijoka.swing.internal.table;

import org.jspecify.annotations.NullMarked;
