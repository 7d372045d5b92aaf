package dev.ijoka.store.jooq;

import dev.ijoka.store.jooq.internal.schema.DefaultSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.ForeignKey;
import org.jooq.Table;

/**
 * Every table of the schema both stores share (generated from the migrations), parents before the
 * tables whose foreign keys name them: the order in which a copy inserts. Read from the generated
 * schema, so a table added by a migration is copied with no change here.
 */
final class CopyOrder {

    private CopyOrder() {}

    static List<Table<?>> tables() {
        List<Table<?>> all = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        // By name first, so that the order does not hang on the generator's listing.
        all.sort(Comparator.comparing(Table::getName));
        Set<Table<?>> ordered = new LinkedHashSet<>();
        for (Table<?> t : all) {
            visit(t, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private static void visit(Table<?> table, Set<Table<?>> ordered, Set<Table<?>> path) {
        if (ordered.contains(table)) {
            return;
        }
        if (!path.add(table)) {
            throw new IllegalStateException("the schema's foreign keys form a cycle through " + path
                    + ": a copy cannot order its tables");
        }
        for (ForeignKey<?, ?> fk : table.getReferences()) {
            Table<?> parent = fk.getKey().getTable();
            if (!parent.equals(table)) {
                visit(parent, ordered, path);
            }
        }
        path.remove(table);
        ordered.add(table);
    }
}
