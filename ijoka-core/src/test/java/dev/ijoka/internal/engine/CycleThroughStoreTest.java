package dev.ijoka.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.spi.StoreReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The cycle check of a new BLOCKS edge without a snapshot (what a one-shot {@code ijoka dep add} runs): right
 * answers, and a bounded number of store queries however much of the plan the new edge reaches. Before, it
 * asked the store for one feature's edges at a time, thousands of queries for an edge late in a long chain.
 */
class CycleThroughStoreTest {

    private static final ProjectId PROJECT = ProjectId.of("p");

    /** A store that knows only edges, and counts the questions it is asked. */
    private static final class EdgeStore {
        final List<Dependency> edges = new ArrayList<>();
        final AtomicInteger perFeature = new AtomicInteger();
        final AtomicInteger whole = new AtomicInteger();

        StoreReader reader() {
            return (StoreReader) Proxy.newProxyInstance(StoreReader.class.getClassLoader(), new Class<?>[] {StoreReader.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "dependenciesOf" -> {
                            perFeature.incrementAndGet();
                            yield edges.stream().filter(d -> d.dependent().equals(args[0])).toList();
                        }
                        case "dependencies" -> {
                            whole.incrementAndGet();
                            yield edges.stream().filter(d -> d.project().equals(args[0])).toList();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void edge(FeatureId dependent, FeatureId dependency, DependencyKind kind) {
            edges.add(new Dependency(PROJECT, dependent, dependency, kind));
        }
    }

    private static FeatureId id(int n) {
        return FeatureId.of(String.format("00000000-0000-7000-8000-%012d", n));
    }

    /** Feature i depends on feature i - 1, for i in 2..n: a chain. */
    private static EdgeStore chain(int n) {
        EdgeStore store = new EdgeStore();
        for (int i = 2; i <= n; i++) {
            store.edge(id(i), id(i - 1), DependencyKind.BLOCKS);
        }
        return store;
    }

    @Test
    void anEdgeThatReachesThousandsOfFeaturesCostsABoundedNumberOfQueries() {
        EdgeStore store = chain(5_000);

        Optional<List<FeatureId>> cycle = DependencyService.cycleThroughStore(store.reader(), PROJECT, id(5_001), id(5_000));

        assertThat(cycle).isEmpty();
        assertThat(store.perFeature.get()).isLessThanOrEqualTo(DependencyService.STORE_WALK_BUDGET);
        assertThat(store.whole.get()).isEqualTo(1);
    }

    @Test
    void aLongCycleIsFoundWithItsWholePathAfterTheWalkSwitchesToAllEdges() {
        EdgeStore store = chain(500);

        // #1 depending on #500 closes 1 → 500 → 499 → ... → 1.
        Optional<List<FeatureId>> cycle = DependencyService.cycleThroughStore(store.reader(), PROJECT, id(1), id(500));

        List<FeatureId> expected = new ArrayList<>();
        expected.add(id(1));
        for (int i = 500; i >= 1; i--) {
            expected.add(id(i));
        }
        assertThat(cycle).contains(expected);
        assertThat(store.whole.get()).isEqualTo(1);
    }

    @Test
    void aShortWalkNeverReadsEveryEdge() {
        EdgeStore store = chain(10);

        assertThat(DependencyService.cycleThroughStore(store.reader(), PROJECT, id(3), id(5))).isPresent();
        assertThat(DependencyService.cycleThroughStore(store.reader(), PROJECT, id(20), id(5))).isEmpty();
        assertThat(store.whole.get()).isZero();
    }

    @Test
    void relatedEdgesNeverCloseACycle() {
        EdgeStore store = chain(100);
        store.edge(id(1), id(100), DependencyKind.RELATED);

        assertThat(DependencyService.cycleThroughStore(store.reader(), PROJECT, id(1), id(100))).isPresent();
        assertThat(DependencyService.cycleThroughStore(store.reader(), PROJECT, id(100), id(1))).isEmpty();
    }
}
