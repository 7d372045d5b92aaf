package dev.ijoka.swing.internal.timeline;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timeline: the project's events grouped by session, newest first, in the web Timeline's words. One
 * {@link JList} renders every row (only the visible ones are painted); older pages load as the list is scrolled
 * near its end; events committed later are put on top as {@link #changed} reports them. A click on (or Enter
 * at) an event about a feature opens that feature.
 */
public final class TimelineView implements ProjectView {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineView.class);
    /** Rows from the end at which the next older page is asked for. */
    private static final int PREFETCH = 40;

    private final TimelineSource source;
    private final Executor store;
    private final DesktopActions actions;
    private final TimelineModel model = new TimelineModel();
    private final JList<TimelineRow> list = new JList<>(model);
    private final JComboBox<EventFilter> kinds = new JComboBox<>(EventFilter.choices().toArray(EventFilter[]::new));
    private final JLabel status = new JLabel(" ");
    private final JPanel panel = new JPanel(new BorderLayout());

    private @Nullable ProjectId project;
    /** Bumped by every new project or filter, so that a page read for an older one is dropped when it arrives. */
    private int generation;
    private boolean loading;
    private boolean more;

    public TimelineView(Ijoka ijoka, Executor store, DesktopActions actions) {
        this.source = new TimelineSource(Objects.requireNonNull(ijoka, "ijoka"));
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        build();
    }

    private void build() {
        JLabel show = new JLabel("Show");
        show.setDisplayedMnemonic(KeyEvent.VK_S);
        show.setLabelFor(kinds);
        kinds.getAccessibleContext().setAccessibleName("Show events of kind");
        kinds.setMaximumRowCount(16);
        kinds.addActionListener(e -> reload());
        status.putClientProperty("html.disable", Boolean.TRUE);
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING, 8, 4));
        bar.add(show);
        bar.add(kinds);
        bar.add(status);

        list.setCellRenderer(new TimelineRenderer());
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        // A fixed height lets the list place any row without measuring those above it: 100,000 rows cost what 50 do.
        list.setFixedCellHeight(new JLabel("Xg").getPreferredSize().height + 10);
        list.getAccessibleContext().setAccessibleName("Timeline events, newest first");
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = list.locationToIndex(e.getPoint());
                if (i >= 0 && list.getCellBounds(i, i).contains(e.getPoint()) && SwingUtilities.isLeftMouseButton(e)) {
                    open(model.getElementAt(i));
                }
            }
        });
        list.addMouseMotionListener(new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                int i = list.locationToIndex(e.getPoint());
                boolean link = i >= 0 && model.getElementAt(i) instanceof TimelineRow.Line l && l.feature() != null;
                list.setCursor(link ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : Cursor.getDefaultCursor());
            }
        });
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open-feature");
        list.getActionMap().put("open-feature", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                TimelineRow row = list.getSelectedValue();
                if (row != null) {
                    open(row);
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().getModel().addChangeListener(e -> maybeLoadOlder());
        panel.add(bar, BorderLayout.NORTH);
        panel.add(scroll, BorderLayout.CENTER);
        panel.getAccessibleContext().setAccessibleName("Timeline");
    }

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void show(ProjectId shown) {
        this.project = Objects.requireNonNull(shown, "project");
        reload();
    }

    @Override
    public void changed(List<Event> events) {
        ProjectId p = project;
        if (p == null) {
            return;
        }
        EventFilter filter = filter();
        List<Event> fresh = events.stream()
                .filter(e -> p.equals(e.project()) && filter.accepts(e.type()) && e.sequence() > model.newestSequence())
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        int gen = generation;
        store.execute(() -> {
            try {
                List<TimelineRow.Line> lines = new ArrayList<>(source.word(p, fresh));
                java.util.Collections.reverse(lines); // the feed is oldest first; the list newest first
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        model.prepend(lines);
                        count();
                    }
                });
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    /** The shown filter. */
    EventFilter filter() {
        return (EventFilter) Objects.requireNonNull(kinds.getSelectedItem());
    }

    JList<TimelineRow> list() {
        return list;
    }

    JComboBox<EventFilter> kinds() {
        return kinds;
    }

    private void reload() {
        ProjectId p = project;
        if (p == null) {
            return;
        }
        int gen = ++generation;
        model.clear();
        more = false;
        loading = true;
        status.setText("Loading…");
        EventFilter filter = filter();
        store.execute(() -> {
            try {
                TimelineSource.Page page = source.page(p, filter, Long.MAX_VALUE);
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        model.replace(page.lines());
                        arrived(page);
                    }
                });
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    /** Reads the next older page when the list is scrolled near its end. */
    private void maybeLoadOlder() {
        ProjectId p = project;
        if (p == null || loading || !more || list.getLastVisibleIndex() < model.getSize() - PREFETCH) {
            return;
        }
        loadOlder(p);
    }

    private void loadOlder(ProjectId p) {
        int gen = generation;
        long before = model.oldestSequence();
        loading = true;
        EventFilter filter = filter();
        store.execute(() -> {
            try {
                TimelineSource.Page page = source.page(p, filter, before);
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        model.append(page.lines());
                        arrived(page);
                    }
                });
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    private void arrived(TimelineSource.Page page) {
        loading = false;
        more = page.more();
        count();
        // A short first page may not fill the screen, so no scrolling would ever ask for the next one.
        SwingUtilities.invokeLater(this::maybeLoadOlder);
    }

    private void count() {
        int n = model.eventCount();
        status.setText(n == 0 ? "No events" + (filter() == EventFilter.ALL ? " yet." : " of this kind.")
                : n + " event" + (n == 1 ? "" : "s") + (more ? " (older ones load as you scroll)" : ""));
    }

    private void failed(RuntimeException e) {
        LOG.warn("could not read the timeline", e);
        SwingUtilities.invokeLater(() -> {
            loading = false;
            status.setText("Could not read the events: " + e.getMessage());
        });
    }

    private void open(TimelineRow row) {
        ProjectId p = project;
        if (p != null && row instanceof TimelineRow.Line line && line.feature() != null) {
            actions.openFeature(p, line.feature());
        }
    }
}
