package dev.ijoka.store.jooq;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import dev.ijoka.store.jooq.internal.schema.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;

/**
 * What PostgreSQL numbers by itself, kept right by a copy (db/ijoka/postgres/V1__init.sql): the event
 * sequence, which a trigger takes from the counter {@code ijoka_event_counter} whatever the insert says,
 * and the identity columns, whose sequences an insert with explicit values does not move.
 */
final class PostgresCounters {

    private PostgresCounters() {}

    /**
     * Inserts events, in sequence order, so that each keeps its sequence: the trigger gives the counter's
     * next value, so before a run of consecutive sequences the counter is set to just below its first.
     * Afterwards the counter holds the last sequence copied, and the next append continues from it.
     *
     * @param lastSequence the sequence last inserted by this copy, or -1 before the first
     * @return the sequence last inserted
     */
    static long insertEvents(DSLContext out, Result<Record> batch, long lastSequence) {
        long last = lastSequence;
        List<Record> run = new ArrayList<>();
        for (Record r : batch) {
            long seq = r.get(Tables.EVENTS.SEQ);
            if (seq != last + 1 || last < 0) {
                insert(out, run);
                run.clear();
                out.execute("UPDATE ijoka_event_counter SET last = ?", seq - 1);
            }
            run.add(r);
            last = seq;
        }
        insert(out, run);
        return last;
    }

    private static void insert(DSLContext out, List<Record> rows) {
        if (!rows.isEmpty()) {
            out.insertInto(Tables.EVENTS).columns(Tables.EVENTS.fields()).valuesOfRecords(rows).execute();
        }
    }

    /** Moves every identity column's sequence to the largest value copied, so the next row gets the next number. */
    static void continueIdentities(DSLContext out, List<Table<?>> tables) {
        Set<String> copied = tables.stream().map(Table::getName).collect(Collectors.toSet());
        var identities = out.fetch("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND is_identity = 'YES'");
        for (Record r : identities) {
            String table = r.get(0, String.class);
            String column = r.get(1, String.class);
            if (copied.contains(table)) {
                // setval is strict: on an empty table max() is null and the sequence stays as it is.
                out.fetch("SELECT setval(pg_get_serial_sequence({0}, {1}), (SELECT max({2}) FROM {3}))",
                        inline(name(table).toString()), inline(column), name(column), name(table));
            }
        }
    }
}
