package dev.ijoka.swing.internal.table;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import dev.ijoka.swing.internal.ui.Background;
import dev.ijoka.swing.internal.ui.ChangedFeatures;
import dev.ijoka.swing.internal.ui.PlainText;
import dev.ijoka.swing.internal.ui.StatusStyle;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FontMetrics;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SwingConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import com.formdev.flatlaf.FlatClientProperties;
import org.jspecify.annotations.Nullable;

/**
 * The Table: every feature of the project in one {@link JTable}, sorted by any column (click a header) and
 * filtered as you type (the filter matches any column's text). Live changes update single rows.
 */
public final class TableView implements ProjectView {

    private static final int RELOAD_ABOVE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Ijoka ijoka;
    private final Executor storeExecutor;
    private final DesktopActions actions;
    private final FeatureTableModel model = new FeatureTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<FeatureTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filter = new JTextField();
    private final JLabel count = PlainText.label(" ");
    private final JPanel root = new JPanel(new BorderLayout(0, 6));
    private @Nullable ProjectId project;
    private long generation;

    public TableView(Ijoka ijoka, Executor storeExecutor, DesktopActions actions) {
        this.ijoka = ijoka;
        this.storeExecutor = storeExecutor;
        this.actions = actions;
        sorter.setSortsOnUpdates(true);
        table.setRowSorter(sorter);
        table.setName("table");
        table.getAccessibleContext().setAccessibleName("Features");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(Object.class, new PlainCell(SwingConstants.LEADING));
        table.setDefaultRenderer(String.class, new PlainCell(SwingConstants.LEADING));
        table.setDefaultRenderer(Integer.class, new PlainCell(SwingConstants.TRAILING));
        table.setDefaultRenderer(FeatureTableModel.Steps.class, new PlainCell(SwingConstants.CENTER));
        table.setDefaultRenderer(Instant.class, new PlainCell(SwingConstants.LEADING));
        sizeColumns();
        table.addPropertyChangeListener("font", e -> sizeColumns()); // a theme switch may change the font
        table.getSelectionModel().addListSelectionListener(e -> {
            int row = table.getSelectedRow();
            if (!e.getValueIsAdjusting() && row >= 0 && project != null) {
                actions.openFeature(project, model.featureAt(table.convertRowIndexToModel(row)).id());
            }
        });

        filter.setName("table.filter");
        filter.getAccessibleContext().setAccessibleName("Filter features");
        filter.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Filter: any text of any column");
        filter.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { applyFilter(); }
            @Override public void removeUpdate(DocumentEvent e) { applyFilter(); }
            @Override public void changedUpdate(DocumentEvent e) { applyFilter(); }
        });
        JLabel filterLabel = new JLabel("Filter:");
        filterLabel.setDisplayedMnemonic('F');
        filterLabel.setLabelFor(filter);
        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.add(filterLabel, BorderLayout.WEST);
        top.add(filter, BorderLayout.CENTER);
        top.add(count, BorderLayout.EAST);
        root.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        root.add(top, BorderLayout.NORTH);
        root.add(new JScrollPane(table), BorderLayout.CENTER);
        root.setName("tableView");
    }

    @Override
    public String title() {
        return "Table";
    }

    @Override
    public JComponent component() {
        return root;
    }

    @Override
    public void show(ProjectId shown) {
        project = shown;
        long load = ++generation;
        model.replaceAll(List.of());
        Background.run(storeExecutor, () -> ijoka.features().list(shown), all -> {
            if (load == generation) {
                model.replaceAll(all);
                updateCount();
            }
        }, error -> actions.tell("Could not load the table: " + Background.message(error)));
    }

    @Override
    public void changed(List<Event> events) {
        ProjectId shown = project;
        if (shown == null) {
            return;
        }
        Set<FeatureId> ids = ChangedFeatures.in(shown, events);
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() > RELOAD_ABOVE) {
            show(shown);
            return;
        }
        long load = generation;
        Background.run(storeExecutor, () -> ChangedFeatures.read(ijoka, ids), fresh -> {
            if (load == generation) {
                fresh.forEach(model::put);
                updateCount();
            }
        }, error -> actions.tell("Could not update the table: " + Background.message(error)));
    }

    /**
     * The short columns get exactly the room their longest word needs (header with its sort arrow, or a typical
     * value), measured in the table's font; the title takes all the rest, growing and shrinking with the window.
     * (JTable shares a width change among the columns that can still move, so fixed short columns leave it all
     * to the title.)
     */
    private void sizeColumns() {
        FontMetrics cells = table.getFontMetrics(table.getFont());
        FontMetrics header = table.getFontMetrics(table.getTableHeader().getFont());
        for (int i = 0; i < model.getColumnCount(); i++) {
            javax.swing.table.TableColumn column = table.getColumnModel().getColumn(i);
            if (i == FeatureTableModel.TITLE) {
                column.setMinWidth(cells.stringWidth("A title of some words"));
                column.setMaxWidth(Integer.MAX_VALUE);
                column.setPreferredWidth(cells.stringWidth("m") * 60);
                continue;
            }
            int widest = 0;
            for (String value : longest(i)) {
                widest = Math.max(widest, cells.stringWidth(value));
            }
            int width = Math.max(widest + CELL_PADDING,
                    header.stringWidth(model.getColumnName(i)) + HEADER_PADDING);
            column.setMinWidth(width);
            column.setMaxWidth(width);
            column.setPreferredWidth(width);
        }
    }

    /** The values a short column shows, or the widest of them. */
    private static List<String> longest(int column) {
        return switch (column) {
            case 0 -> List.of("9999");
            case 2 -> java.util.Arrays.stream(dev.ijoka.domain.Status.values()).map(StatusStyle::title).toList();
            case 3 -> java.util.Arrays.stream(dev.ijoka.domain.Category.values()).map(c -> c.wireName()).toList();
            case 4 -> java.util.Arrays.stream(dev.ijoka.domain.Kind.values()).map(k -> k.wireName()).toList();
            case 5 -> List.of("10");
            case 6 -> List.of("10/10");
            case 7 -> List.of("0197c0de");
            case 8 -> List.of("12-31 23:59");
            default -> List.of();
        };
    }
    /** A cell's insets (12 px in FlatLaf) and a little air. */
    private static final int CELL_PADDING = 14;
    /** The header's insets and the sort arrow beside its name. */
    private static final int HEADER_PADDING = 20;

    /** The table itself (for tests and keyboard focus). */
    public JTable table() {
        return table;
    }

    /** The filter field. */
    public JTextField filter() {
        return filter;
    }

    private void applyFilter() {
        String text = filter.getText().strip();
        sorter.setRowFilter(text.isEmpty() ? null : RowFilter.regexFilter("(?i)" + Pattern.quote(text)));
        updateCount();
    }

    private void updateCount() {
        int shown = table.getRowCount();
        int all = model.getRowCount();
        count.setText(shown == all ? all + " features" : shown + " of " + all + " features");
    }

    /** A cell that shows its value as text (never HTML), dates in local time. */
    private static final class PlainCell extends DefaultTableCellRenderer {
        PlainCell(int alignment) {
            setHorizontalAlignment(alignment);
            PlainText.plain(this);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, @Nullable Object value, boolean selected,
                boolean focused, int row, int column) {
            Object shown = value instanceof Instant at ? WHEN.format(at) : value;
            return super.getTableCellRendererComponent(table, shown, selected, focused, row, column);
        }
    }
}
