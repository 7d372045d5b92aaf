/** The Rules view: every rule with its counters and latest decision, a form to add one of each kind, enable/disable. */
@NullMarked
package dev.ijoka.swing.internal.rules;

import org.jspecify.annotations.NullMarked;
