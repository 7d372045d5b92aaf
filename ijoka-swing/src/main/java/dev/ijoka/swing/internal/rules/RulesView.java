package dev.ijoka.swing.internal.rules;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.event.Event;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableCellRenderer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules: every rule that applies to the project (its own, then the global ones) with kind, scope, enforcement,
 * counters, latest decision and an enabled switch; the latest decisions below; a form to add a rule of any kind
 * beside them. Live: a rule added, toggled or firing anywhere updates the view.
 */
public final class RulesView implements ProjectView {

    private static final Logger LOG = LoggerFactory.getLogger(RulesView.class);

    private final Ijoka ijoka;
    private final RulesSource source;
    private final Executor store;
    private final DesktopActions actions;
    private final RuleTableModel model = new RuleTableModel(this::toggle);
    private final JTable table = new JTable(model);
    private final DefaultListModel<RulesSource.Decision> decisions = new DefaultListModel<>();
    private final JList<RulesSource.Decision> decisionList = new JList<>(decisions);
    private final JLabel empty = new JLabel(" ");
    private final RuleForm form = new RuleForm(this::add);
    private final JPanel panel = new JPanel(new BorderLayout());

    private @Nullable ProjectId project;
    private int generation;

    public RulesView(Ijoka ijoka, Executor store, DesktopActions actions) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        this.source = new RulesSource(ijoka);
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        build();
    }

    private void build() {
        DefaultTableCellRenderer text = new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                super.setValue(value);
                setToolTipText(value == null ? null : value.toString()); // the whole text of a clipped cell
            }
        };
        text.putClientProperty("html.disable", Boolean.TRUE); // rule texts are the user's, shown as typed
        table.setDefaultRenderer(String.class, text);
        table.setRowHeight(Math.max(table.getRowHeight(), 24));
        table.setFillsViewportHeight(true);
        table.setAutoCreateRowSorter(true);
        table.getAccessibleContext().setAccessibleName("Rules");
        // The rule's words get what the short columns leave.
        int[] widths = {0, 180, 70, 100, 80, 75, 140, 70};
        for (int c = 1; c < widths.length; c++) {
            var column = table.getColumnModel().getColumn(c);
            column.setPreferredWidth(widths[c]);
            column.setMinWidth(widths[c] - 10);
            column.setMaxWidth(widths[c] + 40);
        }
        table.getColumnModel().getColumn(0).setPreferredWidth(400);
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "toggle");
        table.getActionMap().put("toggle", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                int row = table.getSelectedRow();
                if (row >= 0) {
                    Rule r = model.row(table.convertRowIndexToModel(row)).rule();
                    toggle(r, !r.enabled());
                }
            }
        });
        empty.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));

        decisionList.getAccessibleContext().setAccessibleName("Recent rule decisions, newest first");
        decisionList.setCellRenderer(new DefaultListCellRenderer() {
            {
                putClientProperty("html.disable", Boolean.TRUE);
            }

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focused) {
                RulesSource.Decision d = (RulesSource.Decision) value;
                String text = (d.violated() ? "violated" : "triggered") + " · " + RuleTableModel.ago(d.at(), Instant.now())
                        + (d.featureRef() == null ? "" : " · " + d.featureRef()) + " · " + d.command().replace('_', ' ')
                        + ": " + d.message() + " (" + d.rule() + ")";
                super.getListCellRendererComponent(list, text, index, selected, focused);
                setToolTipText(text + (d.featureRef() == null ? "" : " (double-click or Enter opens " + d.featureRef() + ")"));
                return this;
            }
        });
        decisionList.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openDecision();
                }
            }
        });
        decisionList.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open-feature");
        decisionList.getActionMap().put("open-feature", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openDecision();
            }
        });

        JPanel rules = new JPanel(new BorderLayout());
        rules.add(heading("Rules"), BorderLayout.NORTH);
        rules.add(new JScrollPane(table), BorderLayout.CENTER);
        JLabel note = new JLabel("Global rules apply to every project; their counters are summed over all projects."
                + " Space toggles the selected rule.");
        note.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        JPanel south = new JPanel(new BorderLayout());
        south.add(empty, BorderLayout.NORTH);
        south.add(note, BorderLayout.SOUTH);
        rules.add(south, BorderLayout.SOUTH);

        JPanel recent = new JPanel(new BorderLayout());
        recent.add(heading("Recent decisions"), BorderLayout.NORTH);
        recent.add(new JScrollPane(decisionList), BorderLayout.CENTER);

        // The table gets the whole width (rule texts are long); decisions and the form share the lower half.
        JPanel formColumn = new JPanel(new BorderLayout());
        formColumn.add(form, BorderLayout.NORTH);
        JPanel lower = new JPanel(new BorderLayout());
        lower.add(recent, BorderLayout.CENTER);
        lower.add(formColumn, BorderLayout.EAST);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, rules, lower);
        split.setResizeWeight(0.5);
        split.setBorder(null);
        panel.add(split, BorderLayout.CENTER);
        panel.getAccessibleContext().setAccessibleName("Rules");
    }

    private static JLabel heading(String text) {
        JLabel l = new JLabel(text);
        l.setFont(l.getFont().deriveFont(Font.BOLD, l.getFont().getSize2D() + 2));
        l.setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
        return l;
    }

    @Override
    public String title() {
        return "Rules";
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
        // Global rules' events belong to no project; the counters move with rule_triggered and rule_violated.
        if (p != null && events.stream().anyMatch(e -> (e.project() == null || p.equals(e.project()))
                && e.type().wireName().startsWith("rule_"))) {
            reload();
        }
    }

    private void reload() {
        ProjectId p = project;
        if (p == null) {
            return;
        }
        int gen = ++generation;
        store.execute(() -> {
            try {
                RulesSource.Snapshot s = source.read(p);
                Instant now = ijoka.clock().instant();
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        arrived(s, now);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("could not read the rules", e);
                SwingUtilities.invokeLater(() -> empty.setText("Could not read the rules: " + e.getMessage()));
            }
        });
    }

    private void arrived(RulesSource.Snapshot s, Instant now) {
        int selected = table.getSelectedRow();
        model.set(s.rules(), now);
        if (selected >= 0 && selected < table.getRowCount()) {
            table.setRowSelectionInterval(selected, selected);
        }
        empty.setText(s.rules().isEmpty() ? "No rules yet: add one with the form." : " ");
        decisions.clear();
        s.recent().forEach(decisions::addElement);
        if (s.recent().isEmpty()) {
            decisionList.getAccessibleContext().setAccessibleDescription("No rule has fired in this project yet.");
        }
    }

    private void add(RuleForm.Request r) {
        ProjectId p = project;
        if (p == null) {
            return;
        }
        form.add.setEnabled(false);
        store.execute(() -> {
            try {
                Rule rule = ijoka.rules().add(r.global() ? null : p, r.spec(), r.enforcement());
                SwingUtilities.invokeLater(() -> {
                    form.add.setEnabled(true);
                    form.added(rule.spec().describe());
                    reload();
                });
            } catch (RuntimeException e) {
                // The engine's own words: the same message an agent or the web gets.
                SwingUtilities.invokeLater(() -> {
                    form.add.setEnabled(true);
                    form.error(e.getMessage());
                });
            }
        });
    }

    private void toggle(Rule rule, boolean enabled) {
        store.execute(() -> {
            try {
                ijoka.rules().setEnabled(rule.id(), enabled);
                SwingUtilities.invokeLater(this::reload);
            } catch (RuntimeException e) {
                SwingUtilities.invokeLater(() -> {
                    actions.tell("Could not " + (enabled ? "enable" : "disable") + " the rule: " + e.getMessage());
                    reload();
                });
            }
        });
    }

    private void openDecision() {
        RulesSource.Decision d = decisionList.getSelectedValue();
        ProjectId p = project;
        if (d != null && d.feature() != null && p != null) {
            actions.openFeature(p, d.feature());
        }
    }

    // For tests.
    RuleForm form() {
        return form;
    }

    JTable table() {
        return table;
    }

    JList<RulesSource.Decision> decisions() {
        return decisionList;
    }
}
