/** The detail panel: one feature's steps, dependencies, claim, events and state-machine actions. */
@NullMarked
package dev.ijoka.swing.internal.detail;

import org.jspecify.annotations.NullMarked;
