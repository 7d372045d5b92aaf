/** The burn-up chart: the project's total and completed features over time, drawn with JFreeChart. */
@NullMarked
package dev.ijoka.swing.internal.chart;

import org.jspecify.annotations.NullMarked;
