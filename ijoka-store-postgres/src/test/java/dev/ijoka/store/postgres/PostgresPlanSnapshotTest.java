package dev.ijoka.store.postgres;

import dev.ijoka.store.contract.PlanSnapshotContract;
import dev.ijoka.test.postgres.PostgresTestServer;

/** A plan brought forward from the log equals a fresh rebuild, on PostgreSQL. */
class PostgresPlanSnapshotTest extends PlanSnapshotContract {

    @Override
    protected String newStoreUrl() {
        return PostgresTestServer.migratedDatabase();
    }
}
