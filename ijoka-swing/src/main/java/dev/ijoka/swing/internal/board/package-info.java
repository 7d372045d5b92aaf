/** The Board view: a column per status, a virtualized list of cards in each, drag and drop runs the state machine. */
@NullMarked
package dev.ijoka.swing.internal.board;

import org.jspecify.annotations.NullMarked;
