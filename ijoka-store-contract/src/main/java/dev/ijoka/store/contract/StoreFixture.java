package dev.ijoka.store.contract;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every store test starts from: a fresh store, closed after the test, and helpers to put
 * things in it. The store contract's suites extend it.
 */
public abstract class StoreFixture {

    private Store store;

    /** Each call of these runs in a transaction of its own: {@code assertThat(reads.feature(id)).contains(f)}. */
    protected StoreReader reads;
    protected StoreTransaction writes;

    /** A fresh, empty, migrated store: called once before every test. */
    protected abstract Store newStore();

    /** Called after every test; override to also delete what {@link #newStore()} made. */
    protected void closeStore(Store opened) {
        opened.close();
    }

    /** The store of the running test. */
    protected final Store store() {
        return store;
    }

    @BeforeEach
    final void openTheStore() {
        store = newStore();
        reads = OneShot.reads(store);
        writes = OneShot.writes(store);
    }

    @AfterEach
    final void closeTheStore() {
        closeStore(store);
    }

    protected Project aProject(String name) {
        Project p = TestData.project(name);
        run(tx -> tx.insertProject(p));
        return p;
    }

    protected Feature aFeature(FeatureBuilder builder) {
        Feature f = builder.build();
        run(tx -> tx.insertFeature(f));
        return f;
    }

    protected Session aSession(Session s) {
        run(tx -> tx.upsertSession(s));
        return s;
    }

    protected void run(Consumer<StoreTransaction> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    protected <T> T write(Function<StoreTransaction, T> work) {
        return store.write(work);
    }
}
