package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import dev.ijoka.Ijoka;
import dev.ijoka.store.contract.EngineContract;
import java.time.InstantSource;

/** The engine contract (claims and rules included) on a real PostgreSQL server. */
class PostgresEngineContractTest extends EngineContract {

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        return Ijoka.builder().store(PostgresTestServer.migratedDatabase()).clock(clock).build();
    }
}
