package dev.ijoka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.StoreException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door: finding a store by URL, and the options of the builder. */
class IjokaBuilderTest {

    @Test
    void theServiceLoaderFindsTheInMemoryStoreByItsUrl() {
        assertThat(ServiceLoader.load(StoreProvider.class).stream().map(p -> p.get().name())).contains("memory");

        try (Ijoka ijoka = Ijoka.builder().store("memory:").build();
                Ijoka labelled = Ijoka.builder().store("memory:scratch").build()) {
            assertThat(ijoka.storeDescription()).isEqualTo("in-memory store");
            assertThat(labelled.storeDescription()).isEqualTo("in-memory store");
        }
    }

    @Test
    void eachInMemoryEngineHasItsOwnStore(@TempDir Path dir) {
        try (Ijoka one = Ijoka.inMemory(); Ijoka two = Ijoka.inMemory()) {
            one.projects().open(dir);

            assertThat(one.projects().list()).hasSize(1);
            assertThat(two.projects().list()).isEmpty();
        }
    }

    @Test
    void anUnknownUrlSaysWhichStoresThereAreAndWhatToAdd() {
        assertThatThrownBy(() -> Ijoka.builder().store("jdbc:sqlite:/tmp/ijoka.db").build())
                .isInstanceOf(StoreException.class)
                .hasMessage("no store on the class path handles jdbc:sqlite:/tmp/ijoka.db (found: memory). "
                        + "Add the store's jar, e.g. dev.ijoka:ijoka-store-sqlite for jdbc:sqlite: URLs.")
                .extracting(e -> ((StoreException) e).code()).isEqualTo("store_failure");
    }

    @Test
    void passwordsInAnUnknownUrlNeverReachTheMessage() {
        assertThatThrownBy(() -> Ijoka.builder().store("jdbc:postgresql://alice:s3cret@db.example/ijoka?password=hunter2&ssl=true").build())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://alice:***@db.example/ijoka?password=***&ssl=true")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void buildingWithoutAStoreSaysHowToConfigureOne() {
        assertThatThrownBy(() -> Ijoka.builder().build())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("no store configured");
    }

    @Test
    void theLeaseMustBePositive() {
        assertThatThrownBy(() -> Ijoka.builder().leaseDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaseDuration must be positive, got PT0S");
        assertThatThrownBy(() -> Ijoka.builder().leaseDuration(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClockAndIdSourceGivenAreUsed(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Fixture.T0);
        AtomicInteger next = new AtomicInteger();
        try (Ijoka ijoka = Ijoka.builder().store("memory:").clock(clock).ids(() -> "id-" + next.incrementAndGet()).build()) {
            Project p = ijoka.projects().open(dir);
            Feature f = ijoka.features().create(p.id(), NewFeature.of("a", Category.FUNCTIONAL));

            assertThat(p.id().value()).isEqualTo("id-1");
            assertThat(f.id().value()).startsWith("id-");
            assertThat(f.createdAt()).isEqualTo(Fixture.T0);
        }
    }

    @Test
    void theNotifierHearsOfCompletedAndBlockedFeatures(@TempDir Path dir) throws InterruptedException {
        java.util.concurrent.BlockingQueue<dev.ijoka.spi.Notifier.Notification> heard =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (Ijoka ijoka = Ijoka.builder().store("memory:").notifier(heard::add).build()) {
            Project p = ijoka.projects().open(dir);
            Feature f = ijoka.features().create(p.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
            ijoka.features().block(f.id(), null, "no API keys", null);
            ijoka.features().unblock(f.id(), null);
            ijoka.features().start(f.id(), null);
            ijoka.features().complete(f.id(), null);

            var blocked = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            var completed = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(blocked).isEqualTo(new dev.ijoka.spi.Notifier.Notification("Feature blocked",
                    "#1 User can log in: no API keys", "ijoka://feature/" + f.id()));
            assertThat(completed).isNotNull();
            assertThat(completed.title()).isEqualTo("Feature complete");
        }
    }
}
