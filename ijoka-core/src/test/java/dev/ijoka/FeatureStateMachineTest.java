package dev.ijoka;

import static dev.ijoka.event.EventType.CLAIM_RELEASED;
import static dev.ijoka.event.EventType.CLAIM_TAKEN;
import static dev.ijoka.event.EventType.DEPENDENCY_ADDED;
import static dev.ijoka.event.EventType.FEATURE_BLOCKED;
import static dev.ijoka.event.EventType.FEATURE_COMPLETED;
import static dev.ijoka.event.EventType.FEATURE_REOPENED;
import static dev.ijoka.event.EventType.FEATURE_STARTED;
import static dev.ijoka.event.EventType.FEATURE_UNBLOCKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.StaleVersionException;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command from every status: the transitions that are allowed, and the refusals that explain themselves. */
class FeatureStateMachineTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private Transition run(String command, Feature f, SessionId session) {
        return switch (command) {
            case "start" -> fx.features().start(f.id(), session);
            case "complete" -> fx.features().complete(f.id(), session);
            case "block" -> fx.features().block(f.id(), session, "needs a decision", null);
            case "unblock" -> fx.features().unblock(f.id(), session);
            case "reopen" -> fx.features().reopen(f.id(), session, "found a regression");
            default -> throw new IllegalArgumentException(command);
        };
    }

    // --- allowed transitions ------------------------------------------------------------------

    @Test
    void startByASessionMovesPendingToInProgressAndClaimsItForTheLease() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in");
        long mark = fx.mark();

        Feature started = fx.features().start(f.id(), s1).feature();

        assertThat(started.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(started.claim()).isEqualTo(new Claim(s1, Fixture.T0, Fixture.T0.plus(Fixture.LEASE)));
        assertThat(started.version()).isEqualTo(f.version() + 1);
        assertThat(started.completedAt()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_STARTED, CLAIM_TAKEN);
        assertThat(fx.eventsSince(mark)).allSatisfy(e -> {
            assertThat(e.feature()).isEqualTo(f.id());
            assertThat(e.session()).isEqualTo(s1);
            assertThat(e.project()).isEqualTo(fx.project.id());
        });
        assertThat(fx.sessionState(s1).currentFeature()).isEqualTo(f.id());
        assertThat(fx.reload(f)).isEqualTo(started);
    }

    @Test
    void startByAPersonMovesPendingToInProgressWithoutAClaim() {
        Feature f = fx.feature("User can log in");
        long mark = fx.mark();

        Feature started = fx.features().start(f.id(), null).feature();

        assertThat(started.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(started.claim()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_STARTED);
    }

    @Test
    void completeMovesInProgressToCompleteReleasesTheClaimAndStampsCompletedAt() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in");
        fx.features().start(f.id(), s1);
        Instant done = fx.advance(Duration.ofMinutes(7));
        long mark = fx.mark();

        Feature completed = fx.features().complete(f.id(), s1).feature();

        assertThat(completed.status()).isEqualTo(Status.COMPLETE);
        assertThat(completed.claim()).isNull();
        assertThat(completed.completedAt()).isEqualTo(done);
        assertThat(completed.updatedAt()).isEqualTo(done);
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_COMPLETED, CLAIM_RELEASED);
        assertThat(fx.eventsSince(mark).get(1).payload())
                .isEqualTo(new EventPayload.ClaimReleased(s1, "completed"));
        assertThat(fx.sessionState(s1).currentFeature()).isNull();
    }

    @Test
    void blockMovesPendingToBlockedWithTheReason() {
        Feature f = fx.feature("User can log in");
        long mark = fx.mark();

        Feature blocked = fx.features().block(f.id(), null, "  waiting for the design  ", null).feature();

        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
        assertThat(blocked.blockReason()).isEqualTo("waiting for the design");
        assertThat(fx.eventsSince(mark)).extracting(Event::payload)
                .containsExactly(new EventPayload.FeatureBlocked("waiting for the design", null));
    }

    @Test
    void blockMovesInProgressToBlockedAndReleasesTheClaim() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in");
        fx.features().start(f.id(), s1);
        long mark = fx.mark();

        Feature blocked = fx.features().block(f.id(), s1, "the API is down", null).feature();

        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
        assertThat(blocked.claim()).isNull();
        assertThat(blocked.blockReason()).isEqualTo("the API is down");
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_BLOCKED, CLAIM_RELEASED);
        assertThat(fx.sessionState(s1).currentFeature()).isNull();
    }

    @Test
    void unblockMovesBlockedToPendingAndClearsTheReason() {
        Feature f = fx.featureIn(Status.BLOCKED);
        long mark = fx.mark();

        Feature unblocked = fx.features().unblock(f.id(), null).feature();

        assertThat(unblocked.status()).isEqualTo(Status.PENDING);
        assertThat(unblocked.blockReason()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_UNBLOCKED);
    }

    @Test
    void reopenMovesCompleteToPendingWithTheReasonAndClearsCompletedAt() {
        Feature f = fx.featureIn(Status.COMPLETE);
        assertThat(f.completedAt()).isNotNull();
        long mark = fx.mark();

        Feature reopened = fx.features().reopen(f.id(), null, "the login button is gone").feature();

        assertThat(reopened.status()).isEqualTo(Status.PENDING);
        assertThat(reopened.completedAt()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_REOPENED);
        assertThat(fx.eventsSince(mark).getFirst().payload())
                .isEqualTo(new EventPayload.FeatureReopened("the login button is gone"));
    }

    @Test
    void everyTransitionRaisesTheVersionByOne() {
        Feature f = fx.feature("User can log in");
        long v = f.version();
        assertThat(fx.features().start(f.id(), null).feature().version()).isEqualTo(v + 1);
        assertThat(fx.features().block(f.id(), null, "stuck", null).feature().version()).isEqualTo(v + 2);
        assertThat(fx.features().unblock(f.id(), null).feature().version()).isEqualTo(v + 3);
        assertThat(fx.features().start(f.id(), null).feature().version()).isEqualTo(v + 4);
        assertThat(fx.features().complete(f.id(), null).feature().version()).isEqualTo(v + 5);
        assertThat(fx.features().reopen(f.id(), null, "again").feature().version()).isEqualTo(v + 6);
    }

    @Test
    void aFeatureCanBeNamedByItsNumber() {
        fx.feature("first");
        Feature second = fx.feature("second");

        Transition t = fx.features().start(fx.number(2), null);

        assertThat(t.feature().id()).isEqualTo(second.id());
        assertThat(t.warnings()).isEmpty();
    }

    // --- refused transitions --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} from {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            start    | BLOCKED     | cannot start #1: it is blocked (waiting for API keys). From blocked you can unblock.
            start    | COMPLETE    | cannot start #1: it is complete. From complete you can reopen.
            complete | PENDING     | cannot complete #1: it is pending. From pending you can start or block.
            complete | BLOCKED     | cannot complete #1: it is blocked (waiting for API keys). From blocked you can unblock.
            complete | COMPLETE    | cannot complete #1: it is complete. From complete you can reopen.
            block    | BLOCKED     | cannot block #1: it is blocked (waiting for API keys). From blocked you can unblock.
            block    | COMPLETE    | cannot block #1: it is complete. From complete you can reopen.
            unblock  | PENDING     | cannot unblock #1: it is pending. From pending you can start or block.
            unblock  | IN_PROGRESS | cannot unblock #1: it is in_progress. From in_progress you can complete or block.
            unblock  | COMPLETE    | cannot unblock #1: it is complete. From complete you can reopen.
            reopen   | PENDING     | cannot reopen #1: it is pending. From pending you can start or block.
            reopen   | IN_PROGRESS | cannot reopen #1: it is in_progress. From in_progress you can complete or block.
            reopen   | BLOCKED     | cannot reopen #1: it is blocked (waiting for API keys). From blocked you can unblock.
            """)
    void illegalCommandsAreRefusedNamingTheFeatureItsStatusAndWhatIsAllowed(String command, Status from, String message) {
        SessionId s1 = fx.session("s1");
        Feature f = fx.featureIn(from);
        long mark = fx.mark();

        assertThatThrownBy(() -> run(command, f, s1))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage(message)
                .extracting(e -> ((IllegalTransitionException) e).code()).isEqualTo("illegal_transition");

        assertThat(fx.reload(f)).isEqualTo(f);
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aPersonCannotStartAFeatureThatIsAlreadyInProgress() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in");
        fx.features().start(f.id(), s1);

        assertThatThrownBy(() -> fx.features().start(f.id(), null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot start #1: it is already in progress (claimed by session s1). "
                        + "From in_progress you can complete or block.");
    }

    @Test
    void aPersonCannotStartAnUnclaimedFeatureThatIsAlreadyInProgress() {
        Feature f = fx.featureIn(Status.IN_PROGRESS);

        assertThatThrownBy(() -> fx.features().start(f.id(), null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot start #1: it is already in progress. From in_progress you can complete or block.");
    }

    @Test
    void commandsOnAnUnknownFeatureSayItDoesNotExist() {
        assertThatThrownBy(() -> fx.features().start(fx.number(42), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("there is no feature #42");
    }

    // --- guards: reasons, versions, dependencies ------------------------------------------------

    @Test
    void blockAndReopenNeedAReason() {
        Feature pending = fx.feature("a");
        Feature complete = fx.featureIn(Status.COMPLETE);

        for (String blank : new String[] {"", "   ", "\n\t"}) {
            assertThatThrownBy(() -> fx.features().block(pending.id(), null, blank, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("a reason is required to block a feature: say what is wrong");
            assertThatThrownBy(() -> fx.features().reopen(complete.id(), null, blank))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("a reason is required to reopen a feature: say what is wrong");
        }
        assertThat(fx.reload(pending).status()).isEqualTo(Status.PENDING);
        assertThat(fx.reload(complete).status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void aReasonLongerThanTheLimitIsRefused() {
        Feature f = fx.feature("a");

        assertThatThrownBy(() -> fx.features().block(f.id(), null, "x".repeat(2_001), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reason is 2001 characters long; the limit is 2000: shorten it");
    }

    @Test
    void aCommandMadeFromAStaleVersionIsRefusedAndChangesNothing() {
        Feature f = fx.feature("a");
        fx.features().update(f.id(), dev.ijoka.domain.FeatureUpdate.none().priority(3), null, null);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().apply(new FeatureCommand.Start(f.id(), null, f.version())))
                .isInstanceOf(StaleVersionException.class)
                .hasMessage("#1 is at version 2 but the change was made from version 1: someone changed it meanwhile. "
                        + "Reload it and try again.");

        assertThat(fx.reload(f).status()).isEqualTo(Status.PENDING);
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aCommandMadeFromTheCurrentVersionGoesThrough() {
        Feature f = fx.feature("a");

        Feature blocked = fx.features().apply(new FeatureCommand.Block(f.id(), null, "stuck", null, f.version())).feature();

        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void startIsGatedByIncompleteBlocksDependenciesAndTheMessageListsThem() {
        Feature schema = fx.feature("Database schema");
        Feature api = fx.feature("REST API");
        Feature docs = fx.feature("Docs");
        Feature ui = fx.feature("Login page");
        fx.ijoka.dependencies().add(ui.id(), schema.id(), DependencyKind.BLOCKS, null);
        fx.ijoka.dependencies().add(ui.id(), api.id(), DependencyKind.BLOCKS, null);
        fx.ijoka.dependencies().add(ui.id(), docs.id(), DependencyKind.BLOCKS, null);
        fx.features().start(api.id(), null);
        fx.features().start(docs.id(), null);
        fx.features().complete(docs.id(), null);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().start(ui.id(), null))
                .isInstanceOf(DependencyGateException.class)
                .hasMessage("cannot start #4: it waits for #1 (pending), #2 (in_progress). "
                        + "Work on those first (next shows what is ready), or remove the dependency.");
        assertThat(fx.eventsSince(mark)).isEmpty();

        fx.features().start(schema.id(), null);
        fx.features().complete(schema.id(), null);
        assertThatThrownBy(() -> fx.features().start(ui.id(), null))
                .isInstanceOf(DependencyGateException.class)
                .hasMessageStartingWith("cannot start #4: it waits for #2 (in_progress). Work on that first");

        fx.features().complete(api.id(), null);
        assertThat(fx.features().start(ui.id(), null).feature().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void relatedDependenciesNeverGateAStart() {
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.ijoka.dependencies().add(b.id(), a.id(), DependencyKind.RELATED, null);

        assertThat(fx.features().start(b.id(), null).feature().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void blockingWithABlockerAddsABlocksDependencyThatGatesTheNextStart() {
        Feature api = fx.feature("REST API");
        Feature ui = fx.feature("Login page");
        long mark = fx.mark();

        Feature blocked = fx.features().block(ui.id(), null, "needs the API", api.id()).feature();

        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
        assertThat(fx.ijoka.dependencies().of(ui.id()))
                .containsExactly(new Dependency(fx.project.id(), ui.id(), api.id(), DependencyKind.BLOCKS));
        assertThat(fx.typesSince(mark)).containsExactly(DEPENDENCY_ADDED, FEATURE_BLOCKED);
        assertThat(fx.eventsSince(mark).getLast().payload())
                .isEqualTo(new EventPayload.FeatureBlocked("needs the API", api.id()));

        fx.features().unblock(ui.id(), null);
        assertThatThrownBy(() -> fx.features().start(ui.id(), null))
                .isInstanceOf(DependencyGateException.class)
                .hasMessageContaining("#1 (pending)");
    }

    @Test
    void blockingWithABlockerThatWouldCloseACycleIsRefusedAndChangesNothing() {
        Feature api = fx.feature("REST API");
        Feature ui = fx.feature("Login page");
        fx.ijoka.dependencies().add(ui.id(), api.id(), DependencyKind.BLOCKS, null);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().block(api.id(), null, "needs the UI", ui.id()))
                .isInstanceOf(dev.ijoka.api.CycleException.class)
                .hasMessageContaining("#1 → #2 → #1");

        assertThat(fx.reload(api).status()).isEqualTo(Status.PENDING);
        assertThat(fx.ijoka.dependencies().of(api.id())).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void theCommandsEventsReplayToTheStoredState() {
        SessionId s1 = fx.session("s1");
        Feature a = fx.feature("a", "step one");
        Feature b = fx.feature("b");
        fx.features().start(a.id(), s1);
        fx.features().checkStep(a.id(), 0, true, s1);
        fx.features().block(b.id(), null, "needs a", a.id());
        fx.features().complete(a.id(), s1);
        fx.features().unblock(b.id(), null);
        fx.features().reopen(a.id(), null, "broke");

        dev.ijoka.event.Replay replay = dev.ijoka.event.Replay.of(fx.eventsSince(0));

        for (Feature f : fx.features().list(fx.project.id())) {
            assertThat(dev.ijoka.event.Replay.comparable(replay.features().get(f.id())))
                    .isEqualTo(dev.ijoka.event.Replay.comparable(f));
        }
        assertThat(replay.dependencies()).containsExactlyInAnyOrderElementsOf(fx.ijoka.dependencies().list(fx.project.id()));
        assertThat(List.copyOf(replay.projects().values())).containsExactly(fx.project);
    }
}
