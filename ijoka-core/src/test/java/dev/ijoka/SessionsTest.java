package dev.ijoka;

import static dev.ijoka.event.EventType.CLAIM_RELEASED;
import static dev.ijoka.event.EventType.CLAIM_RENEWED;
import static dev.ijoka.event.EventType.CLAIM_TAKEN;
import static dev.ijoka.event.EventType.SESSION_ENDED;
import static dev.ijoka.event.EventType.SESSION_STARTED;
import static dev.ijoka.event.EventType.TOOL_USED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.SessionState;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent sessions: their life, their activity, and how activity keeps their leases alive. */
class SessionsTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void startingASessionRecordsItWithAnEvent() {
        long mark = fx.mark();

        Session s = fx.ijoka.sessions().start(fx.project.id(), SessionId.of("abc"), "claude-code");

        assertThat(s.agent()).isEqualTo("claude-code");
        assertThat(s.project()).isEqualTo(fx.project.id());
        assertThat(s.startedAt()).isEqualTo(Fixture.T0);
        assertThat(s.endedAt()).isNull();
        assertThat(s.currentFeature()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(SESSION_STARTED);
        assertThat(fx.eventsSince(mark).getFirst().session()).isEqualTo(SessionId.of("abc"));
        assertThat(fx.ijoka.sessions().list(fx.project.id())).containsExactly(s);
    }

