package dev.ijoka.spi;

import dev.ijoka.api.StoreHealth;
import java.util.function.Function;

/**
 * The out-port every store implements: where projects, features, dependencies, sessions, insights,
 * rules and the event log live.
 *
 * <p>Contract (checked by the store contract suite in {@code ijoka-store-contract}):
 * <ul>
 *   <li>{@link #write} runs its work in one transaction that holds the store's write lock from its
 *       first statement (SQLite: {@code BEGIN IMMEDIATE}), commits when the work returns and rolls
 *       back when it throws, rethrowing the exception unchanged. State changes and the events
 *       appended for them commit together or not at all.</li>
 *   <li>Write transactions from any number of threads or processes are serialised; none ever fails
 *       merely because another holds the lock (a busy store waits).</li>
 *   <li>{@link #read} sees a consistent snapshot of committed data.</li>
 *   <li>The engine decides; the store stores. No domain rule is enforced here except the
 *       compare-and-set in {@link StoreTransaction#updateFeature}.</li>
 * </ul>
 */
public interface Store extends AutoCloseable {

    <T> T write(Function<StoreTransaction, T> work);

    <T> T read(Function<StoreReader, T> work);

    /**
     * Runs a read that makes exactly one query of the reader (such as {@link StoreReader#lastSequence}
     * or {@link StoreReader#session}). One statement sees one consistent snapshot by itself, so a store
     * may run it without a transaction around it: on PostgreSQL that is one round trip to the server
     * instead of three, and the engine asks the log's last sequence before every answer from its
     * snapshot. A store may refuse work that makes a second query. By default, {@link #read}.
     */
    default <T> T readOne(Function<StoreReader, T> query) {
        return read(query);
    }

    /** How this process notices commits made by other processes. */
    ChangeFeed changeFeed();

    /** Where the store is, for messages and logs, without credentials. */
    String describe();

    /**
     * Checks, now, that the store is open, at the schema this program knows, and writable, cheaply
     * enough for a health probe polled every few seconds (no data is changed; a busy store is not
     * waited for). Never throws: a failing check is reported as {@link StoreHealth.Condition#FAILING},
     * and a closed store as {@link StoreHealth.Condition#CLOSED}.
     */
    StoreHealth health();

    @Override
    void close();
}
