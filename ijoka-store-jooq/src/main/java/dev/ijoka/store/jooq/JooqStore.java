package dev.ijoka.store.jooq;

import static dev.ijoka.store.jooq.internal.schema.Tables.FEATURES;

import dev.ijoka.api.StoreException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.sql.Connection;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Store} on a SQL database, written once in jOOQ for every dialect. The dialect's
 * {@link StoreConnections} supply connections and transaction boundaries; this class maps the
 * port's queries and writes onto the generated schema ({@code dev.ijoka.store.jooq.internal.schema}).
 *
 * <pre>{@code
 * Store store = new JooqStore(connections);   // after the schema has been migrated
 * store.write(tx -> { tx.insertProject(p); return tx.append(events); });
 * }</pre>
 *
 * <p>Thread-safe. Failures of the database surface as {@link StoreException}; an exception thrown
 * by the caller's work rolls the transaction back and is rethrown unchanged.
 */
public final class JooqStore implements Store {

    static {
        // jOOQ logs a banner and tips on first use; stdout and stderr belong to the front ends.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private final StoreConnections connections;
    private final Settings settings;
    private final Rows rows;

    /**
     * jOOQ's static set-up, done before a store of this dialect is opened (see {@code StoreProvider.prepare}): its data
     * types of every dialect, its default settings (looked up on the class path, which opens every jar), the reader's
     * queries, and one query rendered.
     */
    public static void prepare(SQLDialect dialect) {
        JooqReader.prepare();
        DSL.using(dialect).renderInlined(DSL.selectOne().from(FEATURES).where(FEATURES.NUMBER.eq(0)));
    }

    public JooqStore(StoreConnections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = new Settings()
                .withRenderSchema(false)
                .withRenderCatalog(false)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false)
                .withFetchWarnings(false);
        this.rows = new Rows(new PayloadCodec());
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        JooqTransaction[] tx = {null};
        try {
            return connections.write(c -> work.apply(tx[0] = new JooqTransaction(dsl(c), rows,
                    c instanceof DeferredStatements deferred ? deferred : null)));
        } catch (DataAccessException e) {
            throw staleOr(tx[0], e, failure("write to", e));
        } catch (StoreException e) {
            // A held-back compare-and-set found stale where it was sent (with the COMMIT): the caller's exception.
            throw staleOr(tx[0], e, e);
        }
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return connections.read(c -> work.apply(new JooqReader(dsl(c), rows)));
        } catch (DataAccessException e) {
            throw failure("read from", e);
        }
    }

    /**
     * A read of one query, which the dialect may run outside a transaction ({@link StoreConnections#readOne});
     * a second query in it fails ({@link OneQuery}), as it would not see the first one's snapshot.
     */
    @Override
    public <T> T readOne(Function<StoreReader, T> query) {
        Objects.requireNonNull(query, "query");
        try {
            return connections.readOne(c -> query.apply(new JooqReader(
                    dsl(c).configuration().deriveAppending(new OneQuery()).dsl(), rows)));
        } catch (DataAccessException e) {
            throw failure("read from", e);
        }
    }

    @Override
    public ChangeFeed changeFeed() {
        return connections.changeFeed();
    }

    @Override
    public String describe() {
        return connections.describe();
    }

    @Override
    public StoreHealth health() {
        try {
            return connections.health();
        } catch (RuntimeException e) {
            // The port promises an answer, not an exception: a dialect's check that throws is reported.
            return StoreHealth.problem(describe(), StoreHealth.Condition.FAILING, null, null, null,
                    "checking " + describe() + " failed: " + e.getMessage(),
                    "run ijoka doctor; if it persists, restart Ijoka or restore a backup");
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    /** Where this store's connections come from: for {@link JooqStoreCopier}, which copies below the port. */
    StoreConnections connections() {
        return connections;
    }

    /** A jOOQ context on one of this store's connections, rendering as every query of this store does. */
    DSLContext dsl(Connection connection) {
        return DSL.using(connection, connections.dialect(), settings);
    }

    private static RuntimeException staleOr(@Nullable JooqTransaction tx, Throwable failure, RuntimeException otherwise) {
        RuntimeException stale = tx == null ? null : tx.staleFailure(failure);
        return stale != null ? stale : otherwise;
    }

    private StoreException failure(String what, DataAccessException e) {
        return new StoreException("could not " + what + " " + connections.describe() + ": " + e.getMessage()
                + ". Run ijoka doctor to check the store.", e);
    }
}