    @Test
    void startingALiveSessionAgainResumesItWithoutANewEvent() {
        SessionId id = fx.session("abc");
        Instant later = fx.advance(Duration.ofMinutes(3));
        long mark = fx.mark();

        Session again = fx.ijoka.sessions().start(fx.project.id(), id, "agent-abc");

        assertThat(again.startedAt()).isEqualTo(Fixture.T0);
        assertThat(again.lastSeenAt()).isEqualTo(later);
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void aSessionIdBelongsToOneProject(@TempDir Path other) {
        SessionId id = fx.session("abc");
        Project second = fx.ijoka.projects().open(other);

        assertThatThrownBy(() -> fx.ijoka.sessions().start(second.id(), id, "agent"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("session abc already works on another project; use a new session id");
    }

    @Test
    void aSessionCannotActOnAnotherProjectsFeatures(@TempDir Path other) {
        Project second = fx.ijoka.projects().open(other);
        SessionId elsewhere = SessionId.of("elsewhere");
        fx.ijoka.sessions().start(second.id(), elsewhere, "agent");
        Feature f = fx.feature("a");

        assertThatThrownBy(() -> fx.features().start(f.id(), elsewhere))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("session elsewhere works on another project; start a session for this one");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        Feature f = fx.feature("a");

        assertThatThrownBy(() -> fx.features().start(f.id(), SessionId.of("ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("there is no session ghost: start one first (sessions().start)");
        assertThatThrownBy(() -> fx.ijoka.sessions().touch(SessionId.of("ghost")))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.ijoka.sessions().find(SessionId.of("ghost"))).isEmpty();
    }

    @Test
    void theStateFollowsHowLongTheSessionHasBeenQuiet() {
        SessionId id = fx.session("abc");
        Session s = fx.sessionState(id);

        assertThat(s.state(Fixture.T0.plus(Session.IDLE_AFTER).minusSeconds(1))).isEqualTo(SessionState.ACTIVE);
        assertThat(s.state(Fixture.T0.plus(Session.IDLE_AFTER))).isEqualTo(SessionState.IDLE);
        assertThat(s.state(Fixture.T0.plus(Session.STALE_AFTER))).isEqualTo(SessionState.STALE);
        fx.ijoka.sessions().end(id, "done");
        assertThat(fx.sessionState(id).state(Fixture.T0)).isEqualTo(SessionState.ENDED);
    }

    // --- touch: lease renewal -----------------------------------------------------------------------

    @Test
    void touchRenewsALeaseOnlyOnceHalfOfItIsSpent() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("a");
        fx.features().start(f.id(), s1);
        Instant originalEnd = Fixture.T0.plus(Fixture.LEASE);

        Instant early = fx.advance(Fixture.LEASE.dividedBy(2).minusSeconds(1));
        long mark = fx.mark();
        Session touched = fx.ijoka.sessions().touch(s1);

        assertThat(touched.lastSeenAt()).isEqualTo(early);
        assertThat(fx.reload(f).claim().leaseUntil()).isEqualTo(originalEnd);
        assertThat(fx.eventsSince(mark)).isEmpty();

        Instant half = fx.advance(Duration.ofSeconds(1));
        fx.ijoka.sessions().touch(s1);

        assertThat(fx.reload(f).claim()).isEqualTo(new Claim(s1, Fixture.T0, half.plus(Fixture.LEASE)));
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_RENEWED);
        assertThat(fx.eventsSince(mark).getFirst().feature()).isEqualTo(f.id());
    }

    @Test
    void touchRenewsEveryClaimOfTheSessionButNoOtherSessions() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        Feature c = fx.feature("c");
        fx.features().start(a.id(), s1);
        fx.features().start(b.id(), s1);
        fx.features().start(c.id(), s2);
        Instant later = fx.advance(Duration.ofMinutes(20));

        fx.ijoka.sessions().touch(s1);

        assertThat(fx.reload(a).claim().leaseUntil()).isEqualTo(later.plus(Fixture.LEASE));
        assertThat(fx.reload(b).claim().leaseUntil()).isEqualTo(later.plus(Fixture.LEASE));
        assertThat(fx.reload(c).claim().leaseUntil()).isEqualTo(Fixture.T0.plus(Fixture.LEASE));
    }

    @Test
    void recordedActivityIsLinkedToTheCurrentFeatureAndRenewsItsLease() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("a");
        fx.features().start(f.id(), s1);
        Instant later = fx.advance(Duration.ofMinutes(16));
        long mark = fx.mark();

        Session seen = fx.ijoka.sessions().record(s1, new EventPayload.ToolUsed("Edit", List.of("src/A.java"), true));

        assertThat(seen.lastSeenAt()).isEqualTo(later);
        assertThat(fx.typesSince(mark)).containsExactly(TOOL_USED, CLAIM_RENEWED);
        Event used = fx.eventsSince(mark).getFirst();
        assertThat(used.feature()).isEqualTo(f.id());
        assertThat(used.session()).isEqualTo(s1);
        assertThat(used.payload()).isEqualTo(new EventPayload.ToolUsed("Edit", List.of("src/A.java"), true));
        assertThat(fx.reload(f).claim().leaseUntil()).isEqualTo(later.plus(Fixture.LEASE));
    }

    @Test
    void aResumedSessionTakesBackTheClaimsItsEndReleasedUnlessSomeoneElseTookThem() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature kept = fx.feature("a");
        Feature taken = fx.feature("b");
        fx.features().start(taken.id(), s1);
        fx.features().start(kept.id(), s1);
        fx.ijoka.sessions().end(s1, "prompt_input_exit");
        fx.features().start(taken.id(), s2); // free after the end: another session takes it

        Session resumed = fx.ijoka.sessions().start(fx.project.id(), s1, "claude-code");

        assertThat(resumed.endedAt()).isNull();
        assertThat(resumed.currentFeature()).isEqualTo(kept.id());
        assertThat(fx.reload(kept).claim().session()).isEqualTo(s1);
        assertThat(fx.reload(taken).claim().session()).isEqualTo(s2);
    }

    @Test
    void aLinkedIdStandsForTheSessionItContinuesAndNeverForItself() {
        SessionId first = fx.session("first");
        SessionId cleared = SessionId.of("after-clear");
        SessionId again = SessionId.of("after-second-clear");

        assertThat(fx.ijoka.sessions().resolve(cleared)).isEqualTo(cleared);
        fx.ijoka.sessions().link(cleared, first);
        fx.ijoka.sessions().link(again, cleared); // follows the link: one hop to the session
        fx.ijoka.sessions().link(first, cleared); // would close a loop: changes nothing

        assertThat(fx.ijoka.sessions().resolve(cleared)).isEqualTo(first);
        assertThat(fx.ijoka.sessions().resolve(again)).isEqualTo(first);
        assertThat(fx.ijoka.sessions().resolve(first)).isEqualTo(first);
    }

    @Test
    void movingHeadIsACompareAndSetThatRecordsWhatTheMoveMeantAgainstTheCurrentFeature() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("a");
        fx.features().start(f.id(), s1);
        assertThat(fx.ijoka.sessions().lastHead(s1, "/repo")).isEmpty();
        long mark = fx.mark();

