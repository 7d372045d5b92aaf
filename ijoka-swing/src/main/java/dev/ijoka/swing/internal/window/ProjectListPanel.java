package dev.ijoka.swing.internal.window;

import dev.ijoka.domain.ProjectId;
import dev.ijoka.swing.internal.ui.PlainText;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

/** The left column: every project shown, with done/total and a bar; Add project… and Remove from list below. */
final class ProjectListPanel extends JPanel {

    private final DefaultListModel<ProjectRow> model = new DefaultListModel<>();
    private final JList<ProjectRow> list = new JList<>(model);
    private boolean quiet;

    ProjectListPanel(Runnable add, Runnable remove, Consumer<ProjectId> selected) {
        super(new BorderLayout(0, 6));
        list.setName("projects");
        list.getAccessibleContext().setAccessibleName("Projects");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.setFixedCellWidth(100); // cells take the list's width; long folders are cut, not scrolled
        list.addListSelectionListener(e -> {
            ProjectRow row = list.getSelectedValue();
            if (!e.getValueIsAdjusting() && !quiet && row != null) {
                selected.accept(row.project().id());
            }
        });
        JLabel title = new JLabel("Projects");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setDisplayedMnemonic('P');
        title.setLabelFor(list);
        JButton addButton = new JButton("Add project…");
        addButton.setName("projects.add");
        addButton.getAccessibleContext().setAccessibleName("Add project");
        addButton.addActionListener(e -> add.run());
        JButton removeButton = new JButton("Remove from list");
        removeButton.setName("projects.remove");
        removeButton.getAccessibleContext().setAccessibleName("Remove the selected project from the list; its data is kept");
        removeButton.setToolTipText("Hides the project here; its plan and history stay in the store");
        removeButton.addActionListener(e -> remove.run());
        JPanel buttons = new JPanel(new GridLayout(0, 1, 0, 4));
        buttons.add(addButton);
        buttons.add(removeButton);
        add(title, BorderLayout.NORTH);
        add(new JScrollPane(list, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER),
                BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 4));
        setPreferredSize(new Dimension(210, 400));
        setMinimumSize(new Dimension(180, 200));
    }

    /** The bar a row is drawn with (for tests): render the row first. */
    static ProgressStrip barOf(Component renderedRow) {
        return ((Renderer) renderedRow).bar;
    }

    JList<ProjectRow> projects() {
        return list;
    }

    /** The rows shown, in order. */
    List<ProjectRow> rows() {
        List<ProjectRow> rows = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            rows.add(model.get(i));
        }
        return rows;
    }

    Optional<ProjectId> selected() {
        ProjectRow row = list.getSelectedValue();
        return row == null ? Optional.empty() : Optional.of(row.project().id());
    }

    /** Replaces the rows, keeping the selection without announcing it again. */
    void setRows(List<ProjectRow> rows) {
        Optional<ProjectId> keep = selected();
        quiet = true;
        try {
            model.clear();
            model.addAll(rows);
            keep.ifPresent(this::selectQuietly);
        } finally {
            quiet = false;
        }
    }

    /** Updates one project's progress in place. */
    void update(ProjectRow row) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).project().id().equals(row.project().id())) {
                model.set(i, row);
                return;
            }
        }
    }

    /** Selects the project and announces it (as a click would). */
    boolean select(ProjectId id) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).project().id().equals(id)) {
                list.setSelectedIndex(i);
                list.ensureIndexIsVisible(i);
                return true;
            }
        }
        return false;
    }

    private void selectQuietly(ProjectId id) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).project().id().equals(id)) {
                list.setSelectedIndex(i);
                return;
            }
        }
    }

    /** Name, folder, and the progress bar with done/total. */
    private static final class Renderer extends JPanel implements ListCellRenderer<ProjectRow> {
        private final JLabel name = PlainText.label("");
        private final JLabel root = PlainText.label("");
        private final ProgressStrip bar = new ProgressStrip();
        private final JLabel count = PlainText.label("");

        Renderer() {
            super(new BorderLayout(0, 2));
            JPanel text = new JPanel(new GridLayout(0, 1));
            text.setOpaque(false);
            text.add(name);
            text.add(root);
            JPanel progress = new JPanel(new BorderLayout(6, 0));
            progress.setOpaque(false);
            progress.add(bar, BorderLayout.CENTER);
            progress.add(count, BorderLayout.EAST);
            add(text, BorderLayout.CENTER);
            add(progress, BorderLayout.SOUTH);
            setBorder(BorderFactory.createEmptyBorder(6, 6, 8, 6));
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends ProjectRow> list, ProjectRow row, int index,
                boolean selected, boolean focused) {
            name.setText(row.project().name());
            name.setFont(list.getFont().deriveFont(Font.BOLD));
            root.setText(Folders.shortened(row.project().root()));
            root.setFont(list.getFont().deriveFont(list.getFont().getSize2D() - 1f));
            int total = row.progress().total();
            count.setText(row.progress().complete() + "/" + total + " done");
            Color fg = selected ? list.getSelectionForeground() : list.getForeground();
            Color muted = selected ? fg : UIManager.getColor("Label.disabledForeground");
            name.setForeground(fg);
            root.setForeground(muted == null ? fg : muted);
            count.setForeground(fg);
            setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            bar.show(row.progress().percentComplete(), getBackground(), fg, selected);
            getAccessibleContext().setAccessibleName(row.project().name() + ", " + row.progress().complete()
                    + " of " + total + " features done");
            return this;
        }
    }
}
