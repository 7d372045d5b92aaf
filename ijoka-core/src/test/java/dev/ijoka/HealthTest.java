package dev.ijoka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.api.StoreHealth.Condition;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Ijoka#health()}: the store's own answer, a closed engine as closed, and never an exception. */
class HealthTest {

    @Test
    void anOpenEngineIsUsableAndAClosedOneSaysSo() {
        Ijoka ijoka = Ijoka.inMemory();
        assertThat(ijoka.health().usable()).isTrue();

        ijoka.close();

        StoreHealth h = ijoka.health();
        assertThat(h.condition()).isEqualTo(Condition.CLOSED);
        assertThat(h.fix()).isNotBlank();
    }

    @Test
    void aStoreWhoseCheckThrowsIsReportedFailingWithItsError() {
        try (Ijoka ijoka = Ijoka.builder().store(new ThrowingHealth(new InMemoryStoreProvider().open(InMemoryStoreProvider.URL))).build()) {
            StoreHealth h = ijoka.health();

            assertThat(h.condition()).isEqualTo(Condition.FAILING);
            assertThat(h.detail()).contains("disk on fire");
            assertThat(h.fix()).isNotBlank();
        }
    }

    @Test
    void aFixIsGivenExactlyWhenTheStoreIsUnusable() {
        assertThatThrownBy(() -> new StoreHealth("s", Condition.OK, 1, 1, true, "fine", "do something"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreHealth("s", Condition.GONE, 1, 1, true, "gone", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A store that works but whose health check breaks its promise never to throw. */
    private record ThrowingHealth(Store real) implements Store {
        @Override
        public <T> T write(Function<StoreTransaction, T> work) {
            return real.write(work);
        }

        @Override
        public <T> T read(Function<StoreReader, T> work) {
            return real.read(work);
        }

        @Override
        public ChangeFeed changeFeed() {
            return ChangeFeed.LOCAL_ONLY;
        }

        @Override
        public String describe() {
            return "a broken store";
        }

        @Override
        public StoreHealth health() {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
