package dev.ijoka.store.contract;

import dev.ijoka.Ijoka;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import java.time.InstantSource;

/** The engine on the in-memory store passes the engine contract. */
class InMemoryEngineContractTest extends EngineContract {

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        return Ijoka.builder().store(InMemoryStoreProvider.URL).clock(clock).build();
    }
}
