package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import dev.ijoka.spi.Store;
import dev.ijoka.store.contract.StoreContract;

/** The store contract (event log, concurrency, health included) on a real PostgreSQL server. */
class PostgresStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new PostgresStoreProvider().open(PostgresTestServer.migratedDatabase());
    }
}
