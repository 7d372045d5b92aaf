package dev.ijoka.swing.internal.window;

import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;

/** A line of the project list: the project and how far along it is. */
record ProjectRow(Project project, Progress progress) {}