        assertThat(fx.ijoka.sessions().moveHead(s1, "/repo", null, "aaa", List.of())).isTrue();
        assertThat(fx.typesSince(mark)).as("a first look records nothing").isEmpty();
        EventPayload.CommitMade commit = new EventPayload.CommitMade("bbb", "Add it", "Ann <ann@example.com>");
        assertThat(fx.ijoka.sessions().moveHead(s1, "/repo", "aaa", "bbb", List.of(commit))).isTrue();
        assertThat(fx.ijoka.sessions().moveHead(s1, "/repo", "aaa", "bbb", List.of(commit)))
                .as("another hook looked first").isFalse();

        assertThat(fx.ijoka.sessions().lastHead(s1, "/repo")).contains("bbb");
        assertThat(fx.ijoka.sessions().lastHead(s1, "/other")).isEmpty();
        assertThat(fx.eventsSince(mark)).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(commit);
            assertThat(e.feature()).isEqualTo(f.id());
        });
    }

    @Test
    void activityWithoutACurrentFeatureIsRecordedAgainstTheProject() {
        SessionId s1 = fx.session("s1");
        long mark = fx.mark();

        fx.ijoka.sessions().record(s1, new EventPayload.PromptSubmitted("add a login page"));

        Event e = fx.eventsSince(mark).getFirst();
        assertThat(e.feature()).isNull();
        assertThat(e.project()).isEqualTo(fx.project.id());
        assertThat(fx.sessionState(s1).eventCount()).isEqualTo(2);
    }

    // --- end ----------------------------------------------------------------------------------------

    @Test
    void endingASessionReleasesItsClaimsAndLeavesTheFeaturesInProgress() {
        SessionId s1 = fx.session("s1");
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.features().start(a.id(), s1);
        fx.features().start(b.id(), s1);
        Instant end = fx.advance(Duration.ofMinutes(2));
        long mark = fx.mark();

        Session ended = fx.ijoka.sessions().end(s1, "user closed the terminal");

        assertThat(ended.endedAt()).isEqualTo(end);
        assertThat(ended.currentFeature()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_RELEASED, CLAIM_RELEASED, SESSION_ENDED);
        assertThat(fx.eventsSince(mark).getFirst().payload()).isEqualTo(new EventPayload.ClaimReleased(s1, "session ended"));
        for (Feature f : List.of(fx.reload(a), fx.reload(b))) {
            assertThat(f.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(f.claim()).isNull();
        }
    }

    @Test
    void anotherSessionTakesWhatAnEndedSessionLeftWithoutWaitingForTheLease() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = fx.feature("a");
        fx.features().start(f.id(), s1);
        fx.ijoka.sessions().end(s1, "done");
        long mark = fx.mark();

        fx.features().start(f.id(), s2);

        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_TAKEN);
        assertThat(fx.reload(f).claim().session()).isEqualTo(s2);
    }

    @Test
    void anEndedSessionCanNoLongerRunCommands() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("a");
        fx.ijoka.sessions().end(s1, "done");

        assertThatThrownBy(() -> fx.features().start(f.id(), s1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("session s1 has ended; start a new session");
    }

    @Test
    void endingTwiceChangesNothingAndEndingNeedsAReason() {
        SessionId s1 = fx.session("s1");
        assertThatThrownBy(() -> fx.ijoka.sessions().end(s1, " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reason is required and must not be blank");
        fx.ijoka.sessions().end(s1, "done");
        long mark = fx.mark();

        fx.ijoka.sessions().end(s1, "again");

        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    @Test
    void anEndedSessionResumesWhenStartedAgain() {
        SessionId s1 = fx.session("s1");
        fx.ijoka.sessions().end(s1, "done");
        Instant later = fx.advance(Duration.ofHours(1));
        long mark = fx.mark();

        Session resumed = fx.ijoka.sessions().start(fx.project.id(), s1, "agent-s1");

        assertThat(resumed.endedAt()).isNull();
        assertThat(resumed.startedAt()).isEqualTo(Fixture.T0);
        assertThat(resumed.lastSeenAt()).isEqualTo(later);
        assertThat(fx.typesSince(mark)).containsExactly(SESSION_STARTED);
    }
}
