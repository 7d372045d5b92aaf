package dev.ijoka.store.contract;

import static dev.ijoka.event.EventType.DEPENDENCY_ADDED;
import static dev.ijoka.event.EventType.DEPENDENCY_REMOVED;
import static dev.ijoka.event.EventType.FEATURE_BLOCKED;
import static dev.ijoka.event.EventType.FEATURE_COMPLETED;
import static dev.ijoka.event.EventType.FEATURE_CREATED;
import static dev.ijoka.event.EventType.FEATURE_REOPENED;
import static dev.ijoka.event.EventType.FEATURE_STARTED;
import static dev.ijoka.event.EventType.FEATURE_UNBLOCKED;
import static dev.ijoka.event.EventType.FEATURE_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.CycleException;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.StaleVersionException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end on a store: features and their state machine, dependencies and the plan,
 * insights, the event bus, and (inherited from {@link ClaimsAndRulesContract}) claims, sessions and
 * rules. After every test the stored state must equal a replay of the log. A store passes it by
 * extending this class:
 *
 * <pre>{@code
 * class SqliteEngineContractTest extends EngineContract {
 *     @TempDir Path dir;
 *     @Override protected Ijoka newEngine(InstantSource clock) {
 *         return Ijoka.builder().store("jdbc:sqlite:" + dir.resolve("t.db")).clock(clock).build();
 *     }
 * }
 * }</pre>
 */
public abstract class EngineContract extends ClaimsAndRulesContract {

    // --- features -----------------------------------------------------------------------------

    @Test
    public void createdFeaturesArePendingWithConsecutiveNumbersAndEveryFieldAsAsked() {
        Feature epic = feature(NewFeature.of("Accounts", Category.FUNCTIONAL).withKind(Kind.EPIC));
        Feature login = feature(NewFeature.of("User can log in " + TestData.AWKWARD, Category.SECURITY)
                .withDetails("Use **OAuth**.\n" + TestData.AWKWARD)
                .withKind(Kind.BUG)
                .withPriority(-4)
                .withSteps("Open /login", "Submit")
                .withParent(new FeatureRef.Number(project.id(), 1)));

        assertThat(epic.number()).isEqualTo(1);
        assertThat(login.number()).isEqualTo(2);
        assertThat(login).extracting(Feature::status, Feature::version, Feature::parent, Feature::claim, Feature::priority)
                .containsExactly(Status.PENDING, 1L, epic.id(), null, -4);
        assertThat(login.steps()).containsExactly(Step.todo("Open /login"), Step.todo("Submit"));
        assertThat(login.createdAt()).isEqualTo(clock.instant());
        assertThat(ijoka.features().list(project.id())).containsExactly(epic, login);
        assertThat(eventsAfter(0)).filteredOn(e -> e.type() == FEATURE_CREATED).extracting(Event::payload)
                .containsExactly(new EventPayload.FeatureCreated(epic), new EventPayload.FeatureCreated(login));
    }

