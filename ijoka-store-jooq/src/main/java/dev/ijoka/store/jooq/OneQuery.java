package dev.ijoka.store.jooq;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Holds a {@link JooqStore#readOne} to its promise of one query: run outside a transaction, a second
 * query would see another snapshot than the first, so it fails before it runs.
 */
final class OneQuery implements ExecuteListener {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private int started;

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (++started > 1) {
            throw new IllegalStateException("readOne runs one query; this read makes more: use read, whose queries"
                    + " share one snapshot (" + ctx.sql() + ")");
        }
    }
}
