package dev.ijoka.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.FeaturePage;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a long-running engine builds a project's snapshot, and what pays for it, counted by the cache's
 * {@link GraphCache.Builds} on a real in-memory store: the second question about a project starts the build beside
 * it, and that question and every one until the snapshot is held are answered by the store (issue 13: the dashboard's
 * Table waited 3.9-12.8 s for the snapshot at 100,000 features); once held, the benchmark's writes (start, block,
 * unblock, check a step) and reads bring it forward without reading the plan again or making its graph anew, and new
 * features and edges make one graph in memory for the next plan question, however many came before it.
 */
class SnapshotBuildsTest {

    /** Reads by the snapshot's background build wait for this, so that a test can ask while it runs. */
    private final CountDownLatch buildMayRead = new CountDownLatch(1);
    private final CountDownLatch buildReading = new CountDownLatch(1);
    /** The reads of a project's whole plan made on the test's thread. */
    private final Set<String> wholePlanReads = ConcurrentHashMap.newKeySet();
    private final Thread testThread = Thread.currentThread();
    private Engine engine;
    private FeatureService features;
    private DependencyService dependencies;
    private PlanService plan;
    private ProjectId project;
    private final List<Feature> made = new ArrayList<>();

    @BeforeEach
    void open(@TempDir Path dir) {
        Store store = gated(new InMemoryStoreProvider().open(InMemoryStoreProvider.URL));
        engine = new Engine(store, InstantSource.system(), new Uuid7(InstantSource.system()), Duration.ofMinutes(30));
        features = new FeatureService(engine);
        dependencies = new DependencyService(engine);
        plan = new PlanService(engine);
        project = new ProjectService(engine).open(dir).id();
        for (int i = 0; i < 12; i++) {
            made.add(features.create(project, NewFeature.of("feature " + i, Category.FUNCTIONAL).withPriority(i % 3).withSteps("it works")));
        }
        for (int i = 1; i < 12; i += 2) {
            dependencies.add(made.get(i).id(), made.get(i - 1).id(), DependencyKind.BLOCKS, null);
        }
    }

    @AfterEach
    void close() {
        buildMayRead.countDown();
        engine.close();
    }

    @Test
    void aRequestMadeWhileTheSnapshotBuildsIsAnsweredByTheStoreAndEqual() throws InterruptedException {
        FeaturePage first = features.page(project, Set.of(), 0, 5);
        assertThat(engine.graphs.builds.fromStore()).hasValue(0);

        // The second question starts the build beside it and does not wait for it: answered by the store.
        FeaturePage second = features.page(project, Set.of(), 0, 5);
        assertThat(buildReading.await(10, TimeUnit.SECONDS)).as("the background build started").isTrue();
        assertThat(second).isEqualTo(first);

        // While the build waits, questions go on to the store, and the answers are the store's.
        wholePlanReads.clear();
        List<Feature> listed = features.list(project);
        FeaturePage page = features.page(project, Set.of(), 3, 4);
        List<Feature> ready = plan.ready(project);
        assertThat(wholePlanReads).as("answered by the store while the snapshot builds").contains("features", "ready");
        assertThat(engine.graphs.holds(project)).isFalse();

        buildMayRead.countDown();
        plan.graph(project); // a question that needs the graph waits for the build under way rather than making another
        assertThat(engine.graphs.builds.inBackground()).hasValue(1);
        assertThat(engine.graphs.builds.fromStore()).hasValue(1);

        wholePlanReads.clear();
        assertThat(features.list(project)).isEqualTo(listed);
        assertThat(features.page(project, Set.of(), 3, 4)).isEqualTo(page);
        assertThat(plan.ready(project)).isEqualTo(ready);
        assertThat(wholePlanReads).as("answered by the held snapshot").isEmpty();
        assertThat(engine.graphs.builds.fromStore()).hasValue(1);
    }

    @Test
    void theBenchmarksWritesAndReadsBringTheHeldSnapshotForwardWithoutBuildingAgain() {
        buildMayRead.countDown();
        plan.graph(project);
        long fromStore = engine.graphs.builds.fromStore().get();
        long fromMemory = engine.graphs.builds.fromMemory().get();
        SessionId none = null;
        Feature start = plan.ready(project).getFirst();
        Feature block = plan.ready(project).get(1);
        for (int round = 0; round < 5; round++) {
            plan.next(project, none);
            features.start(start.id(), null);
            features.checkStep(start.id(), 0, round % 2 == 0, null);
            features.block(start.id(), null, "reset", null);
            features.unblock(start.id(), null);
            features.block(block.id(), null, "benchmark", null);
            features.unblock(block.id(), null);
            plan.ready(project);
        }
        assertThat(engine.graphs.builds.fromStore()).as("snapshots read whole from the store").hasValue(fromStore);
        assertThat(engine.graphs.builds.fromMemory()).as("graphs made again in memory").hasValue(fromMemory);
    }

    @Test
    void newFeaturesAndEdgesMakeOneGraphInMemoryForTheNextPlanQuestionAndNoneFromTheStore() {
        buildMayRead.countDown();
        plan.graph(project);
        long fromStore = engine.graphs.builds.fromStore().get();
        long fromMemory = engine.graphs.builds.fromMemory().get();
        for (int i = 0; i < 4; i++) {
            Feature added = features.create(project, NewFeature.of("added " + i, Category.FUNCTIONAL));
            dependencies.add(added.id(), made.get(i).id(), DependencyKind.BLOCKS, null);
        }
        assertThat(engine.graphs.builds.fromMemory()).as("no graph made for a write").hasValue(fromMemory);
        Feature next = plan.next(project, null).orElseThrow();
        plan.ready(project);
        assertThat(engine.graphs.builds.fromMemory()).as("one graph for the questions after the writes").hasValue(fromMemory + 1);
        assertThat(engine.graphs.builds.fromStore()).hasValue(fromStore);
        assertThat(next).isEqualTo(fresh().next(project, null).orElseThrow());
    }

    /** A plan of another engine on the same store, which builds its snapshot from the store. */
    private PlanService fresh() {
        Engine other = new Engine(engine.store, InstantSource.system(), new Uuid7(InstantSource.system()), Duration.ofMinutes(30));
        return new PlanService(other);
    }

    private Store gated(Store real) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, m, args) -> {
            if (m.getName().equals("read") || m.getName().equals("readOne")) {
                if (Thread.currentThread().getName().equals("ijoka-snapshot")) {
                    buildReading.countDown();
                    if (!buildMayRead.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the build read");
                    }
                }
                Function<StoreReader, ?> work = cast(args[0]);
                Function<StoreReader, ?> watched = r -> work.apply(watching(r));
                return m.getName().equals("read") ? real.read(watched) : real.readOne(watched);
            }
            return invoke(m, real, args);
        });
    }

    private StoreReader watching(StoreReader real) {
        return (StoreReader) Proxy.newProxyInstance(StoreReader.class.getClassLoader(), new Class<?>[] {StoreReader.class},
                (proxy, m, args) -> {
                    if (Thread.currentThread() == testThread
                            && Set.of("features", "featuresPage", "ready", "dependencies").contains(m.getName())) {
                        wholePlanReads.add(m.getName());
                    }
                    return invoke(m, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