    @Test
    public void featuresAreFoundByNumberOrIdAndMissingOnesAreNotFound() {
        Feature f = feature("Login");

        assertThat(ijoka.features().get(new FeatureRef.Number(project.id(), 1))).isEqualTo(f);
        assertThat(ijoka.features().get(f.id())).isEqualTo(f);
        assertThat(ijoka.features().find(new FeatureRef.Number(project.id(), 2))).isEmpty();
        assertThatThrownBy(() -> ijoka.features().get(new FeatureRef.Number(project.id(), 2)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("#2");
        assertThatThrownBy(() -> ijoka.features().start(FeatureId.of("no-such-id"), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-id");
        assertThatThrownBy(() -> ijoka.features().create(ProjectId.of("no-such-project"),
                NewFeature.of("x", Category.UI))).isInstanceOf(NotFoundException.class);
    }

    @Test
    public void updateChangesFieldsAndRefusesAStaleVersion() {
        Feature f = feature("Login");
        clock.advance(Duration.ofSeconds(5));

        Feature updated = ijoka.features().update(f.id(), FeatureUpdate.none().description("Log in with SSO").priority(3), null, 1L);

        assertThat(updated).extracting(Feature::description, Feature::priority, Feature::version, Feature::updatedAt)
                .containsExactly("Log in with SSO", 3, 2L, clock.instant());
        assertThatThrownBy(() -> ijoka.features().update(f.id(), FeatureUpdate.none().priority(9), null, 1L))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("version 2");
        assertThat(reload(f)).isEqualTo(updated);
        long before = lastSequence();
        assertThat(ijoka.features().update(f.id(), FeatureUpdate.none().priority(3), null, null))
                .as("a change to what is already there").isEqualTo(updated);
        assertThat(lastSequence()).isEqualTo(before);
        assertThat(typesOf(f)).containsExactly(FEATURE_CREATED, FEATURE_UPDATED);
    }

    @Test
    public void aParentMustBeNeitherTheFeatureNorOneOfItsDescendants() {
        Feature epic = feature(NewFeature.of("epic", Category.UI).withKind(Kind.EPIC));
        Feature story = feature(NewFeature.of("story", Category.UI).withParent(epic.id()));
        Feature task = feature(NewFeature.of("task", Category.UI).withParent(story.id()));
        long before = lastSequence();

        assertThatThrownBy(() -> ijoka.features().update(epic.id(), FeatureUpdate.none().parent(task.id()), null, null))
                .isInstanceOf(CycleException.class).hasMessageContaining("#1").hasMessageContaining("#3");
        assertThatThrownBy(() -> ijoka.features().update(epic.id(), FeatureUpdate.none().parent(epic.id()), null, null))
                .isInstanceOf(CycleException.class);
        assertThat(lastSequence()).isEqualTo(before);

        Feature moved = ijoka.features().update(task.id(), FeatureUpdate.none().parent(epic.id()), null, null);
        assertThat(moved.parent()).isEqualTo(epic.id());
        assertThat(reload(epic).parent()).isNull();
    }

    @Test
    public void theStateMachineWalksEveryLegalTransition() {
        Feature f = feature("Login");
        FeatureId id = f.id();

        assertThat(ijoka.features().start(id, null).feature().status()).isEqualTo(Status.IN_PROGRESS);
        Feature complete = ijoka.features().complete(id, null).feature();
        assertThat(complete.status()).isEqualTo(Status.COMPLETE);
        assertThat(complete.completedAt()).isEqualTo(clock.instant());
        Feature reopened = ijoka.features().reopen(id, null, "the test fails again").feature();
        assertThat(reopened).extracting(Feature::status, Feature::completedAt).containsExactly(Status.PENDING, null);
        Feature blocked = ijoka.features().block(id, null, "waits for the API", null).feature();
        assertThat(blocked).extracting(Feature::status, Feature::blockReason).containsExactly(Status.BLOCKED, "waits for the API");
        Feature unblocked = ijoka.features().unblock(id, null).feature();
        assertThat(unblocked).extracting(Feature::status, Feature::blockReason).containsExactly(Status.PENDING, null);
        ijoka.features().start(id, null);
        Feature blockedInProgress = ijoka.features().block(id, null, "again", null).feature();

        assertThat(blockedInProgress.status()).isEqualTo(Status.BLOCKED);
        assertThat(blockedInProgress.version()).isEqualTo(8);
        assertThat(typesOf(f)).containsExactly(FEATURE_CREATED, FEATURE_STARTED, FEATURE_COMPLETED, FEATURE_REOPENED,
                FEATURE_BLOCKED, FEATURE_UNBLOCKED, FEATURE_STARTED, FEATURE_BLOCKED);
    }

    @Test
    public void illegalCommandsAreRefusedSayingTheStateAndWhatIsAllowed() {
        Feature pending = feature("pending");
        Feature blocked = feature("blocked");
        ijoka.features().block(blocked.id(), null, "waits for the API", null);
        Feature complete = feature("complete");
        ijoka.features().start(complete.id(), null);
        ijoka.features().complete(complete.id(), null);
        Feature inProgress = feature("in progress");
        ijoka.features().start(inProgress.id(), null);
        long before = lastSequence();

        assertRefused(() -> ijoka.features().complete(pending.id(), null), "cannot complete #1: it is pending", "start or block");
        assertRefused(() -> ijoka.features().unblock(pending.id(), null), "cannot unblock #1: it is pending", "start or block");
        assertRefused(() -> ijoka.features().reopen(pending.id(), null, "why"), "cannot reopen #1", "start or block");
        assertRefused(() -> ijoka.features().start(blocked.id(), null), "it is blocked (waits for the API)", "you can unblock");
        assertRefused(() -> ijoka.features().block(complete.id(), null, "late", null), "it is complete", "you can reopen");
        assertRefused(() -> ijoka.features().start(inProgress.id(), null), "already in progress", "complete or block");
        assertThatThrownBy(() -> ijoka.features().block(pending.id(), null, " ", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> ijoka.features().reopen(complete.id(), null, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");

        assertThat(lastSequence()).as("refused commands log nothing").isEqualTo(before);
        assertThat(reload(pending).version()).isEqualTo(1);
    }

    private static void assertRefused(Runnable command, String... messageParts) {
        assertThatThrownBy(command::run).isInstanceOf(IllegalTransitionException.class).hasMessageContainingAll(messageParts);
    }

    @Test
    public void aCommandWithAnExpectedVersionRefusesAnyOther() {
        Feature f = feature("Login");
        ijoka.features().update(f.id(), FeatureUpdate.none().priority(1), null, null);

        assertThatThrownBy(() -> ijoka.features().apply(new FeatureCommand.Start(f.id(), null, 1L)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(reload(f).status()).isEqualTo(Status.PENDING);
        assertThat(ijoka.features().apply(new FeatureCommand.Start(f.id(), null, 2L)).feature().status())
                .isEqualTo(Status.IN_PROGRESS);
    }

    // --- dependencies and the plan ------------------------------------------------------------

    @Test
    public void theDependencyGateHoldsAFeatureUntilItsBlockingDependenciesAreComplete() {
        Feature schema = feature("Schema");
        Feature api = feature("API");
        Feature docs = feature("Docs");
        ijoka.dependencies().add(api.id(), schema.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(docs.id(), schema.id(), DependencyKind.RELATED, null);

        assertThatThrownBy(() -> ijoka.features().start(api.id(), null)).isInstanceOf(DependencyGateException.class)
                .hasMessageContaining("#1 (pending)");
        assertThat(ijoka.features().start(docs.id(), null).feature().status()).as("a related dependency never gates")
                .isEqualTo(Status.IN_PROGRESS);
        ijoka.features().start(schema.id(), null);
        assertThatThrownBy(() -> ijoka.features().start(api.id(), null)).hasMessageContaining("#1 (in_progress)");
        ijoka.features().complete(schema.id(), null);

        assertThat(ijoka.features().start(api.id(), null).feature().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    public void dependencyCyclesAreRefusedNamingTheCycle() {
        Feature a = feature("a");
        Feature b = feature("b");
        Feature c = feature("c");
        ijoka.dependencies().add(a.id(), b.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(b.id(), c.id(), DependencyKind.BLOCKS, null);
        long before = lastSequence();

        assertThatThrownBy(() -> ijoka.dependencies().add(a.id(), a.id(), DependencyKind.RELATED, null))
                .isInstanceOf(CycleException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> ijoka.dependencies().add(c.id(), a.id(), DependencyKind.BLOCKS, null))
                .isInstanceOf(CycleException.class).hasMessageContaining("#3 → #1 → #2 → #3");
        assertThat(lastSequence()).isEqualTo(before);

        Dependency related = ijoka.dependencies().add(c.id(), a.id(), DependencyKind.RELATED, null);
        assertThat(ijoka.dependencies().add(c.id(), a.id(), DependencyKind.RELATED, null)).as("adding it again").isEqualTo(related);
        assertThat(ijoka.dependencies().list(project.id())).containsExactlyInAnyOrder(related,
                new Dependency(project.id(), a.id(), b.id(), DependencyKind.BLOCKS),
                new Dependency(project.id(), b.id(), c.id(), DependencyKind.BLOCKS));
        assertThat(ijoka.dependencies().of(c.id())).containsExactly(related);
        assertThat(ijoka.dependencies().dependentsOf(a.id())).containsExactly(related);
        assertThat(typesAfter(before)).containsExactly(DEPENDENCY_ADDED);
    }

    @Test
    public void blockingOnAFeatureAddsTheDependencyUnlessItClosesACycle() {
        Feature a = feature("a");
        Feature b = feature("b");
        Feature c = feature("c");
        ijoka.dependencies().add(a.id(), b.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(c.id(), a.id(), DependencyKind.RELATED, null);
        long before = lastSequence();

        assertThatThrownBy(() -> ijoka.features().block(b.id(), null, "needs a", a.id())).isInstanceOf(CycleException.class);
        assertThatThrownBy(() -> ijoka.features().block(b.id(), null, "needs itself", b.id())).isInstanceOf(CycleException.class);
        assertThat(reload(b).status()).isEqualTo(Status.PENDING);
        assertThat(lastSequence()).isEqualTo(before);

        Feature blocked = ijoka.features().block(c.id(), null, "needs a first", a.id()).feature();

        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
        assertThat(ijoka.dependencies().of(c.id())).containsExactly(new Dependency(project.id(), c.id(), a.id(), DependencyKind.BLOCKS));
        assertThat(typesAfter(before)).as("changing an edge's kind is a removal and an addition")
                .containsExactly(DEPENDENCY_REMOVED, DEPENDENCY_ADDED, FEATURE_BLOCKED);
        assertThat(eventsAfter(before).get(2).payload()).isEqualTo(new EventPayload.FeatureBlocked("needs a first", a.id()));
        assertThat(ijoka.dependencies().remove(c.id(), a.id(), null)).isTrue();
        assertThat(ijoka.dependencies().remove(c.id(), a.id(), null)).isFalse();
    }

    @Test
    public void clonesOfOneRepositoryOpenOneProjectWhereverTheyAreAndALinkedCheckoutJoinsIt() throws Exception {
        Path first = GitCheckouts.checkout(projectDir.resolve("ann/shop"), "git@github.com:acme/shop.git");
        Path second = GitCheckouts.checkout(projectDir.resolve("bob/Shop-2"), "https://bob:token@github.com/acme/shop/");
        Path mirror = GitCheckouts.checkout(projectDir.resolve("mirror"), null);

        Project shop = ijoka.projects().open(first);
        assertThat(ijoka.projects().open(second)).isEqualTo(shop);
        assertThat(ijoka.projects().link(shop.id(), mirror)).isEqualTo(shop);
        assertThat(ijoka.projects().find(mirror)).contains(shop);

        assertThat(ijoka.projects().identity(shop.id())).contains(new ProjectIdentity("github.com/acme/shop"));
        assertThat(ijoka.projects().paths(shop.id())).containsExactly(first.toString(), second.toString(), mirror.toString());
        assertThat(ijoka.projects().list()).hasSize(2); // the fixture's project, and shop
        assertThat(ijoka.projects().identity(project.id())).contains(new ProjectIdentity(project.root()));
    }

    @Test
    public void dependenciesJoinFeaturesOfOneProjectOnly() throws IOException {
        Project other = ijoka.projects().open(Files.createDirectories(projectDir.resolve("other")));
        Feature here = feature("here");
        Feature there = ijoka.features().create(other.id(), NewFeature.of("there", Category.UI));

        assertThat(there.number()).as("numbers are per project").isEqualTo(1);
        assertThatThrownBy(() -> ijoka.dependencies().add(here.id(), there.id(), DependencyKind.BLOCKS, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different projects");
        assertThat(ijoka.dependencies().list(project.id())).isEmpty();
    }

    @Test
    public void readyAndNextFollowThePriorityAndTheGate() {
        Feature low = feature(NewFeature.of("low", Category.UI));
        Feature gated = feature(NewFeature.of("gated", Category.UI).withPriority(9));
        Feature high = feature(NewFeature.of("high", Category.UI).withPriority(5));
        Feature alsoLow = feature(NewFeature.of("also low", Category.UI));
        ijoka.dependencies().add(gated.id(), high.id(), DependencyKind.BLOCKS, null);
        SessionId s1 = session("s1");

        assertThat(ijoka.plan().ready(project.id())).extracting(Feature::id).containsExactly(high.id(), low.id(), alsoLow.id());
        assertThat(ijoka.plan().readyCount(project.id())).isEqualTo(3);
        assertThat(ijoka.plan().ready(project.id(), 2)).extracting(Feature::id).containsExactly(high.id(), low.id());
        assertThat(ijoka.plan().ready(project.id(), 0)).isEmpty();
        assertThatThrownBy(() -> ijoka.plan().ready(project.id(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ijoka.plan().next(project.id(), null)).map(Feature::id).contains(high.id());
        ijoka.features().start(low.id(), s1);
        assertThat(ijoka.plan().next(project.id(), s1)).as("the session's own feature").map(Feature::id).contains(low.id());
        ijoka.features().start(high.id(), null);
        ijoka.features().complete(high.id(), null);

        assertThat(ijoka.plan().ready(project.id())).extracting(Feature::id).containsExactly(gated.id(), alsoLow.id());
        assertThat(ijoka.plan().readyCount(project.id())).isEqualTo(2);
        assertThat(ijoka.plan().ready(project.id(), 1)).extracting(Feature::id).containsExactly(gated.id());
        assertThat(ijoka.plan().progress(project.id())).isEqualTo(new Progress(2, 1, 0, 1));
    }

    // --- insights -----------------------------------------------------------------------------

    @Test
    public void insightsAreFoundByWordsAndTagAndTheUsefulOnesComeFirst() {
        Feature f = feature("Storage");
        SessionId s1 = session("s1");
        Insight tip = ijoka.insights().record(project.id(), NewInsight.of("Use jq -r for raw output", InsightKind.TOOL_USAGE, "Shell"), null);
        clock.advance(Duration.ofSeconds(1));
        Insight wal = ijoka.insights().record(project.id(),
                NewInsight.of("Turn on WAL mode before concurrent writes", InsightKind.SOLUTION, "sqlite", "concurrency").about(f.id()), s1);
        clock.advance(Duration.ofSeconds(1));
        Insight trap = ijoka.insights().record(project.id(),
                NewInsight.of("Never share one SQLite connection between threads", InsightKind.ANTI_PATTERN, "sqlite"), s1);

        assertThat(wal.feature()).isEqualTo(f.id());
        assertThat(wal.session()).isEqualTo(s1);
        assertThat(tip.tags()).containsExactly("shell");
        assertThat(ijoka.insights().search(project.id(), "wal MODE", null, 10)).containsExactly(wal);
        assertThat(ijoka.insights().search(project.id(), null, "SQLite", 10)).containsExactly(trap, wal);
        assertThat(ijoka.insights().search(project.id(), "threads", "sqlite", 10)).containsExactly(trap);
        assertThat(ijoka.insights().search(project.id(), null, null, 2)).containsExactly(trap, wal);
        assertThat(ijoka.insights().search(project.id(), "nothing like this", null, 10)).isEmpty();
        assertThat(ijoka.insights().top(project.id(), 10)).containsExactly(wal, trap, tip);
    }

    // --- many threads -------------------------------------------------------------------------

    @Test
    public void featuresCreatedConcurrentlyGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 8;
        int each = 25;

        Concurrently.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                feature("thread " + t + " feature " + i);
            }
        });

        assertThat(ijoka.features().list(project.id())).extracting(Feature::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, threads * each).boxed().toList());
    }

    @Test
    public void sessionsRacingForOneFeatureNeverBothWin() throws Exception {
        int racers = 4;
        List<SessionId> sessions = IntStream.range(0, racers).mapToObj(i -> session("racer" + i)).toList();
        List<Feature> features = IntStream.range(0, 20).mapToObj(i -> feature("prize " + i)).toList();
        Map<FeatureId, List<SessionId>> winners = new ConcurrentHashMap<>();

        Concurrently.run(racers, t -> {
            for (Feature f : features) {
                try {
                    ijoka.features().start(f.id(), sessions.get(t));
                    winners.computeIfAbsent(f.id(), k -> new CopyOnWriteArrayList<>()).add(sessions.get(t));
                } catch (ClaimConflictException lost) {
                    // Another session won this one.
                }
            }
        });

        for (Feature f : features) {
            assertThat(winners.get(f.id())).as("winners of %s", f.ref()).hasSize(1);
            assertThat(reload(f).claim().session()).isEqualTo(winners.get(f.id()).getFirst());
        }
    }

    // --- the event bus ------------------------------------------------------------------------

    @Test
    public void theBusDeliversEveryCommittedEventInOrderToEachSubscriber() {
        List<Event> all = new CopyOnWriteArrayList<>();
        List<Event> starts = new CopyOnWriteArrayList<>();
        List<Event> closedEarly = new CopyOnWriteArrayList<>();
        long from = lastSequence();
        var everything = ijoka.events().subscribe(all::add);
        var onlyStarts = ijoka.events().subscribe(e -> e.type() == FEATURE_STARTED, starts::add);
        var early = ijoka.events().subscribe(closedEarly::add);
        SessionId s1 = session("s1");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        ijoka.features().start(f1.id(), s1);
        assertThatThrownBy(() -> ijoka.features().complete(f2.id(), s1)).isInstanceOf(IllegalTransitionException.class);
        awaitDelivery(closedEarly, lastSequence());
        early.close();
        ijoka.features().complete(f1.id(), s1);
        ijoka.features().start(f2.id(), null);
        long last = lastSequence();

        awaitDelivery(all, last);
        awaitDelivery(starts, last);
        everything.close();
        onlyStarts.close();
        List<Event> log = eventsAfter(from);
        assertThat(all.stream().filter(e -> e.sequence() > from).toList()).as("every committed event, in order").isEqualTo(log);
        assertThat(starts).as("a filtered subscription").isEqualTo(log.stream().filter(e -> e.type() == FEATURE_STARTED).toList());
        assertThat(closedEarly).as("nothing after close").allSatisfy(e -> assertThat(e.type()).isNotEqualTo(FEATURE_COMPLETED));
    }

    @Test
    public void aSlowSubscriberNeverHoldsUpAWriter() {
        CountDownLatch release = new CountDownLatch(1);
        List<Event> received = new CopyOnWriteArrayList<>();
        long from = lastSequence();
        var slow = ijoka.events().subscribe(e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            received.add(e);
        });
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 50; i++) {
                feature("feature " + i);
            }
        }, "writers waited for a blocked subscriber");
        release.countDown();

        awaitDelivery(received, lastSequence());
        slow.close();
        assertThat(received.stream().filter(e -> e.sequence() > from).toList()).isEqualTo(eventsAfter(from));
    }

    /** Waits (up to 20 s) until the list holds an event at or after {@code sequence}. */
    private static void awaitDelivery(List<Event> received, long sequence) {
        await(() -> !received.isEmpty() && received.getLast().sequence() >= sequence,
                "delivery up to event " + sequence + "; got " + received.stream().map(Event::sequence).toList());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

}
