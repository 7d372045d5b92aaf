package dev.ijoka.store.contract;

import static dev.ijoka.store.contract.TestData.AWKWARD;
import static dev.ijoka.store.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.spi.BlocksReach;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of the store port ({@link Store}, {@link StoreReader}, {@link StoreTransaction}),
 * tested on the port itself. A store passes it by extending this class:
 *
 * <pre>{@code
 * class SqliteStoreContractTest extends StoreContract {
 *     @TempDir Path dir;
 *     @Override protected Store newStore() { return new SqliteStoreProvider().open("jdbc:sqlite:" + dir.resolve("t.db")); }
 * }
 * }</pre>
 *
 * Test methods are public so that subclasses in any package run them. Instants carry microseconds
 * and text is awkward on purpose: a store must give back exactly what it was given.
 *
 * <p>The suite is split by topic along its superclasses: {@link EventLogContract} (the log),
 * {@link ConcurrentStoreContract} (many threads) and {@link StoreHealthContract} (the health check),
 * on {@link StoreFixture} (the store's lifecycle). A store's {@code close()} may be called twice.
 */
public abstract class StoreContract extends EventLogContract {

    /** A fresh, empty, migrated store: called once before every test ({@link #closeStore} closes it after). */
    @Override
    protected abstract Store newStore();

    // --- transactions -----------------------------------------------------------------------

    @Test
    public void aWriteCommitsAndLaterReadsSeeIt() {
        Project p = TestData.project("alpha " + AWKWARD);

        String result = write(tx -> {
            tx.insertProject(p);
            return "the work's result";
        });

        assertThat(result).isEqualTo("the work's result");
        assertThat(reads.projects()).containsExactly(p);
        assertThat(reads.project(p.id())).contains(p);
        assertThat(reads.projectByRoot(p.root())).contains(p);
        assertThat(reads.projectByRoot(p.root() + "/sub")).isEmpty();
        assertThat(reads.project(ProjectId.of("no-such-project"))).isEmpty();
    }

    // --- projects: identity and paths ----------------------------------------------------------

    @Test
    public void aNewProjectHasAnUnknownIdentityAndItsRootAsItsOnlyPath() {
        Project p = aProject("fresh " + AWKWARD);

        assertThat(reads.projectIdentity(p.id())).isEmpty();
        assertThat(reads.projectPaths(p.id())).containsExactly(p.root());
        assertThat(reads.projectPaths(ProjectId.of("no-such-project"))).isEmpty();
        assertThat(reads.projectIdentity(ProjectId.of("no-such-project"))).isEmpty();
    }

    @Test
    public void aProjectIsFoundByItsIdentityWhichCanBeReplaced() {
        Project p = aProject("shop");
        Project q = aProject("blog");
        ProjectIdentity path = new ProjectIdentity(p.root());
        ProjectIdentity remote = new ProjectIdentity("github.com/acme/Shop " + AWKWARD);

        run(tx -> tx.setProjectIdentity(p.id(), path));
        assertThat(reads.projectIdentity(p.id())).contains(path);
        assertThat(reads.projectByIdentity(path)).contains(p);

        run(tx -> tx.setProjectIdentity(p.id(), remote));
        assertThat(reads.projectIdentity(p.id())).contains(remote);
        assertThat(reads.projectByIdentity(remote)).contains(p);
        assertThat(reads.projectByIdentity(path)).isEmpty();
        assertThat(reads.projectByIdentity(new ProjectIdentity("github.com/acme/shop"))).as("case is kept").isEmpty();
        assertThat(reads.projectIdentity(q.id())).isEmpty();
        assertThat(reads.projects()).as("the project itself is unchanged").contains(p, q);
    }

    @Test
    public void twoProjectsNeverShareAnIdentityAndTheRefusedWriteChangesNothing() {
        Project p = aProject("shop");
        Project q = aProject("shop clone");
        ProjectIdentity remote = new ProjectIdentity("github.com/acme/shop");
        run(tx -> tx.setProjectIdentity(p.id(), remote));

        assertThatThrownBy(() -> run(tx -> {
            tx.recordProjectPath(q.id(), "/elsewhere/shop");
            tx.setProjectIdentity(q.id(), remote);
        })).isInstanceOf(RuntimeException.class);

        assertThat(reads.projectByIdentity(remote)).contains(p);
        assertThat(reads.projectIdentity(q.id())).isEmpty();
        assertThat(reads.projectByRoot("/elsewhere/shop")).isEmpty();
    }

    @Test
    public void aProjectKeepsThePathsItWasSeenAtOldestFirst() {
        Project p = aProject("shop");
        String second = "/home/ann/src/shop " + AWKWARD;
        String third = "/Users/bob/code/shop";

        run(tx -> {
            tx.recordProjectPath(p.id(), second);
            tx.recordProjectPath(p.id(), third);
            tx.recordProjectPath(p.id(), second);
            tx.recordProjectPath(p.id(), p.root());
        });

        assertThat(reads.projectPaths(p.id())).containsExactly(p.root(), second, third);
        assertThat(reads.projectByRoot(second)).contains(p);
        assertThat(reads.projectByRoot(third)).contains(p);
        assertThat(reads.projectByRoot(third + "/sub")).isEmpty();
    }

    @Test
    public void aPathRecordedForAnotherProjectMovesToIt() {
        Project p = aProject("mistake");
        Project q = aProject("shop");

        run(tx -> tx.recordProjectPath(q.id(), p.root()));

        assertThat(reads.projectByRoot(p.root())).contains(q);
        assertThat(reads.projectPaths(p.id())).isEmpty();
        assertThat(reads.projectPaths(q.id())).containsExactly(q.root(), p.root());
        assertThat(reads.project(p.id())).as("the project itself stays").contains(p);
    }

    @Test
    public void identityAndPathChangesRollBackWithTheirTransaction() {
        Project p = aProject("shop");
        Project q = aProject("blog");
        IllegalStateException boom = new IllegalStateException("the work failed half way");

        assertThatThrownBy(() -> write(tx -> {
            tx.setProjectIdentity(p.id(), new ProjectIdentity("github.com/acme/shop"));
            tx.recordProjectPath(p.id(), "/elsewhere/shop");
            tx.recordProjectPath(p.id(), q.root());
            throw boom;
        })).isSameAs(boom);

        assertThat(reads.projectIdentity(p.id())).isEmpty();
        assertThat(reads.projectByIdentity(new ProjectIdentity("github.com/acme/shop"))).isEmpty();
        assertThat(reads.projectPaths(p.id())).containsExactly(p.root());
        assertThat(reads.projectByRoot(q.root())).contains(q);
    }

    @Test
    public void aTransactionReadsItsOwnWrites() {
        Project p = TestData.project("own-writes");
        Session s = TestData.session(p.id(), "s1");
        write(tx -> {
            tx.insertProject(p);
            tx.upsertSession(s);
            int number = tx.nextFeatureNumber(p.id());
            Feature a = TestData.feature(p.id(), number).inProgress(TestData.claim(s.id(), at(60))).build();
            tx.insertFeature(a);
            Feature b = TestData.feature(p.id(), number + 1).build();
            tx.insertFeature(b);
            Dependency edge = new Dependency(p.id(), b.id(), a.id(), DependencyKind.BLOCKS);
            tx.insertDependency(edge);
            Insight insight = TestData.insight(p.id(), "learned", at(1));
            tx.insertInsight(insight);
            Rule rule = TestData.rule(p.id(), new RuleSpec.StepsDoneBeforeComplete(), at(1));
            tx.upsertRule(rule);
            List<Event> appended = tx.append(List.of(TestData.event(p.id(), a.id(), s.id(), at(1), new EventPayload.FeatureStarted())));

            assertThat(tx.feature(a.id())).contains(a);
            assertThat(tx.featureByNumber(p.id(), number + 1)).contains(b);
            assertThat(tx.features(p.id())).containsExactly(a, b);
            assertThat(tx.nextFeatureNumber(p.id())).isEqualTo(number + 2);
            assertThat(tx.countInProgress(p.id(), null)).isEqualTo(1);
            assertThat(tx.countInProgress(p.id(), s.id())).isEqualTo(1);
            assertThat(tx.featuresClaimedBy(s.id())).containsExactly(a);
            assertThat(tx.featuresWithLeaseBefore(at(60))).containsExactly(a);
            assertThat(tx.statuses(List.of(a.id(), b.id()))).isEqualTo(Map.of(a.id(), Status.IN_PROGRESS, b.id(), Status.PENDING));
            assertThat(tx.dependenciesOf(b.id())).containsExactly(edge);
            assertThat(tx.dependentsOf(a.id())).containsExactly(edge);
            assertThat(tx.dependencies(p.id())).containsExactly(edge);
            assertThat(tx.session(s.id())).contains(s);
            assertThat(tx.sessions(p.id())).containsExactly(s);
            assertThat(tx.insights(p.id())).containsExactly(insight);
            assertThat(tx.rule(rule.id())).contains(rule);
            assertThat(tx.rules(p.id())).containsExactly(rule);
            assertThat(tx.lastSequence()).isEqualTo(appended.getFirst().sequence());
            assertThat(tx.eventsAfter(0, 10)).isEqualTo(appended);
            assertThat(tx.events(EventQuery.latest(p.id(), 10))).isEqualTo(appended);
            return null;
        });
    }

    @Test
    public void featuresAndEdgesInsertedInBatchesReadBackAsInsertedOneByOne() {
        Project p = TestData.project("batch " + AWKWARD);
        Session s = TestData.session(p.id(), "s-batch");
        List<Feature> features = new ArrayList<>();
        write(tx -> {
            tx.insertProject(p);
            tx.upsertSession(s);
            int number = tx.nextFeatureNumber(p.id());
            Feature first = TestData.feature(p.id(), number).description("first " + AWKWARD).details(AWKWARD).priority(3)
                    .steps(new Step("a " + AWKWARD, true), new Step("b", false)).inProgress(TestData.claim(s.id(), at(60))).build();
            features.add(first);
            features.add(TestData.feature(p.id(), number + 1).parent(first.id()).blocked("waits " + AWKWARD).build());
            features.add(TestData.feature(p.id(), number + 2).kind(Kind.BUG).complete(at(5)).build());
            for (int i = 3; i < 40; i++) {
                features.add(TestData.feature(p.id(), number + i).build());
            }
            tx.insertFeatures(features);
            tx.insertDependencies(List.of());
            return null;
        });
        List<Dependency> edges = List.of(
                new Dependency(p.id(), features.get(1).id(), features.get(0).id(), DependencyKind.BLOCKS),
                new Dependency(p.id(), features.get(2).id(), features.get(0).id(), DependencyKind.RELATED),
                new Dependency(p.id(), features.get(2).id(), features.get(1).id(), DependencyKind.BLOCKS));
        write(tx -> {
            tx.insertDependencies(edges);
            assertThat(tx.nextFeatureNumber(p.id())).isEqualTo(features.getLast().number() + 1);
            return null;
        });

        assertThat(reads.features(p.id())).containsExactlyElementsOf(features);
        assertThat(reads.dependencies(p.id())).containsExactlyInAnyOrderElementsOf(edges);
    }

    @Test
    public void aWriteThatThrowsRollsBackEveryChangeAndEventAndRethrowsTheSameException() {
        Given g = given();
        StoreSnapshot before = snapshot(g.p.id());
        int numberBefore = writes.nextFeatureNumber(g.p.id());
        IllegalStateException boom = new IllegalStateException("the work failed half way");

        assertThatThrownBy(() -> write(tx -> {
            changeEverything(tx, g);
            throw boom;
        })).isSameAs(boom);

        assertThat(snapshot(g.p.id())).isEqualTo(before);
        assertThat(reads.project(g.rolledBackProject.id())).isEmpty();
        assertThat(reads.session(SessionId.of("rolled-back"))).isEmpty();
        assertThat(writes.nextFeatureNumber(g.p.id())).isEqualTo(numberBefore);
        List<Event> next = writes.append(List.of(TestData.event(g.p.id(), null, null, at(9), new EventPayload.FeatureStarted())));
        assertThat(next.getFirst().sequence()).as("the next sequence after a rollback").isGreaterThan(before.lastSequence());
    }

    @Test
    public void aWriteThatThrowsAnErrorRollsBackToo() {
        Given g = given();
        StoreSnapshot before = snapshot(g.p.id());
        AssertionError error = new AssertionError("an Error, not an Exception");

        assertThatThrownBy(() -> write(tx -> {
            changeEverything(tx, g);
            throw error;
        })).isSameAs(error);

        assertThat(snapshot(g.p.id())).isEqualTo(before);
    }

    /** A committed store with one of everything, and the values a rolled-back write will use. */
    private record Given(Project p, Project rolledBackProject, Feature f1, Feature f2, Session s, Rule rule) {}

    private Given given() {
        Project p = aProject("rollback");
        Session s = aSession(TestData.session(p.id(), "s1"));
        Feature f1 = aFeature(TestData.feature(p.id(), 1));
        Feature f2 = aFeature(TestData.feature(p.id(), 2));
        Rule rule = TestData.rule(p.id(), new RuleSpec.WipLimit(2, WipScope.PROJECT), at(1));
        run(tx -> {
            tx.insertDependency(new Dependency(p.id(), f1.id(), f2.id(), DependencyKind.BLOCKS));
            tx.insertInsight(TestData.insight(p.id(), "kept", at(1)));
            tx.upsertRule(rule);
            tx.append(List.of(TestData.event(p.id(), f1.id(), null, at(1), new EventPayload.FeatureCreated(f1))));
        });
        return new Given(p, TestData.project("never"), f1, f2, s, rule);
    }

    private static void changeEverything(StoreTransaction tx, Given g) {
        ProjectId p = g.p.id();
        tx.insertProject(g.rolledBackProject);
        Feature f3 = TestData.feature(p, tx.nextFeatureNumber(p)).build();
        tx.insertFeature(f3);
        assertThat(tx.updateFeature(g.f1.withStatus(Status.IN_PROGRESS, null, TestData.claim(g.s.id(), at(60)), null)
                .touched(at(2)), g.f1.version())).isTrue();
        tx.insertDependency(new Dependency(p, g.f2.id(), f3.id(), DependencyKind.RELATED));
        assertThat(tx.deleteDependency(g.f1.id(), g.f2.id())).isTrue();
        tx.upsertSession(g.s.seen(at(2)).working(g.f1.id()));
        tx.upsertSession(TestData.session(p, "rolled-back"));
        tx.insertInsight(TestData.insight(p, "lost", at(2)));
        tx.upsertRule(g.rule.countViolated().withEnabled(false));
        tx.upsertRule(TestData.rule(null, new RuleSpec.StepsDoneBeforeComplete(), at(2)));
        tx.append(List.of(
                TestData.event(p, g.f1.id(), g.s.id(), at(2), new EventPayload.FeatureStarted()),
                TestData.event(null, null, null, at(2), new EventPayload.RuleToggled(g.rule.id(), false))));
        assertThat(tx.feature(f3.id())).as("the transaction sees its own insert").isPresent();
    }

    // --- features -----------------------------------------------------------------------------

    @Test
    public void featuresRoundTripEveryFieldAndListByNumber() {
        Project p = aProject("features");
        Session s = aSession(TestData.session(p.id(), "holder"));
        Feature minimal = aFeature(TestData.feature(p.id(), 1));
        Feature complete = aFeature(TestData.feature(p.id(), 4).complete(at(90).plus(7, ChronoUnit.MICROS)).version(9));
        Feature full = aFeature(TestData.feature(p.id(), 2)
                .description(AWKWARD)
                .details("## Notes\n\n" + AWKWARD)
                .category(Category.PERFORMANCE)
                .kind(Kind.SPIKE)
                .priority(-5)
                .steps(Step.todo("Open /login"), new Step("Submit " + AWKWARD, true), Step.todo("Check the cookie"))
                .parent(minimal.id())
                .inProgress(TestData.claim(s.id(), at(1800).plus(3, ChronoUnit.MICROS)))
                .version(3)
                .created(at(1))
                .updated(at(2).plus(1, ChronoUnit.MICROS)));
        Feature blocked = aFeature(TestData.feature(p.id(), 3).blocked("waits for " + AWKWARD).priority(Integer.MIN_VALUE));

        for (Feature f : List.of(minimal, full, blocked, complete)) {
            assertThat(reads.feature(f.id())).as("feature(%s)", f.ref()).contains(f);
            assertThat(reads.featureByNumber(p.id(), f.number())).as("featureByNumber(%s)", f.ref()).contains(f);
        }
        assertThat(reads.features(p.id())).containsExactly(minimal, full, blocked, complete);
        assertThat(reads.featureByNumber(p.id(), 99)).isEmpty();
        assertThat(reads.feature(TestData.featureId())).isEmpty();
        assertThat(reads.features(aProject("empty").id())).isEmpty();
    }

    @Test
    public void readyListsPendingFeaturesWhoseBlockingDependenciesAreCompleteByPriorityThenNumber() {
        Project p = aProject("ready");
        Feature done = aFeature(TestData.feature(p.id(), 1).complete(at(5)));
        Feature open = aFeature(TestData.feature(p.id(), 2));
        Feature afterDone = aFeature(TestData.feature(p.id(), 3).priority(1));
        Feature afterOpen = aFeature(TestData.feature(p.id(), 4).priority(9));
        Feature relatedToOpen = aFeature(TestData.feature(p.id(), 5).priority(1));
        aFeature(TestData.feature(p.id(), 6).blocked("waiting"));
        Feature urgent = aFeature(TestData.feature(p.id(), 7).priority(5));
        run(tx -> {
            tx.insertDependency(new Dependency(p.id(), afterDone.id(), done.id(), DependencyKind.BLOCKS));
            tx.insertDependency(new Dependency(p.id(), afterOpen.id(), open.id(), DependencyKind.BLOCKS));
            tx.insertDependency(new Dependency(p.id(), relatedToOpen.id(), open.id(), DependencyKind.RELATED));
        });
        aFeature(TestData.feature(aProject("other").id(), 1).priority(100));

        assertThat(reads.ready(p.id(), 100)).containsExactly(urgent, afterDone, relatedToOpen, open);
        assertThat(reads.ready(p.id(), 2)).containsExactly(urgent, afterDone);
        assertThat(reads.countReady(p.id())).isEqualTo(4);
        assertThat(reads.progress(p.id())).isEqualTo(new dev.ijoka.domain.Progress(5, 0, 1, 1));
        assertThat(reads.features(p.id(), Status.PENDING, 100)).containsExactly(open, afterDone, afterOpen, relatedToOpen, urgent);
        assertThat(reads.features(p.id(), Status.PENDING, 2)).containsExactly(open, afterDone);
        assertThat(reads.features(p.id(), Status.PENDING, 0)).isEmpty();
        assertThat(reads.features(p.id(), Status.COMPLETE, 100)).containsExactly(done);
        assertThat(reads.features(p.id(), Status.IN_PROGRESS, 100)).isEmpty();
        assertThat(reads.progress(aProject("empty").id())).isEqualTo(new dev.ijoka.domain.Progress(0, 0, 0, 0));
    }

    @Test
    public void featuresInBoardOrderPagesOneStatusByPriorityAndDoneWorkMostRecentlyCompletedFirst() {
        Project p = aProject("board");
        Feature low = aFeature(TestData.feature(p.id(), 1).priority(1));
        Feature high = aFeature(TestData.feature(p.id(), 2).priority(7));
        Feature lowToo = aFeature(TestData.feature(p.id(), 3).priority(1));
        Feature negative = aFeature(TestData.feature(p.id(), 4).priority(-2));
        Feature highToo = aFeature(TestData.feature(p.id(), 5).priority(7));
        Feature doneFirst = aFeature(TestData.feature(p.id(), 6).priority(9).complete(at(10)));
        Feature doneLast = aFeature(TestData.feature(p.id(), 7).complete(at(30).plus(3, ChronoUnit.MICROS)));
        Feature doneBetween = aFeature(TestData.feature(p.id(), 8).complete(at(20)));
        Feature doneSameTime = aFeature(TestData.feature(p.id(), 9).complete(at(20)));
        aFeature(TestData.feature(p.id(), 10).priority(100).blocked("elsewhere"));
        aFeature(TestData.feature(aProject("other board").id(), 1).priority(50));

        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 0, 100)).containsExactly(high, highToo, low, lowToo, negative);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 0, 2)).containsExactly(high, highToo);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 2, 2)).containsExactly(low, lowToo);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 4, 2)).containsExactly(negative);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 5, 2)).isEmpty();
        assertThat(reads.featuresInBoardOrder(p.id(), Status.PENDING, 0, 0)).isEmpty();
        assertThat(reads.featuresInBoardOrder(p.id(), Status.COMPLETE, 0, 100)).containsExactly(doneLast, doneBetween, doneSameTime, doneFirst);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.COMPLETE, 1, 2)).containsExactly(doneBetween, doneSameTime);
        assertThat(reads.featuresInBoardOrder(p.id(), Status.IN_PROGRESS, 0, 100)).isEmpty();
        // The store's page is the default's (the whole status sorted by BoardOrder, then cut).
        for (Status status : Status.values()) {
            List<Feature> sorted = reads.features(p.id(), status, 1_000).stream().sorted(dev.ijoka.domain.BoardOrder.of(status)).toList();
            assertThat(reads.featuresInBoardOrder(p.id(), status, 0, 1_000)).isEqualTo(sorted);
        }
    }

    @Test
    public void featuresPageListsByNumberInTheStatusesGiven() {
        Project p = aProject("pages");
        Feature one = aFeature(TestData.feature(p.id(), 1));
        Feature two = aFeature(TestData.feature(p.id(), 2).complete(at(5)));
        Feature three = aFeature(TestData.feature(p.id(), 3).blocked("waiting"));
        Feature four = aFeature(TestData.feature(p.id(), 4).priority(9));
        Feature five = aFeature(TestData.feature(p.id(), 5).complete(at(6)));
        aFeature(TestData.feature(aProject("other pages").id(), 1));

        assertThat(reads.featuresPage(p.id(), java.util.Set.of(), 0, 100)).containsExactly(one, two, three, four, five);
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(), 1, 3)).containsExactly(two, three, four);
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(), 5, 3)).isEmpty();
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(Status.PENDING), 0, 100)).containsExactly(one, four);
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(Status.COMPLETE, Status.BLOCKED), 0, 100)).containsExactly(two, three, five);
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(Status.COMPLETE, Status.BLOCKED), 1, 1)).containsExactly(three);
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(Status.IN_PROGRESS), 0, 100)).isEmpty();
        assertThat(reads.featuresPage(p.id(), java.util.Set.of(), 0, 0)).isEmpty();
    }

    @Test
    public void updateFeatureStoresEveryFieldWhenTheVersionMatches() {
        Project p = aProject("updates");
        Session s = aSession(TestData.session(p.id(), "holder"));
        Feature parent = aFeature(TestData.feature(p.id(), 1));
        Feature plain = aFeature(TestData.feature(p.id(), 2));
        Feature full = new Feature(plain.id(), p.id(), 2, "Rewritten " + AWKWARD, AWKWARD, Category.UI, Kind.BUG,
                Status.IN_PROGRESS, 42, List.of(new Step("only", true)), null, parent.id(),
                TestData.claim(s.id(), at(600).plus(5, ChronoUnit.MICROS)), 2, plain.createdAt(), at(3).plus(9, ChronoUnit.MICROS), null);

        assertThat(writes.updateFeature(full, 1)).isTrue();
        assertThat(reads.feature(plain.id())).contains(full);

        Feature cleared = TestData.feature(p.id(), 2).id(plain.id()).complete(at(4).plus(11, ChronoUnit.MICROS)).version(3).updated(at(4)).build();
        assertThat(writes.updateFeature(cleared, 2)).isTrue();
        assertThat(reads.feature(plain.id())).contains(cleared);
        assertThat(reads.featureByNumber(p.id(), 2)).contains(cleared);
    }

    @Test
    public void updateFeatureRefusesAStaleVersionAndChangesNothing() {
        Project p = aProject("cas");
        Feature v1 = aFeature(TestData.feature(p.id(), 1));
        Feature v2 = v1.withStatus(Status.BLOCKED, "stale write", null, null).touched(at(5));

        assertThat(writes.updateFeature(v2, 2)).as("expected version 2, stored 1").isFalse();
        assertThat(writes.updateFeature(v2, 0)).as("expected version 0, stored 1").isFalse();
        assertThat(reads.feature(v1.id())).contains(v1);

        assertThat(writes.updateFeature(v2, 1)).isTrue();
        Feature lateWriter = v1.withStatus(Status.COMPLETE, null, null, at(6)).touched(at(6));
        assertThat(writes.updateFeature(lateWriter, 1)).as("a second write from version 1").isFalse();
        assertThat(reads.feature(v1.id())).contains(v2);
    }

    @Test
    public void updateFeatureOfAMissingFeatureChangesNothing() {
        Project p = aProject("missing");
        Feature ghost = TestData.feature(p.id(), 1).build();

        assertThat(writes.updateFeature(ghost.touched(at(1)), 1)).isFalse();
        assertThat(reads.feature(ghost.id())).isEmpty();
        assertThat(reads.features(p.id())).isEmpty();
    }

    @Test
    public void nextFeatureNumberStartsAtOneAndFollowsTheHighestNumberOfEachProject() {
        Project p = aProject("numbers");
        Project q = aProject("other numbers");
        assertThat(writes.nextFeatureNumber(p.id())).isEqualTo(1);

        run(tx -> tx.insertFeature(TestData.feature(p.id(), tx.nextFeatureNumber(p.id())).build()));
        run(tx -> tx.insertFeature(TestData.feature(p.id(), tx.nextFeatureNumber(p.id())).build()));

        assertThat(reads.features(p.id())).extracting(Feature::number).containsExactly(1, 2);
        assertThat(writes.nextFeatureNumber(p.id())).isEqualTo(3);
        assertThat(writes.nextFeatureNumber(q.id())).isEqualTo(1);
        assertThatThrownBy(() -> run(tx -> {
            tx.insertFeature(TestData.feature(p.id(), tx.nextFeatureNumber(p.id())).build());
            throw new IllegalStateException("roll back #3");
        })).hasMessage("roll back #3");
        assertThat(writes.nextFeatureNumber(p.id())).as("after a rolled-back #3").isEqualTo(3);
    }

    // --- queries ------------------------------------------------------------------------------

    /** p: #1, #2 held by s1, #3 by s2, #4 unclaimed in progress, #5 pending, #6 complete, #7 blocked; q: #1 held by s1. */
    private record Claims(Project p, Project q, SessionId s1, SessionId s2, List<Feature> inP, Feature inQ) {}

    private Claims claims() {
        Project p = aProject("claims");
        Project q = aProject("claims elsewhere");
        SessionId s1 = aSession(TestData.session(p.id(), "s1")).id();
        SessionId s2 = aSession(TestData.session(p.id(), "s2")).id();
        List<Feature> inP = List.of(
                aFeature(TestData.feature(p.id(), 1).inProgress(TestData.claim(s1, at(100)))),
                aFeature(TestData.feature(p.id(), 2).inProgress(TestData.claim(s1, at(300)))),
                aFeature(TestData.feature(p.id(), 3).inProgress(TestData.claim(s2, at(200)))),
                aFeature(TestData.feature(p.id(), 4).inProgress(null)),
                aFeature(TestData.feature(p.id(), 5)),
                aFeature(TestData.feature(p.id(), 6).complete(at(1))),
                aFeature(TestData.feature(p.id(), 7).blocked("no")));
        Feature inQ = aFeature(TestData.feature(q.id(), 1).inProgress(TestData.claim(s1, at(150))));
        return new Claims(p, q, s1, s2, inP, inQ);
    }

    @Test
    public void countInProgressCountsTheProjectOrOneSessionsClaims() {
        Claims c = claims();

        assertThat(reads.countInProgress(c.p.id(), null)).isEqualTo(4);
        assertThat(reads.countInProgress(c.p.id(), c.s1)).isEqualTo(2);
        assertThat(reads.countInProgress(c.p.id(), c.s2)).isEqualTo(1);
        assertThat(reads.countInProgress(c.p.id(), SessionId.of("nobody"))).isZero();
        assertThat(reads.countInProgress(c.q.id(), null)).isEqualTo(1);
        assertThat(reads.countInProgress(c.q.id(), c.s1)).isEqualTo(1);
        assertThat(reads.countInProgress(c.q.id(), c.s2)).isZero();
    }

    @Test
    public void featuresClaimedByListsTheSessionsClaimsInEveryProject() {
        Claims c = claims();

        assertThat(reads.featuresClaimedBy(c.s1)).containsExactlyInAnyOrder(c.inP.get(0), c.inP.get(1), c.inQ);
        assertThat(reads.featuresClaimedBy(c.s2)).containsExactly(c.inP.get(2));
        assertThat(reads.featuresClaimedBy(SessionId.of("nobody"))).isEmpty();
    }

    @Test
    public void featuresWithLeaseBeforeIncludesLeasesEndingAtTheInstantInEveryProject() {
        Claims c = claims();

        assertThat(reads.featuresWithLeaseBefore(at(200)))
                .containsExactlyInAnyOrder(c.inP.get(0), c.inQ, c.inP.get(2));
        assertThat(reads.featuresWithLeaseBefore(at(200).minus(1, ChronoUnit.MICROS)))
                .as("one microsecond earlier").containsExactlyInAnyOrder(c.inP.get(0), c.inQ);
        assertThat(reads.featuresWithLeaseBefore(at(100).minus(1, ChronoUnit.MICROS))).isEmpty();
        assertThat(reads.featuresWithLeaseBefore(at(10_000))).hasSize(4);
    }

    @Test
    public void statusesAnswersForKnownIdsAndLeavesOutMissingOnes() {
        Claims c = claims();
        List<FeatureId> ids = new ArrayList<>(c.inP.stream().map(Feature::id).toList());
        ids.add(c.inQ.id());
        ids.add(TestData.featureId());

        Map<FeatureId, Status> statuses = reads.statuses(ids);

        assertThat(statuses).hasSize(8).doesNotContainKey(ids.getLast());
        c.inP.forEach(f -> assertThat(statuses).containsEntry(f.id(), f.status()));
        assertThat(statuses).containsEntry(c.inQ.id(), Status.IN_PROGRESS);
        assertThat(reads.statuses(List.of())).isEmpty();
    }

    @Test
    public void dependenciesAreListedPerProjectAndFromEitherEnd() {
        Project p = aProject("graph");
        Project q = aProject("other graph");
        Feature a = aFeature(TestData.feature(p.id(), 1));
        Feature b = aFeature(TestData.feature(p.id(), 2));
        Feature c = aFeature(TestData.feature(p.id(), 3));
        Feature d = aFeature(TestData.feature(q.id(), 1));
        Feature e = aFeature(TestData.feature(q.id(), 2));
        Dependency ab = new Dependency(p.id(), a.id(), b.id(), DependencyKind.BLOCKS);
        Dependency ac = new Dependency(p.id(), a.id(), c.id(), DependencyKind.RELATED);
        Dependency bc = new Dependency(p.id(), b.id(), c.id(), DependencyKind.BLOCKS);
        Dependency de = new Dependency(q.id(), d.id(), e.id(), DependencyKind.RELATED);
        run(tx -> List.of(ab, ac, bc, de).forEach(tx::insertDependency));

        assertThat(reads.dependencies(p.id())).containsExactlyInAnyOrder(ab, ac, bc);
        assertThat(reads.dependencies(q.id())).containsExactly(de);
        assertThat(reads.dependenciesOf(a.id())).containsExactlyInAnyOrder(ab, ac);
        assertThat(reads.dependenciesOf(c.id())).isEmpty();
        assertThat(reads.dependentsOf(c.id())).containsExactlyInAnyOrder(ac, bc);
        assertThat(reads.dependentsOf(a.id())).isEmpty();
    }

    @Test
    public void blocksReachIsWhatAFeatureReachesOverBlocksEdgesThroughEveryStatus() {
        Project p = aProject("reach");
        // a -> b -> c (complete) -> d, a -> e; b -> f is related only; g -> a is upstream; h is elsewhere; d -> b closes
        // a cycle, which the walk goes round once.
        Feature a = aFeature(TestData.feature(p.id(), 1));
        Feature b = aFeature(TestData.feature(p.id(), 2).priority(2));
        Feature c = aFeature(TestData.feature(p.id(), 3).complete(at(5)));
        Feature d = aFeature(TestData.feature(p.id(), 4).blocked("waits"));
        Feature e = aFeature(TestData.feature(p.id(), 5));
        Feature f = aFeature(TestData.feature(p.id(), 6));
        Feature g = aFeature(TestData.feature(p.id(), 7));
        Feature h = aFeature(TestData.feature(p.id(), 8));
        Dependency ab = new Dependency(p.id(), a.id(), b.id(), DependencyKind.BLOCKS);
        Dependency bc = new Dependency(p.id(), b.id(), c.id(), DependencyKind.BLOCKS);
        Dependency cd = new Dependency(p.id(), c.id(), d.id(), DependencyKind.BLOCKS);
        Dependency ae = new Dependency(p.id(), a.id(), e.id(), DependencyKind.BLOCKS);
        Dependency bf = new Dependency(p.id(), b.id(), f.id(), DependencyKind.RELATED);
        Dependency ga = new Dependency(p.id(), g.id(), a.id(), DependencyKind.BLOCKS);
        Dependency db = new Dependency(p.id(), d.id(), b.id(), DependencyKind.BLOCKS);
        Dependency hg = new Dependency(p.id(), h.id(), g.id(), DependencyKind.BLOCKS);
        run(tx -> List.of(ab, bc, cd, ae, bf, ga, db, hg).forEach(tx::insertDependency));

        BlocksReach fromA = reads.blocksReach(a.id());
        assertThat(fromA.features()).containsExactlyInAnyOrder(b, c, d, e);
        assertThat(fromA.edges()).containsExactlyInAnyOrder(ab, bc, cd, ae, db);

        BlocksReach fromH = reads.blocksReach(h.id());
        assertThat(fromH.features()).containsExactlyInAnyOrder(g, a, b, c, d, e);
        assertThat(fromH.edges()).containsExactlyInAnyOrder(hg, ga, ab, bc, cd, ae, db);

        BlocksReach fromD = reads.blocksReach(d.id());
        assertThat(fromD.features()).as("a cycle back to the feature leaves it out").containsExactlyInAnyOrder(b, c);
        assertThat(fromD.edges()).containsExactlyInAnyOrder(db, bc, cd);

        assertThat(reads.blocksReach(f.id())).isEqualTo(new BlocksReach(List.of(), List.of()));
        assertThat(reads.blocksReach(TestData.featureId())).as("an unknown feature").isEqualTo(new BlocksReach(List.of(), List.of()));
    }

    @Test
    public void deleteDependencyRemovesThatEdgeOnlyAndOnlyOnce() {
        Project p = aProject("delete");
        Feature a = aFeature(TestData.feature(p.id(), 1));
        Feature b = aFeature(TestData.feature(p.id(), 2));
        Feature c = aFeature(TestData.feature(p.id(), 3));
        Dependency ab = new Dependency(p.id(), a.id(), b.id(), DependencyKind.BLOCKS);
        Dependency cb = new Dependency(p.id(), c.id(), b.id(), DependencyKind.BLOCKS);
        run(tx -> List.of(ab, cb).forEach(tx::insertDependency));

        assertThat(writes.deleteDependency(b.id(), a.id())).as("the reverse edge").isFalse();
        assertThat(writes.deleteDependency(a.id(), b.id())).isTrue();
        assertThat(writes.deleteDependency(a.id(), b.id())).as("a second time").isFalse();
        assertThat(writes.deleteDependency(a.id(), c.id())).as("never an edge").isFalse();

        assertThat(reads.dependencies(p.id())).containsExactly(cb);
        assertThat(reads.dependenciesOf(a.id())).isEmpty();
        assertThat(reads.dependentsOf(b.id())).containsExactly(cb);
        run(tx -> tx.insertDependency(new Dependency(p.id(), a.id(), b.id(), DependencyKind.RELATED)));
        assertThat(reads.dependenciesOf(a.id())).as("re-added with another kind")
                .containsExactly(new Dependency(p.id(), a.id(), b.id(), DependencyKind.RELATED));
    }

    @Test
    public void sessionsRoundTripAndListMostRecentlySeenFirst() {
        Project p = aProject("sessions");
        Project q = aProject("other sessions");
        Feature f = aFeature(TestData.feature(p.id(), 1));
        Session s1 = aSession(new Session(SessionId.of("s1"), p.id(), "claude-code", at(1), at(10), null, null, 1));
        Session s2 = aSession(new Session(SessionId.of("s2"), p.id(), AWKWARD, at(2), at(30).plus(1, ChronoUnit.MICROS), null, f.id(), 4));
        Session s3 = aSession(new Session(SessionId.of("s3"), p.id(), "cursor", at(3), at(20), null, null, 2));
        Session elsewhere = aSession(TestData.session(q.id(), "s4"));

        assertThat(reads.sessions(p.id())).containsExactly(s2, s3, s1);
        assertThat(reads.sessions(q.id())).containsExactly(elsewhere);
        assertThat(reads.session(s2.id())).contains(s2);
        assertThat(reads.session(SessionId.of("nobody"))).isEmpty();

        Session ended = new Session(s1.id(), p.id(), "claude-code", at(1), at(40), at(40).plus(2, ChronoUnit.MICROS), null, 7);
        Session working = s3.working(f.id());
        run(tx -> {
            tx.upsertSession(ended);
            tx.upsertSession(working);
        });
        assertThat(reads.session(s1.id())).contains(ended);
        assertThat(reads.sessions(p.id())).containsExactly(ended, s2, working);
    }

    @Test
    public void sessionNotesAreKeptPerIdAndNameAndReplacedInPlace() {
        SessionId alias = SessionId.of("alias " + AWKWARD);
        SessionId other = SessionId.of("never a session");
        assertThat(reads.sessionNote(alias, "continues")).isEmpty();
        run(tx -> {
            tx.putSessionNote(alias, "continues", "s1");
            tx.putSessionNote(alias, "head:/r/" + AWKWARD, AWKWARD);
            tx.putSessionNote(other, "continues", "s2");
        });
        assertThat(reads.sessionNote(alias, "continues")).contains("s1");
        assertThat(reads.sessionNote(alias, "head:/r/" + AWKWARD)).contains(AWKWARD);
        assertThat(reads.sessionNote(other, "continues")).contains("s2");
        run(tx -> tx.putSessionNote(alias, "continues", "s3"));
        assertThat(reads.sessionNote(alias, "continues")).contains("s3");
        assertThat(reads.sessionNote(alias, "head:/r")).isEmpty();
    }

    @Test
    public void agentPlansAreKeptPerSessionAndFeatureAndReplacedWhole() {
        Project p = aProject("plans");
        Project q = aProject("other plans");
        Feature f = aFeature(TestData.feature(p.id(), 1));
        Feature g = aFeature(TestData.feature(p.id(), 2));
        Session s = aSession(TestData.session(p.id(), "s1"));
        Session t = aSession(TestData.session(p.id(), "s2"));
        Session u = aSession(TestData.session(q.id(), "s3"));
        AgentTodo a = new AgentTodo("todo-1", AWKWARD, "Doing " + AWKWARD, TodoStatus.IN_PROGRESS);
        AgentTodo b = new AgentTodo("2", "Run the tests", null, TodoStatus.PENDING);
        AgentTodo c = new AgentTodo("3", "Write the docs", null, TodoStatus.COMPLETED);
        AgentPlan sf = new AgentPlan(p.id(), s.id(), f.id(), List.of(a, b), at(1));
        AgentPlan sNone = new AgentPlan(p.id(), s.id(), null, List.of(c), at(2));
        AgentPlan tf = new AgentPlan(p.id(), t.id(), f.id(), List.of(b), at(3));
        AgentPlan tg = new AgentPlan(p.id(), t.id(), g.id(), List.of(c, a), at(4).plus(1, ChronoUnit.MICROS));
        AgentPlan uNone = new AgentPlan(q.id(), u.id(), null, List.of(a), at(5));
        assertThat(reads.agentPlan(s.id(), f.id())).isEmpty();
        run(tx -> List.of(sf, sNone, tf, tg, uNone).forEach(tx::putAgentPlan));

        assertThat(reads.agentPlan(s.id(), f.id())).contains(sf);
        assertThat(reads.agentPlan(s.id(), null)).contains(sNone);
        assertThat(reads.agentPlan(t.id(), null)).isEmpty();
        assertThat(reads.agentPlans(f.id())).as("most recently changed first").containsExactly(tf, sf);
        assertThat(reads.agentPlans(p.id())).containsExactly(tg, tf, sNone, sf);
        assertThat(reads.agentPlans(q.id())).containsExactly(uNone);

        AgentPlan sfAgain = sf.with(List.of(b.withStatus(TodoStatus.IN_PROGRESS), a.withStatus(TodoStatus.COMPLETED)), at(6));
        run(tx -> tx.putAgentPlan(sfAgain));
        assertThat(reads.agentPlan(s.id(), f.id())).as("replaced whole, in its new order").contains(sfAgain);
        assertThat(reads.agentPlans(f.id())).containsExactly(sfAgain, tf);

        run(tx -> tx.putAgentPlan(tf.with(List.of(), at(7))));
        assertThat(reads.agentPlan(t.id(), f.id())).as("an empty list is no list").isEmpty();
        assertThat(reads.agentPlans(f.id())).containsExactly(sfAgain);
    }

    @Test
    public void agentPlanWritesRollBackWithTheirTransaction() {
        Project p = aProject("plans rolled back");
        Session s = aSession(TestData.session(p.id(), "s1"));
        AgentPlan kept = new AgentPlan(p.id(), s.id(), null, List.of(new AgentTodo("1", "Keep", null, TodoStatus.PENDING)), at(1));
        run(tx -> tx.putAgentPlan(kept));
        assertThatThrownBy(() -> run(tx -> {
            tx.putAgentPlan(kept.with(List.of(), at(2)));
            throw new IllegalStateException("boom");
        })).isInstanceOf(RuntimeException.class);
        assertThat(reads.agentPlan(s.id(), null)).contains(kept);
    }

    @Test
    public void insightsRoundTripNewestFirstPerProject() {
        Project p = aProject("insights");
        Project q = aProject("other insights");
        Feature f = aFeature(TestData.feature(p.id(), 1));
        Session s = aSession(TestData.session(p.id(), "s1"));
        Insight first = TestData.insight(p.id(), AWKWARD, at(1));
        Insight second = new Insight(TestData.newId(), p.id(), "Never mock the clock twice", InsightKind.ANTI_PATTERN,
                List.of("tests", "time", "ünï"), f.id(), s.id(), at(2).plus(1, ChronoUnit.MICROS));
        Insight third = new Insight(TestData.newId(), p.id(), "jq -r", InsightKind.TOOL_USAGE, List.of(), null, s.id(), at(3));
        Insight other = TestData.insight(q.id(), "elsewhere", at(4));
        run(tx -> List.of(first, second, third, other).forEach(tx::insertInsight));

        assertThat(reads.insights(p.id())).containsExactly(third, second, first);
        assertThat(reads.insights(q.id())).containsExactly(other);
    }

    @Test
    public void rulesRoundTripAndListTheProjectsOwnAndGlobalOnesOldestFirst() {
        Project p = aProject("rules");
        Project q = aProject("other rules");
        PayloadSamples samples = new PayloadSamples(p, TestData.featureId(), TestData.featureId(), SessionId.of("s"));
        List<Rule> rules = samples.rules();
        Rule ofQ = TestData.rule(q.id(), new RuleSpec.WipLimit(9, WipScope.SESSION), at(100));
        run(tx -> {
            rules.forEach(tx::upsertRule);
            tx.upsertRule(ofQ);
        });

        for (Rule rule : rules) {
            assertThat(reads.rule(rule.id())).as("rule(%s)", rule.spec().kind()).contains(rule);
        }
        assertThat(reads.rules(p.id())).containsExactlyElementsOf(rules);
        List<Rule> forQ = new ArrayList<>(rules.stream().filter(Rule::isGlobal).toList());
        forQ.add(ofQ);
        assertThat(reads.rules(q.id())).containsExactlyElementsOf(forQ);

        Rule counted = rules.getFirst().countTriggered().countViolated().countViolated().withEnabled(false);
        run(tx -> tx.upsertRule(counted));
        assertThat(reads.rule(counted.id())).contains(counted);
        assertThat(reads.rules(p.id())).as("an update keeps the rule's place").first().isEqualTo(counted);
        assertThat(reads.rule(new RuleId("no-such-rule"))).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------

    private StoreSnapshot snapshot(ProjectId p) {
        return store().read(r -> StoreSnapshot.of(r, List.of(p)));
    }
}
