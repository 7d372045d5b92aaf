package dev.ijoka.store.jooq;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.StoreException;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreCopier;
import dev.ijoka.store.jooq.internal.schema.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.exception.DataAccessException;

/**
 * Copies one SQL store into another, empty one, below the port: every table of the shared jOOQ schema
 * ({@link CopyOrder}), every column, rows streamed in key order in batches, between any two dialects.
 *
 * <p>The whole copy is one write transaction on the target (which holds the target's write lock), inside
 * which the source is read in one snapshot: a copy killed half way leaves the target empty, as the
 * database's own rollback makes it, and it can simply be run again. Listed in
 * {@code META-INF/services/dev.ijoka.spi.StoreCopier}; callers use {@code dev.ijoka.StoreCopy}.
 */
public final class JooqStoreCopier implements StoreCopier {

    /** Rows read and inserted at a time: few round trips, far below every driver's limit on bound values. */
    static final int BATCH = 500;

    @Override
    public boolean supports(Store from, Store to) {
        return from instanceof JooqStore && to instanceof JooqStore;
    }

    @Override
    public List<TableCopied> copy(Store from, Store to, Progress progress) {
        JooqStore source = (JooqStore) from;
        JooqStore target = (JooqStore) to;
        List<Table<?>> tables = CopyOrder.tables();
        try {
            return target.connections().write(tc -> {
                DSLContext out = target.dsl(tc);
                refuseData(out, tables, target.describe());
                if (out.dialect().family() == SQLDialect.POSTGRES) {
                    PostgresCounters.requireOwnership(out, target.describe());
                }
                return source.connections().read(sc -> copyAll(source.dsl(sc), out, tables, progress));
            });
        } catch (DataAccessException e) {
            throw new StoreException("could not copy " + source.describe() + " to " + target.describe() + ": "
                    + e.getMessage() + ". Nothing was written to the target; check both with ijoka doctor.", e);
        }
    }

    private static void refuseData(DSLContext out, List<Table<?>> tables, String describe) {
        Map<String, Integer> held = new LinkedHashMap<>();
        for (Table<?> t : tables) {
            int n = out.fetchCount(t);
            if (n > 0) {
                held.put(t.getName(), n);
            }
        }
        if (!held.isEmpty()) {
            throw new InvalidInputException("the target, " + describe + ", already holds data " + held
                    + ": copy into a new, empty database or file. Nothing was written.");
        }
    }

    private static List<TableCopied> copyAll(DSLContext in, DSLContext out, List<Table<?>> tables, Progress progress) {
        Map<Table<?>, Integer> totals = new LinkedHashMap<>();
        for (Table<?> t : tables) {
            totals.put(t, in.fetchCount(t));
        }
        List<TableCopied> copied = new ArrayList<>();
        for (Table<?> t : tables) {
            long total = totals.get(t);
            long rows = copyTable(in, out, t, total, progress);
            int inTarget = out.fetchCount(t);
            if (rows != total || inTarget != total) {
                throw new StoreException("copying table " + t.getName() + " went wrong: " + total + " rows in the source, "
                        + rows + " copied, " + inTarget + " in the target. Nothing was written to the target.");
            }
            copied.add(new TableCopied(t.getName(), total));
        }
        if (out.dialect().family() == SQLDialect.POSTGRES) {
            PostgresCounters.continueIdentities(out, tables);
        }
        return copied;
    }

    private static long copyTable(DSLContext in, DSLContext out, Table<?> table, long total, Progress progress) {
        progress.rows(table.getName(), 0, total);
        boolean postgresLog = table.equals(Tables.EVENTS) && out.dialect().family() == SQLDialect.POSTGRES;
        if (postgresLog) {
            PostgresCounters.suspendNumbering(out);
        }
        long done = 0;
        try (Cursor<Record> cursor = in.select(table.fields()).from(table).orderBy(keyOf(table)).fetchSize(BATCH).fetchLazy()) {
            while (cursor.hasNext()) {
                Result<Record> batch = cursor.fetchNext(BATCH);
                out.insertInto(table).columns(table.fields()).valuesOfRecords(batch).execute();
                done += batch.size();
                progress.rows(table.getName(), done, total);
            }
        }
        if (postgresLog) {
            PostgresCounters.resumeNumbering(out);
        }
        return done;
    }

    /** The primary key's columns (the log's is its sequence), or every column of a table without one. */
    private static Field<?>[] keyOf(Table<?> table) {
        UniqueKey<?> pk = table.getPrimaryKey();
        return pk != null ? pk.getFieldsArray() : table.fields();
    }
}
