package dev.ijoka.store.jooq;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import dev.ijoka.api.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/**
 * What PostgreSQL numbers by itself, kept right by a copy (db/ijoka/postgres/V1__init.sql): the event
 * sequence, which a trigger takes from the counter {@code ijoka_event_counter} whatever the insert says,
 * and the identity columns, whose sequences an insert with explicit values does not move.
 */
final class PostgresCounters {

    private PostgresCounters() {}

    /**
     * Refuses, before anything is written, a copy by a role that does not own the event log: only its
     * owner may turn its numbering off ({@link #suspendNumbering}). The role that created the tables owns
     * them, and a copy into a new database creates them.
     */
    static void requireOwnership(DSLContext out, String describe) {
        Record row = out.fetchOne("SELECT pg_has_role(current_user, c.relowner, 'USAGE'), pg_get_userbyid(c.relowner)"
                + " FROM pg_class c WHERE c.oid = 'events'::regclass");
        if (row == null || !Boolean.TRUE.equals(row.get(0, Boolean.class))) {
            String owner = row == null ? "another role" : row.get(1, String.class);
            throw new InvalidInputException("the target, " + describe + ", has tables owned by " + owner
                    + ", and a copy keeps every event's sequence only as their owner: copy as " + owner
                    + ", or into a new, empty database. Nothing was written.");
        }
    }

    /**
     * Turns off the trigger that numbers events until {@link #resumeNumbering}, so that events are inserted
     * with their own sequences. Transactional: a copy that dies rolls it back with everything else.
     *
     * <p>Why not let the trigger number them: every append through it updates the one counter row, and
     * within one transaction each update adds a row version that the next must walk past, so numbering a
     * whole log in one transaction takes time quadratic in its length (measured: 90 s for 44,000 events,
     * against 10 s with the trigger off).
     */
    static void suspendNumbering(DSLContext out) {
        out.execute("ALTER TABLE events DISABLE TRIGGER events_seq");
    }

    /** Sets the counter to the last sequence copied and turns numbering back on, for the appends after the copy. */
    static void resumeNumbering(DSLContext out) {
        out.execute("UPDATE ijoka_event_counter SET last = (SELECT coalesce(max(seq), 0) FROM events)");
        out.execute("ALTER TABLE events ENABLE TRIGGER events_seq");
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
