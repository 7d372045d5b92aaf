package dev.ijoka.store.jooq;

import java.sql.SQLException;

/**
 * A write transaction's connection that can hold back statements whose answers nobody reads (a row
 * inserted, a session upserted) and send them ahead of the transaction's next statement, in its round
 * trip: PostgreSQL's ({@code PipelinedConnection}), where each round trip is a hand-over to a server
 * backend. They run in the order given and before anything else the transaction sends, so every later
 * statement sees them, and a failure among them fails that statement. Statements not sent when the work
 * returns are sent with the commit, in its round trip.
 */
public interface DeferredStatements {

    /** Sends {@code sql} (one statement, its values inlined) ahead of the transaction's next statement. */
    void defer(String sql);

    /**
     * The log's last sequence as the transaction's write lock found it: read under the lock in the
     * transaction's first round trip (that round trip is made now when nothing has been sent yet). As
     * nobody else appends while the lock is held, the events this transaction appends get the sequences
     * after it, one after the other, and their insert can be held back too.
     *
     * @throws SQLException when that round trip fails (a held-back write among it, a lost connection)
     */
    long lastSequenceAtLock() throws SQLException;
}
