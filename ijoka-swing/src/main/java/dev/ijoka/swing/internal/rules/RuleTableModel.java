package dev.ijoka.swing.internal.rules;

import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.table.AbstractTableModel;

/** The rules as table rows; the "Enabled" cell is the only editable one, and editing it asks the engine. */
@SuppressWarnings("serial") // never serialized
final class RuleTableModel extends AbstractTableModel {

    static final String[] COLUMNS = {"Rule", "Kind", "Scope", "Enforcement", "Triggered", "Violated", "Last decision", "Enabled"};
    static final int ENABLED = 7;

    private transient List<RulesSource.Row> rows = List.of();
    private transient Instant now = Instant.EPOCH;
    private final transient BiConsumer<Rule, Boolean> toggle;

    RuleTableModel(BiConsumer<Rule, Boolean> toggle) {
        this.toggle = toggle;
    }

    void set(List<RulesSource.Row> newRows, Instant at) {
        this.rows = List.copyOf(newRows);
        this.now = at;
        fireTableDataChanged();
    }

    RulesSource.Row row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case 4, 5 -> Long.class;
            case ENABLED -> Boolean.class;
            default -> String.class;
        };
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == ENABLED;
    }

    @Override
    public Object getValueAt(int row, int column) {
        RulesSource.Row r = rows.get(row);
        Rule rule = r.rule();
        return switch (column) {
            case 0 -> rule.spec().describe();
            case 1 -> kindWords(rule.spec());
            case 2 -> rule.isGlobal() ? "global" : "project";
            // Context and reminders inform; they never refuse, so their enforcement means nothing.
            case 3 -> informs(rule.spec()) ? "—" : rule.enforcement().wireName();
            case 4 -> rule.triggered();
            case 5 -> rule.violated();
            case 6 -> r.last() == null ? "never" : (r.last().violated() ? "violated " : "triggered ") + ago(r.last().at(), now);
            case ENABLED -> rule.enabled();
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        if (column == ENABLED && value instanceof Boolean on && on != rows.get(row).rule().enabled()) {
            toggle.accept(rows.get(row).rule(), on);
        }
    }

    static boolean informs(RuleSpec spec) {
        return spec instanceof RuleSpec.Context || spec instanceof RuleSpec.Reminder;
    }

    static String kindWords(RuleSpec spec) {
        return switch (spec) {
            case RuleSpec.WipLimit w -> "WIP limit";
            case RuleSpec.StepsDoneBeforeComplete s -> "steps done before complete";
            case RuleSpec.Context c -> "context";
            case RuleSpec.Reminder r -> "reminder";
        };
    }

    /** {@code 5 min ago}, as the web's pages say it. */
    static String ago(Instant at, Instant now) {
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        return s / 86_400 + " d ago";
    }
}
