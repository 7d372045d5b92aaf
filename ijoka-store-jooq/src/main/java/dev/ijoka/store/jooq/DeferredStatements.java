package dev.ijoka.store.jooq;

/**
 * A write transaction's connection that can hold back statements whose answers nobody reads (a row
 * inserted, a session upserted) and send them ahead of the transaction's next statement, in its round
 * trip: PostgreSQL's ({@code PipelinedConnection}), where each round trip is a hand-over to a server
 * backend. They run in the order given and before anything else the transaction sends, so every later
 * statement sees them, and a failure among them fails that statement. Statements not sent when the work
 * returns are sent before the commit.
 */
public interface DeferredStatements {

    /** Sends {@code sql} (one statement, its values inlined) ahead of the transaction's next statement. */
    void defer(String sql);
}
