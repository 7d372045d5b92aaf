package dev.ijoka.swing.internal.graph;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph: the dependency DAG in layers from the core's waves (see {@link GraphLayout}), with the critical
 * path and the ready features marked and listed beside it, a legend, zoom and pan, and a search that outlines
 * matching features and centres the first. Above {@link #DRAW_LIMIT} features it says so and draws nothing
 * until asked, as the web's graph does; complete features are then hidden first.
 */
public final class GraphView implements ProjectView {

    private static final Logger LOG = LoggerFactory.getLogger(GraphView.class);
    /** The web graph's limit: beyond it a drawing is slow to read and to lay out, and says little. */
    static final int DRAW_LIMIT = 600;
    private static final int READY_LISTED = 20;

    private final Ijoka ijoka;
    private final Executor store;
    private final DesktopActions actions;
    private final GraphCanvas canvas = new GraphCanvas();
    private final JTextField search = new JTextField(18);
    private final JLabel searchResult = label("");
    private final JCheckBox showComplete = new JCheckBox("Show complete", true);
    private final JLabel summary = label(" ");
    private final JTextArea notice = new JTextArea();
    private final JButton drawAnyway = new JButton("Draw anyway");
    private final DefaultListModel<GraphData.Node> criticalModel = new DefaultListModel<>();
    private final DefaultListModel<GraphData.Node> readyModel = new DefaultListModel<>();
    private final JList<GraphData.Node> criticalList = new JList<>(criticalModel);
    private final JList<GraphData.Node> readyList = new JList<>(readyModel);
    private final JLabel readyTitle = heading("Ready");
    private final CardLayout cards = new CardLayout();
    private final JPanel centre = new JPanel(cards);
    private final JPanel panel = new JPanel(new BorderLayout());

    private @Nullable ProjectId project;
    private @Nullable GraphData data;
    private @Nullable GraphLayout layout;
    private int generation;
    private boolean loading;
    private boolean stale;
    private boolean anyway;
    private List<Integer> found = List.of();
    private int foundAt = -1;

    public GraphView(Ijoka ijoka, Executor store, DesktopActions actions) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        build();
    }

    private void build() {
        JLabel find = new JLabel("Find");
        find.setDisplayedMnemonic(KeyEvent.VK_F);
        find.setLabelFor(search);
        search.getAccessibleContext().setAccessibleName("Find a feature by number or title");
        search.putClientProperty("JTextField.placeholderText", "#12 or words of a title");
        search.putClientProperty("JTextField.showClearButton", Boolean.TRUE);
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                find();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                find();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                find();
            }
        });
        search.addActionListener(e -> nextMatch());
        showComplete.setMnemonic(KeyEvent.VK_C);
        showComplete.getAccessibleContext().setAccessibleName("Show complete features");
        showComplete.addActionListener(e -> relayout(false));
        JButton zoomOut = button("−", "Zoom out (minus)", () -> canvas.zoomAt(1 / 1.25, canvas.getWidth() / 2.0, canvas.getHeight() / 2.0));
        JButton zoomIn = button("+", "Zoom in (plus)", () -> canvas.zoomAt(1.25, canvas.getWidth() / 2.0, canvas.getHeight() / 2.0));
        JButton fit = button("Fit", "Fit the graph to the view (0)", canvas::fit);
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING, 8, 4));
        bar.add(find);
        bar.add(search);
        bar.add(searchResult);
        bar.add(showComplete);
        bar.add(zoomOut);
        bar.add(zoomIn);
        bar.add(fit);
        bar.add(summary);

        canvas.onOpen(this::open);
        notice.setEditable(false);
        notice.setLineWrap(true);
        notice.setWrapStyleWord(true);
        notice.setOpaque(false);
        notice.setFont(notice.getFont().deriveFont(14f));
        notice.getAccessibleContext().setAccessibleName("Notice");
        drawAnyway.getAccessibleContext().setAccessibleName("Draw the whole graph anyway");
        drawAnyway.addActionListener(e -> {
            anyway = true;
            relayout(false);
        });
        JPanel noticePanel = new JPanel(new BorderLayout(0, 12));
        noticePanel.setBorder(BorderFactory.createEmptyBorder(40, 40, 40, 40));
        noticePanel.add(notice, BorderLayout.CENTER);
        JPanel noticeButtons = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        noticeButtons.add(drawAnyway);
        noticePanel.add(noticeButtons, BorderLayout.SOUTH);
        JPanel noticeTop = new JPanel(new BorderLayout());
        noticeTop.add(noticePanel, BorderLayout.NORTH);
        JPanel drawing = new JPanel(new BorderLayout());
        drawing.add(canvas, BorderLayout.CENTER);
        drawing.add(new Legend(), BorderLayout.SOUTH);
        centre.add(drawing, "graph");
        centre.add(noticeTop, "notice");

        JPanel side = new JPanel();
        side.setLayout(new BoxLayout(side, BoxLayout.Y_AXIS));
        side.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        side.add(heading("Critical path"));
        side.add(list(criticalList, "Critical path, first step first"));
        side.add(readyTitle);
        side.add(list(readyList, "Ready features, highest priority first"));
        side.setPreferredSize(new Dimension(260, 200));

        panel.add(bar, BorderLayout.NORTH);
        panel.add(centre, BorderLayout.CENTER);
        panel.add(side, BorderLayout.EAST);
        panel.getAccessibleContext().setAccessibleName("Graph");
    }

    private JComponent list(JList<GraphData.Node> list, String name) {
        list.getAccessibleContext().setAccessibleName(name);
        list.setVisibleRowCount(8);
        list.setCellRenderer(new DefaultListCellRenderer() {
            {
                putClientProperty("html.disable", Boolean.TRUE);
            }

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focused) {
                GraphData.Node n = (GraphData.Node) value;
                super.getListCellRendererComponent(l, n.ref() + "  " + n.description(), index, selected, focused);
                setToolTipText(n.ref() + " " + n.description() + " (" + n.status().wireName().replace('_', ' ') + ")");
                return this;
            }
        });
        list.addListSelectionListener(e -> {
            GraphData.Node n = list.getSelectedValue();
            if (!e.getValueIsAdjusting() && n != null) {
                int i = indexOf(n);
                if (i >= 0 && layout != null && layout.shown()[i]) {
                    canvas.highlight(Set.copyOf(found), i);
                }
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && list.getSelectedValue() != null) {
                    open(indexOf(list.getSelectedValue()));
                }
            }
        });
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open-feature");
        list.getActionMap().put("open-feature", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (list.getSelectedValue() != null) {
                    open(indexOf(list.getSelectedValue()));
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setAlignmentX(0);
        return scroll;
    }

    private int indexOf(GraphData.Node n) {
        GraphData d = data;
        return d == null ? -1 : d.nodes().indexOf(n);
    }

    private static JLabel heading(String text) {
        JLabel l = label(text);
        l.setFont(l.getFont().deriveFont(Font.BOLD));
        l.setBorder(BorderFactory.createEmptyBorder(8, 0, 4, 0));
        l.setAlignmentX(0);
        return l;
    }

    private static JLabel label(String text) {
        JLabel l = new JLabel(text);
        l.putClientProperty("html.disable", Boolean.TRUE);
        return l;
    }

    private static JButton button(String text, String name, Runnable action) {
        JButton b = new JButton(text);
        b.getAccessibleContext().setAccessibleName(name);
        b.setToolTipText(name);
        b.addActionListener(e -> action.run());
        return b;
    }

    @Override
    public String title() {
        return "Graph";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void show(ProjectId shown) {
        boolean other = !shown.equals(project);
        this.project = Objects.requireNonNull(shown, "project");
        if (other) {
            anyway = false;
            data = null;
        }
        load(!other);
    }

    @Override
    public void changed(List<Event> events) {
        ProjectId p = project;
        boolean relevant = p != null && events.stream().anyMatch(e -> p.equals(e.project()) && affectsGraph(e));
        if (relevant) {
            load(true);
        }
    }

    private static boolean affectsGraph(Event e) {
        String type = e.type().wireName();
        return type.startsWith("feature_") || type.startsWith("dependency_") || type.startsWith("claim_");
    }

    /** Reads the graph off the event-dispatch thread; a change while a read runs asks for one more read after it. */
    private void load(boolean keepView) {
        ProjectId p = project;
        if (p == null) {
            return;
        }
        if (loading) {
            stale = true;
            return;
        }
        loading = true;
        int gen = ++generation;
        boolean first = data == null;
        boolean wanted = showComplete.isSelected();
        store.execute(() -> {
            try {
                GraphData read = GraphData.read(ijoka, p);
                // A large plan is mostly done work: leave complete features out first, and say so (as the web does).
                boolean complete = first ? read.nodes().size() <= DRAW_LIMIT : wanted;
                GraphLayout laid = GraphLayout.of(read, complete);
                SwingUtilities.invokeLater(() -> {
                    loading = false;
                    if (gen == generation && p.equals(project)) {
                        if (first) {
                            showComplete.setSelected(complete);
                        }
                        arrived(read, laid, keepView && !first);
                    }
                    if (stale) {
                        stale = false;
                        load(true);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("could not read the graph", e);
                SwingUtilities.invokeLater(() -> {
                    loading = false;
                    summary.setText("Could not read the graph: " + e.getMessage());
                });
            }
        });
    }

    /** The same data laid out again after "Show complete" or "Draw anyway": no store read. */
    private void relayout(boolean keepView) {
        GraphData d = data;
        if (d == null) {
            return;
        }
        boolean complete = showComplete.isSelected();
        int gen = ++generation;
        store.execute(() -> {
            GraphLayout laid = GraphLayout.of(d, complete);
            SwingUtilities.invokeLater(() -> {
                if (gen == generation) {
                    arrived(d, laid, keepView);
                }
            });
        });
    }

    private void arrived(GraphData d, GraphLayout laid, boolean keepView) {
        this.data = d;
        int shown = laid.shownCount();
        int hiddenComplete = showComplete.isSelected() ? 0 : d.completeCount();
        summary.setText(d.nodes().size() + " features, " + d.edges().size() + " dependencies, " + d.waves() + " waves"
                + (hiddenComplete > 0 ? " (" + hiddenComplete + " complete hidden)" : ""));
        criticalModel.clear();
        d.criticalPath().forEach(i -> criticalModel.addElement(d.nodes().get(i)));
        List<GraphData.Node> ready = d.nodes().stream().filter(GraphData.Node::ready)
                .sorted((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                        : Integer.compare(a.number(), b.number()))
                .toList();
        readyModel.clear();
        ready.stream().limit(READY_LISTED).forEach(readyModel::addElement);
        readyTitle.setText("Ready (" + ready.size() + ")");
        if (shown == 0) {
            this.layout = null;
            canvas.set(null, null, false);
            notice.setText(d.nodes().isEmpty() ? "This project has no features yet."
                    : "Every feature is complete: tick \"Show complete\" to draw them.");
            drawAnyway.setVisible(false);
            cards.show(centre, "notice");
        } else if (shown > DRAW_LIMIT && !anyway) {
            this.layout = null;
            canvas.set(null, null, false);
            notice.setText(shown + " features to draw: drawing more than " + DRAW_LIMIT + " at once makes the graph slow"
                    + " and unreadable. " + (showComplete.isSelected() && d.completeCount() > 0
                            ? "Untick \"Show complete\" to leave out the " + d.completeCount() + " complete ones, or draw anyway."
                            : "The critical path and the ready features are listed on the right; or draw anyway."));
            drawAnyway.setVisible(true);
            cards.show(centre, "notice");
        } else {
            this.layout = laid;
            cards.show(centre, "graph");
            centre.validate();
            canvas.set(d, laid, keepView);
        }
        canvas.getAccessibleContext().setAccessibleDescription(summary.getText());
        find();
    }

    /** Outlines the features the search matches and centres the first. */
    private void find() {
        GraphData d = data;
        GraphLayout l = layout;
        String q = search.getText().strip().toLowerCase(Locale.ROOT);
        if (d == null || l == null || q.isEmpty()) {
            found = List.of();
            foundAt = -1;
            searchResult.setText("");
            canvas.highlight(Set.of(), canvas.current());
            return;
        }
        String number = q.startsWith("#") ? q.substring(1) : q;
        List<Integer> hits = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < d.nodes().size(); i++) {
            GraphData.Node n = d.nodes().get(i);
            boolean match = String.valueOf(n.number()).equals(number) || n.description().toLowerCase(Locale.ROOT).contains(q);
            if (match && l.shown()[i]) {
                hits.add(i);
            } else if (match) {
                hidden++;
            }
        }
        // An exact number first: "#12" means that feature before any title that happens to contain "12".
        hits.sort((a, b) -> Boolean.compare(!String.valueOf(d.nodes().get(a).number()).equals(number),
                !String.valueOf(d.nodes().get(b).number()).equals(number)));
        found = hits;
        foundAt = hits.isEmpty() ? -1 : 0;
        searchResult.setText(hits.isEmpty() ? "No feature matches" + (hidden > 0 ? " (" + hidden + " complete hidden)" : "")
                : hits.size() + (hits.size() == 1 ? " match" : " matches") + (hits.size() > 1 ? ": Enter for the next" : ""));
        canvas.highlight(new LinkedHashSet<>(hits), foundAt < 0 ? -1 : hits.get(foundAt));
    }

    private void nextMatch() {
        if (!found.isEmpty()) {
            foundAt = (foundAt + 1) % found.size();
            canvas.highlight(Set.copyOf(found), found.get(foundAt));
        }
    }

    private void open(int node) {
        GraphData d = data;
        ProjectId p = project;
        if (d != null && p != null && node >= 0 && node < d.nodes().size()) {
            actions.openFeature(p, d.nodes().get(node).id());
        }
    }

    // For tests.
    GraphCanvas canvas() {
        return canvas;
    }

    JTextField search() {
        return search;
    }

    JCheckBox showComplete() {
        return showComplete;
    }

    @Nullable GraphData data() {
        return data;
    }

    @Nullable GraphLayout layout() {
        return layout;
    }

    String notice() {
        return centre.isVisible() && notice.isShowing() ? notice.getText() : "";
    }

    String searchResult() {
        return searchResult.getText();
    }

    /** The key: what the colours and marks mean, as the web's legend says it. */
    @SuppressWarnings("serial")
    private static final class Legend extends JPanel {
        Legend() {
            super(new FlowLayout(FlowLayout.LEADING, 14, 4));
            for (Status s : Status.values()) {
                add(item(s.wireName().replace('_', ' '), new Swatch(s, false, false)));
            }
            add(item("ready", new Swatch(Status.PENDING, true, false)));
            add(item("critical path", new Swatch(Status.PENDING, false, true)));
            add(item("A → B: B needs A; dashed: related", null));
            getAccessibleContext().setAccessibleName("Legend");
        }

        private static JLabel item(String text, @Nullable Icon icon) {
            JLabel l = label(text);
            l.setIcon(icon);
            return l;
        }
    }

    /** A small box drawn like a node, so the legend is sharp at any scale. */
    private record Swatch(Status status, boolean ready, boolean critical) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics graphics, int x, int y) {
            Graphics2D g = (Graphics2D) graphics.create();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (critical) {
                g.setColor(GraphColours.CRITICAL);
                g.fillRoundRect(x, y, 22, 14, 8, 8);
            }
            Color bg = c.getBackground();
            g.setColor(GraphColours.fill(status, bg));
            g.fillRoundRect(x + 3, y + 2, 16, 10, 5, 5);
            g.setColor(ready ? GraphColours.READY : GraphColours.status(status));
            g.setStroke(new java.awt.BasicStroke(ready ? 2.5f : 1.5f));
            g.drawRoundRect(x + 3, y + 2, 16, 10, 5, 5);
            g.dispose();
        }

        @Override
        public int getIconWidth() {
            return 22;
        }

        @Override
        public int getIconHeight() {
            return 14;
        }
    }
}
