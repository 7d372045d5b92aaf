package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import dev.ijoka.Ijoka;
import dev.ijoka.store.contract.CommandSequenceContract;
import java.time.InstantSource;

/** Random command sequences against PostgreSQL and the model. */
class PostgresCommandSequenceTest extends CommandSequenceContract {

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        return Ijoka.builder().store(PostgresTestServer.migratedDatabase()).clock(clock).build();
    }
}
