package dev.ijoka.store.contract;

import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;

/** The in-memory store passes the store contract. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStoreProvider().open(InMemoryStoreProvider.URL);
    }
}
