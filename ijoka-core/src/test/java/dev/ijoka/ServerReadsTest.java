package dev.ijoka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.CycleException;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a long-running engine (an MCP server, the dashboard) asks its store for, counted on a real
 * in-memory store behind a counting proxy: once it holds a project's snapshot, single-feature, list
 * and dependency reads are answered from it after one look at the log's last sequence (issue 13:
 * a warm tool call must not read the plan from the store); a session's {@code next} reads what the
 * session changes in one go and counts work in progress only when a limit needs it; and a batch of
 * new features depending on stored ones never reads the whole project.
 */
class ServerReadsTest {

    /** Store reads by method name, from the test's thread (not the change feed's). */
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final Thread testThread = Thread.currentThread();
    private Store store;
    private Ijoka ijoka;
    private Project project;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = counting(new InMemoryStoreProvider().open(InMemoryStoreProvider.URL));
        ijoka = Ijoka.builder().store(store).build();
        project = ijoka.projects().open(dir);
    }

    @Test
    void aHeldSnapshotAnswersFeatureAndDependencyReadsLikeTheStoreWithoutReadingFeatures() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        Feature b = ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        Feature c = ijoka.features().create(project.id(), NewFeature.of("c", Category.FUNCTIONAL));
        ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(c.id(), a.id(), DependencyKind.RELATED, null);
        ijoka.features().start(a.id(), null);
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on

        calls.clear();
        Feature byId = ijoka.features().get(a.id());
        Feature byNumber = ijoka.features().get(new FeatureRef.Number(project.id(), b.number()));
        List<Feature> listed = ijoka.features().list(project.id());
        var dependsOn = ijoka.dependencies().of(b.id());
        var dependents = ijoka.dependencies().dependentsOf(a.id());
        var found = ijoka.features().find(c.id());
        List<Feature> both = ijoka.features().findAll(List.of(c.id(), a.id()));

        assertThat(calls.keySet()).as("store reads").isSubsetOf(Set.of("lastSequence"));
        assertThat(byId).isEqualTo(store.read(r -> r.feature(a.id())).orElseThrow());
        assertThat(byId.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(byNumber).isEqualTo(store.read(r -> r.feature(b.id())).orElseThrow());
        assertThat(listed).containsExactlyElementsOf(store.read(r -> r.features(project.id())));
        assertThat(dependsOn).containsExactlyInAnyOrderElementsOf(store.read(r -> r.dependenciesOf(b.id())));
        assertThat(dependents).containsExactlyInAnyOrderElementsOf(store.read(r -> r.dependentsOf(a.id())));
        assertThat(dependents).hasSize(2);
        assertThat(found).contains(store.read(r -> r.feature(c.id())).orElseThrow());
        assertThat(both).extracting(Feature::id).containsExactly(c.id(), a.id());
        assertThat(both.get(1)).isEqualTo(byId);
    }

    @Test
    void oneQuestionLooksAtTheLogOnceAWriteInItTakesItsOwnCommitAndTheNextQuestionLooksAgain() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        Feature b = ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id());

        // Reads of a tool call (next, the feature in full, the ready count) look at the log once together.
        calls.clear();
        Feature next = ijoka.oneLook(() -> {
            Feature n = ijoka.plan().next(project.id(), null).orElseThrow();
            ijoka.features().get(n.id());
            ijoka.features().get(new FeatureRef.Number(project.id(), b.number()));
            ijoka.dependencies().dependentsOf(n.id());
            ijoka.plan().ready(project.id());
            return n;
        });
        assertThat(next.id()).isEqualTo(a.id());
        assertThat(calls).as("store reads").isEqualTo(Map.of("lastSequence", 1));

        // A write in it looks inside its transaction; the reads after it are answered as of its own commit.
        calls.clear();
        Feature after = ijoka.oneLook(() -> {
            ijoka.features().get(a.id());
            ijoka.features().start(a.id(), null);
            ijoka.plan().ready(project.id());
            return ijoka.features().get(a.id());
        });
        assertThat(after.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(after).isEqualTo(store.read(r -> r.feature(a.id())).orElseThrow());
        assertThat(calls.get("lastSequence")).as("the question's look and the write's own").isEqualTo(2);

        // Another process's commit: the next question looks again and sees it.
        Ijoka other = Ijoka.builder().store(store).build();
        other.features().block(b.id(), null, "waits for a decision", null);
        assertThat(ijoka.oneLook(() -> ijoka.features().get(b.id())).status()).isEqualTo(Status.BLOCKED);
        assertThat(ijoka.oneLook(() -> ijoka.plan().ready(project.id()))).isEmpty();
    }

    @Test
    void aPagedListAndAKanbanColumnReadThePageNotThePlan() {
        for (int i = 1; i <= 12; i++) {
            Feature f = ijoka.features().create(project.id(), NewFeature.of("f" + i, Category.FUNCTIONAL).withPriority(i % 4));
            if (i % 3 == 0) {
                ijoka.features().start(f.id(), null);
            }
        }
        List<Feature> all = store.read(r -> r.features(project.id()));

        // Cold (no snapshot held): the store answers with a limit, never the whole project.
        calls.clear();
        var coldPage = ijoka.features().page(project.id(), Set.of(), 2, 3);
        var coldPending = ijoka.features().page(project.id(), Set.of(Status.PENDING), 1, 2);
        assertThat(calls.keySet()).as("store reads").doesNotContain("features").contains("featuresPage");
        assertThat(coldPage.features()).containsExactlyElementsOf(all.subList(2, 5));
        assertThat(coldPage.total()).isEqualTo(12);
        List<Feature> pending = all.stream().filter(f -> f.status() == Status.PENDING).toList();
        assertThat(coldPending.features()).containsExactlyElementsOf(pending.subList(1, 3));
        assertThat(coldPending.total()).isEqualTo(8);

        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on
        calls.clear();
        var page = ijoka.features().page(project.id(), Set.of(), 10, 5);
        assertThat(calls.keySet()).as("store reads").isSubsetOf(Set.of("lastSequence"));
        assertThat(page.features()).containsExactlyElementsOf(all.subList(10, 12));
        assertThat(page.total()).isEqualTo(12);

        calls.clear();
        var column = ijoka.features().column(project.id(), Status.PENDING, 0, 3);
        assertThat(calls.keySet()).as("store reads").isSubsetOf(Set.of("featuresInBoardOrder", "progress"));
        List<Feature> byBoardOrder = pending.stream().sorted(dev.ijoka.domain.BoardOrder.of(Status.PENDING)).toList();
        assertThat(column.features()).containsExactlyElementsOf(byBoardOrder.subList(0, 3));
        assertThat(column.features()).extracting(Feature::priority).containsExactly(3, 3, 2);
        assertThat(column.total()).isEqualTo(8);
        assertThat(ijoka.features().column(project.id(), Status.PENDING, 6, 3).features())
                .containsExactlyElementsOf(byBoardOrder.subList(6, 8));
        assertThatThrownBy(() -> ijoka.features().column(project.id(), Status.PENDING, -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ijoka.features().page(project.id(), Set.of(), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterItsOwnNewFeatureAndEdgeTheServerAnswersFromItsSnapshotWithoutReadingThemBackOrRebuilding() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on
        Feature b = ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);

        Feature stored = store.read(r -> r.feature(a.id())).orElseThrow();
        calls.clear();
        assertThat(ijoka.features().get(a.id())).isEqualTo(stored);
        assertThat(ijoka.features().get(new FeatureRef.Number(project.id(), b.number()))).isEqualTo(b);
        assertThat(ijoka.dependencies().dependentsOf(a.id())).extracting(d -> d.dependent()).containsExactly(b.id());
        assertThat(calls.keySet()).as("store reads after its own writes").isSubsetOf(Set.of("lastSequence"));

        // The next plan question builds the graph from the snapshot's features and edges, not from the store.
        assertThat(ijoka.plan().ready(project.id())).extracting(Feature::id).containsExactly(a.id());
        assertThat(calls.keySet()).as("store reads of a plan question after them").isSubsetOf(Set.of("lastSequence"));
    }

    @Test
    void anotherProcesssNewFeatureAndEdgeAreBroughtForwardFromTheLogWithoutRebuilding() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on
        // Another process writes on the same store (not closed: it shares it): this engine learns of it from the log.
        Ijoka other = Ijoka.builder().store(store).build();
        Feature b = other.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        other.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        other.features().update(a.id(), FeatureUpdate.none().priority(2), null, null);

        calls.clear();
        assertThat(ijoka.plan().ready(project.id())).extracting(Feature::id).containsExactly(a.id());
        assertThat(calls).as("store reads").doesNotContainKeys("features", "dependencies");
        assertThat(calls.get("eventsAfter")).as("the new events read once").isEqualTo(1);
        assertThat(ijoka.features().get(b.id())).isEqualTo(store.read(r -> r.feature(b.id())).orElseThrow());
        assertThat(ijoka.features().get(a.id()).priority()).isEqualTo(2);
        assertThat(ijoka.dependencies().of(b.id())).extracting(d -> d.dependency()).containsExactly(a.id());
    }

    @Test
    void afterItsOwnStartOrBlockTheServerAnswersFromItsSnapshotWithoutReadingTheChangeBack() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL).withSteps("it works"));
        Feature b = ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        SessionId agent = SessionId.of("agent");
        ijoka.sessions().start(project.id(), agent, "test");
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on

        Feature started = ijoka.features().start(a.id(), agent).feature();
        calls.clear();
        Feature read = ijoka.features().get(a.id());
        assertThat(ijoka.plan().progress(project.id()).inProgress()).isEqualTo(1);
        assertThat(calls.keySet()).as("store reads after the start").isSubsetOf(Set.of("lastSequence"));
        assertThat(read).isEqualTo(started).isEqualTo(store.read(r -> r.feature(a.id())).orElseThrow());

        Feature checked = ijoka.features().checkStep(a.id(), 0, true, agent);
        calls.clear();
        read = ijoka.features().get(a.id());
        assertThat(calls.keySet()).as("store reads after a step checked").isSubsetOf(Set.of("lastSequence"));
        assertThat(read).isEqualTo(checked).isEqualTo(store.read(r -> r.feature(a.id())).orElseThrow());

        Feature blocked = ijoka.features().block(b.id(), agent, "waits", null).feature();
        calls.clear();
        read = ijoka.features().get(b.id());
        assertThat(ijoka.plan().ready(project.id())).isEmpty();
        assertThat(calls.keySet()).as("store reads after the block").isSubsetOf(Set.of("lastSequence"));
        assertThat(read).isEqualTo(blocked).isEqualTo(store.read(r -> r.feature(b.id())).orElseThrow());

        // Another writer's change in between: the snapshot is not moved by this process's next commit alone.
        Ijoka other = Ijoka.builder().store(store).build(); // another process on the same store, not closed: it shares it
        other.sessions().start(project.id(), SessionId.of("other"), "test");
        ijoka.features().unblock(b.id(), agent);
        calls.clear();
        assertThat(ijoka.features().get(b.id()).status()).isEqualTo(Status.PENDING);
        assertThat(ijoka.plan().ready(project.id())).isEmpty(); // b still waits for a
        assertThat(calls).as("the log read since the snapshot").containsKey("eventsAfter");
    }

    @Test
    void findAllSkipsWhatDoesNotExistAndKeepsTheOrderGiven() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        Feature b = ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        var missing = new dev.ijoka.domain.FeatureId("no-such-feature");

        assertThat(ijoka.features().findAll(List.of(b.id(), missing, a.id()))).containsExactly(b, a);
        ijoka.plan().ready(project.id());
        ijoka.plan().graph(project.id()); // the snapshot held, as a server's is from its second question on
        assertThat(ijoka.features().findAll(List.of(b.id(), missing, a.id()))).containsExactly(b, a);
        assertThat(ijoka.features().findAll(List.of())).isEmpty();
    }

    @Test
    void aSessionsNextCountsWorkInProgressOnlyWhenALimitIsOn() {
        Feature a = ijoka.features().create(project.id(), NewFeature.of("a", Category.FUNCTIONAL));
        ijoka.features().create(project.id(), NewFeature.of("b", Category.FUNCTIONAL));
        SessionId agent = SessionId.of("agent");
        ijoka.sessions().start(project.id(), agent, "test");

        calls.clear();
        assertThat(ijoka.plan().next(project.id(), agent)).map(Feature::id).contains(a.id());
        assertThat(calls).doesNotContainKey("countInProgress");

        ijoka.features().start(a.id(), null); // held by a person: the session holds nothing
        ijoka.rules().add(project.id(), new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        calls.clear();
        assertThat(ijoka.plan().next(project.id(), agent)).isEmpty();
        assertThat(calls).containsKey("countInProgress");
    }

    @Test
    void aBatchWhoseEdgesStartAtNewFeaturesReadsNeitherEveryFeatureNorEveryEdge() {
        Feature stored = ijoka.features().create(project.id(), NewFeature.of("stored", Category.FUNCTIONAL));
        calls.clear();
        FeatureBatch one = new FeatureBatch(
                List.of(new FeatureBatch.Entry(NewFeature.of("new", Category.FUNCTIONAL), Status.PENDING, null, null)),
                List.of(new FeatureBatch.Edge(new FeatureBatch.Target.Entry(0),
                        new FeatureBatch.Target.Existing(stored.id()), DependencyKind.BLOCKS)));

        Feature added = ijoka.features().createAll(project.id(), one, FeatureBatch.Progress.NONE).created().getFirst();

        assertThat(calls).doesNotContainKeys("features", "dependencies");
        assertThat(ijoka.dependencies().of(added.id())).singleElement()
                .satisfies(d -> assertThat(d.dependency()).isEqualTo(stored.id()));
    }

    @Test
    void aCycleAmongABatchsNewFeaturesIsStillRefused() {
        Feature stored = ijoka.features().create(project.id(), NewFeature.of("stored", Category.FUNCTIONAL));
        FeatureBatch loop = new FeatureBatch(
                List.of(new FeatureBatch.Entry(NewFeature.of("x", Category.FUNCTIONAL), Status.PENDING, null, null),
                        new FeatureBatch.Entry(NewFeature.of("y", Category.FUNCTIONAL), Status.PENDING, null, null)),
                List.of(new FeatureBatch.Edge(new FeatureBatch.Target.Entry(0), new FeatureBatch.Target.Entry(1),
                                DependencyKind.BLOCKS),
                        new FeatureBatch.Edge(new FeatureBatch.Target.Entry(1), new FeatureBatch.Target.Entry(0),
                                DependencyKind.BLOCKS),
                        new FeatureBatch.Edge(new FeatureBatch.Target.Entry(0), new FeatureBatch.Target.Existing(stored.id()),
                                DependencyKind.BLOCKS)));

        assertThatThrownBy(() -> ijoka.features().createAll(project.id(), loop, FeatureBatch.Progress.NONE))
                .isInstanceOf(CycleException.class)
                .hasMessageContaining("new feature \"x\"").hasMessageContaining("new feature \"y\"");
        assertThat(ijoka.features().list(project.id())).extracting(Feature::description).containsExactly("stored");
    }

    /** The store, with every reader and transaction it hands out counting its calls. */
    private Store counting(Store real) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, m, args) -> {
            if (m.getName().equals("read")) {
                Function<StoreReader, ?> work = cast(args[0]);
                return real.read(r -> work.apply(countingView(StoreReader.class, r)));
            }
            if (m.getName().equals("readOne")) {
                Function<StoreReader, ?> work = cast(args[0]);
                return real.readOne(r -> work.apply(countingView(StoreReader.class, r)));
            }
            if (m.getName().equals("write")) {
                Function<StoreTransaction, ?> work = cast(args[0]);
                return real.write(tx -> work.apply(countingView(StoreTransaction.class, tx)));
            }
            return invoke(m, real, args);
        });
    }

    private <T> T countingView(Class<T> type, T real) {
        InvocationHandler handler = (proxy, m, args) -> {
            if (Thread.currentThread() == testThread) {
                calls.merge(m.getName(), 1, Integer::sum);
            }
            return invoke(m, real, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
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
