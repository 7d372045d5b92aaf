/** The Timeline view: the project's event log grouped by session, newest first, filtered by kind, live. */
@NullMarked
package dev.ijoka.swing.internal.timeline;

import org.jspecify.annotations.NullMarked;
