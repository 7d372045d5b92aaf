package dev.ijoka.swing.internal;

import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import java.util.List;
import javax.swing.JComponent;

/**
 * One of the window's views of a project: Board, Table, Timeline, Graph, Rules. A view is built with the
 * engine and the executor on which it reads the store ({@code new BoardView(ijoka, storeExecutor, actions)}):
 * every store call runs there, never on the event-dispatch thread; results come back with
 * {@code SwingUtilities.invokeLater}.
 */
public interface ProjectView {

    /** The tab's name, e.g. "Board". */
    String title();

    /** The view itself, built once. */
    JComponent component();

    /** Shows a project: called on the event-dispatch thread; loads off it and paints when loaded. */
    void show(ProjectId project);

    /**
     * Events just committed to the shown project, by this process or any other, in sequence order; called on
     * the event-dispatch thread. The view updates itself (reading the store off the event-dispatch thread).
     */
    void changed(List<Event> events);
}
