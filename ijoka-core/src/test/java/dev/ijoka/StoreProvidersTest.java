package dev.ijoka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.StoreException;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.StoreProvider;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoreProvidersTest {

    @Test
    void withoutThePropertyTheClassPathsProvidersAreFound() {
        assertThat(withProperty(null, StoreProviders::providers)).extracting(StoreProvider::name).containsExactly("memory");
        assertThat(withProperty(null, () -> StoreProviders.forUrl("memory:"))).isInstanceOf(InMemoryStoreProvider.class);
    }

    @Test
    void thePropertyNamesTheProvidersUsedInstead() {
        String named = InMemoryStoreProvider.class.getName();
        assertThat(withProperty(" " + named + " ,", () -> StoreProviders.forUrl("memory:x")))
                .isInstanceOf(InMemoryStoreProvider.class);
        assertThatThrownBy(() -> withProperty(named, () -> StoreProviders.forUrl("jdbc:sqlite:/tmp/x.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("(found: memory)");
    }

    @Test
    void aNameThatIsNoProviderIsRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> withProperty("dev.ijoka.NoSuchProvider", () -> StoreProviders.forUrl("memory:")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(StoreProviders.PROPERTY).hasMessageContaining("dev.ijoka.NoSuchProvider")
                .hasMessageContaining("leave the property unset");
        assertThatThrownBy(() -> withProperty(String.class.getName(), () -> StoreProviders.forUrl("memory:")))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a dev.ijoka.spi.StoreProvider");
    }

    private static <T> T withProperty(String value, Supplier<T> body) {
        String before = System.getProperty(StoreProviders.PROPERTY);
        if (value == null) {
            System.clearProperty(StoreProviders.PROPERTY);
        } else {
            System.setProperty(StoreProviders.PROPERTY, value);
        }
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(StoreProviders.PROPERTY);
            } else {
                System.setProperty(StoreProviders.PROPERTY, before);
            }
        }
    }
}
