package dev.ijoka.swing.internal.table;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.swing.internal.ui.StatusStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.table.AbstractTableModel;

/** Every feature of a project, a row each; a changed feature updates its own row and nothing else. */
final class FeatureTableModel extends AbstractTableModel {

    /** Steps done of total, sorted by share done, shown as {@code 2/5}. */
    record Steps(long done, int total) implements Comparable<Steps> {
        @Override
        public int compareTo(Steps o) {
            return Double.compare(share(), o.share()) != 0 ? Double.compare(share(), o.share()) : Integer.compare(total, o.total);
        }

        private double share() {
            return total == 0 ? -1 : (double) done / total;
        }

        @Override
        public String toString() {
            return total == 0 ? "" : done + "/" + total;
        }
    }

    /** The index of the Title column. */
    static final int TITLE = 1;
    private static final String[] COLUMNS = {"#", "Title", "Status", "Category", "Kind", "Priority", "Steps", "Claim", "Updated"};
    private static final Class<?>[] TYPES = {Integer.class, String.class, String.class, String.class, String.class,
        Integer.class, Steps.class, String.class, Instant.class};

    private final List<Feature> rows = new ArrayList<>();
    private final Map<FeatureId, Integer> rowOf = new HashMap<>();

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
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        Feature f = rows.get(row);
        return switch (column) {
            case 0 -> f.number();
            case 1 -> f.description();
            case 2 -> StatusStyle.title(f.status());
            case 3 -> f.category().wireName();
            case 4 -> f.kind().wireName();
            case 5 -> f.priority();
            case 6 -> new Steps(f.stepsDone(), f.steps().size());
            case 7 -> f.claim() == null ? "" : shortSession(f.claim().session().value());
            case 8 -> f.updatedAt();
            default -> throw new IndexOutOfBoundsException("no column " + column);
        };
    }

    /** Enough of a session id to tell sessions apart; the detail panel shows it whole. */
    private static String shortSession(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    Feature featureAt(int row) {
        return rows.get(row);
    }

    int rowOf(FeatureId id) {
        Integer row = rowOf.get(id);
        return row == null ? -1 : row;
    }

    void replaceAll(List<Feature> features) {
        rows.clear();
        rowOf.clear();
        for (Feature f : features) {
            rowOf.put(f.id(), rows.size());
            rows.add(f);
        }
        fireTableDataChanged();
    }

    /** Updates the feature's row, or adds a row for a new feature. */
    void put(Feature f) {
        Integer row = rowOf.get(f.id());
        if (row == null) {
            rowOf.put(f.id(), rows.size());
            rows.add(f);
            fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
        } else {
            rows.set(row, f);
            fireTableRowsUpdated(row, row);
        }
    }
}
