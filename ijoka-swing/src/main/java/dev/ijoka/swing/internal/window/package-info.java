/** The main window: the project list, the tabs of project views, the detail panel, menus and the theme. */
@NullMarked
package dev.ijoka.swing.internal.window;

import org.jspecify.annotations.NullMarked;
