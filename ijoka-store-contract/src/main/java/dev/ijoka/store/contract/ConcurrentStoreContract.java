package dev.ijoka.store.contract;

import static dev.ijoka.store.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import dev.ijoka.spi.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract, part three: many threads. Writes are serialised, none is lost, and a reader
 * sees a change and its events together or not at all. Stores extend {@link StoreContract}, which includes these tests.
 */
public abstract class ConcurrentStoreContract extends StoreHealthContract {

    private static final int THREADS = 8;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    public void concurrentCompareAndSetIncrementsAreNeverLost() throws Exception {
        int perThread = 200;
        Project p = TestData.project("cas");
        Feature f = TestData.feature(p.id(), 1).build();
        store().write(tx -> {
            tx.insertProject(p);
            tx.insertFeature(f);
            return null;
        });
        long sequenceBefore = store().read(StoreReader::lastSequence);

        inParallel(t -> {
            for (int i = 0; i < perThread; i++) {
                boolean done = false;
                while (!done) {
                    done = store().write(tx -> {
                        Feature current = tx.feature(f.id()).orElseThrow();
                        if (!tx.updateFeature(current.touched(at(1)), current.version())) {
                            return false;
                        }
                        tx.append(List.of(TestData.event(p.id(), f.id(), null, at(1), new EventPayload.StepChecked(0, "x", true))));
                        return true;
                    });
                }
            }
        });

        int total = THREADS * perThread;
        assertThat(store().read(r -> r.feature(f.id())).orElseThrow().version()).isEqualTo(1L + total);
        assertThat(store().read(StoreReader::lastSequence)).isEqualTo(sequenceBefore + total);
        List<Event> log = allEvents();
        assertThat(log).hasSize(total);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).sequence()).as("sequence after %s", log.get(i - 1).sequence())
                    .isEqualTo(log.get(i - 1).sequence() + 1);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    public void writesAreSerialisedSoAReadModifyWriteIsNeverLost() throws Exception {
        int perThread = 100;
        Project p = TestData.project("serialised");
        Session s = TestData.session(p.id(), "counter");
        store().write(tx -> {
            tx.insertProject(p);
            tx.upsertSession(s);
            return null;
        });

        inParallel(t -> {
            for (int i = 0; i < perThread; i++) {
                // No compare-and-set: only the write lock, held from the first read, keeps this safe.
                store().write(tx -> {
                    Session current = tx.session(s.id()).orElseThrow();
                    tx.upsertSession(current.seen(at(2)));
                    return null;
                });
            }
        });

        assertThat(store().read(r -> r.session(s.id())).orElseThrow().eventCount()).isEqualTo(1L + THREADS * perThread);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    public void aReaderSeesAChangeAndItsEventsTogetherOrNotAtAll() throws Exception {
        int writes = 200;
        Project p = TestData.project("snapshots");
        store().write(tx -> {
            tx.insertProject(p);
            return null;
        });
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < writes; i++) {
                        store().write(tx -> {
                            Feature f = TestData.feature(p.id(), tx.nextFeatureNumber(p.id())).build();
                            tx.insertFeature(f);
                            tx.append(List.of(TestData.event(p.id(), f.id(), null, at(1), new EventPayload.FeatureCreated(f))));
                            return null;
                        });
                    }
                } finally {
                    writing.set(false);
                }
            });
            int reads = 0;
            do {
                int[] seen = store().read(r -> new int[] {
                        r.features(p.id()).size(),
                        r.events(EventQuery.latest(p.id(), EventQuery.MAX_LIMIT).ofTypes(Set.of(EventType.FEATURE_CREATED))).size(),
                        (int) r.lastSequence()});
                assertThat(seen[0]).as("features vs their feature_created events, read %s", reads).isEqualTo(seen[1]);
                assertThat(seen[2]).as("last sequence vs events, read %s", reads).isEqualTo(seen[1]);
                reads++;
            } while (writing.get());
            writer.get();
        } finally {
            pool.shutdownNow();
        }
        List<Feature> written = store().read(r -> r.features(p.id()));
        assertThat(written).hasSize(writes);
    }

    private static void inParallel(Concurrently.Work work) throws Exception {
        Concurrently.run(THREADS, work);
    }

    private List<Event> allEvents() {
        List<Event> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Event> page = store().read(r -> r.eventsAfter(from, EventQuery.MAX_LIMIT));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.getLast().sequence();
        }
    }
}
