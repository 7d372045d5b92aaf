package dev.ijoka.store.contract;

import dev.ijoka.Ijoka;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import java.time.InstantSource;

/** Random command sequences on the in-memory store behave like the model. */
class InMemoryCommandSequenceTest extends CommandSequenceContract {

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        return Ijoka.builder().store(InMemoryStoreProvider.URL).clock(clock).build();
    }
}
