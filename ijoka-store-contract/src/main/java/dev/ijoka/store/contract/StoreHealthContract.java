package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.api.StoreHealth.Condition;
import dev.ijoka.domain.Project;
import dev.ijoka.spi.StoreReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract, part four: {@link dev.ijoka.spi.Store#health()}. A store says truthfully whether
 * it can be used, answers promptly even while busy, changes nothing by being asked, and never throws.
 * What breaks a particular store (a deleted file, a lost connection) is tested by that store's own
 * tests; this suite holds every store to the states all of them share. Stores extend
 * {@link StoreContract}, which includes these tests.
 */
public abstract class StoreHealthContract extends StoreFixture {

    @Test
    public void aFreshStoreIsOpenMigratedAndWritable() {
        StoreHealth h = store().health();

        assertThat(h.condition()).as(h.detail()).isEqualTo(Condition.OK);
        assertThat(h.usable()).isTrue();
        assertThat(h.writable()).isTrue();
        assertThat(h.store()).isEqualTo(store().describe());
        assertThat(h.schemaVersion()).as("the store is at the program's schema").isEqualTo(h.programSchemaVersion());
        assertThat(h.detail()).isNotBlank();
        assertThat(h.fix()).isNull();
    }

    @Test
    public void askingChangesNothing() {
        Project p = aProject("health");
        long before = store().read(StoreReader::lastSequence);

        for (int i = 0; i < 3; i++) {
            assertThat(store().health().usable()).isTrue();
        }

        assertThat(store().read(StoreReader::lastSequence)).isEqualTo(before);
        assertThat(reads.projects()).containsExactly(p);
        Project next = aProject("written after the checks");
        assertThat(reads.project(next.id())).contains(next);
    }

    @Test
    public void aClosedStoreSaysSoWithAFixAndDoesNotThrow() {
        store().close();

        StoreHealth h = store().health();

        assertThat(h.condition()).isEqualTo(Condition.CLOSED);
        assertThat(h.usable()).isFalse();
        assertThat(h.detail()).isNotBlank();
        assertThat(h.fix()).isNotBlank();
    }

    /** A store busy with a long write is not broken: the probe answers without waiting the write out. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    public void aBusyStoreAnswersPromptlyAndIsNotReportedBroken() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longWrite = CompletableFuture.runAsync(() -> store().write(tx -> {
            tx.insertProject(TestData.project("long write"));
            writing.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();

            StoreHealth h = store().health();

            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
            assertThat(h.usable()).as(h.detail()).isTrue();
        } finally {
            release.countDown();
            longWrite.get(20, TimeUnit.SECONDS);
        }
    }
}
