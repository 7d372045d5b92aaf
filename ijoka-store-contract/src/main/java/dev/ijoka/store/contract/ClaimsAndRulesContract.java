package dev.ijoka.store.contract;

import static dev.ijoka.event.EventType.CLAIM_EXPIRED;
import static dev.ijoka.event.EventType.CLAIM_RELEASED;
import static dev.ijoka.event.EventType.CLAIM_RENEWED;
import static dev.ijoka.event.EventType.CLAIM_TAKEN;
import static dev.ijoka.event.EventType.FEATURE_COMPLETED;
import static dev.ijoka.event.EventType.FEATURE_CREATED;
import static dev.ijoka.event.EventType.FEATURE_STARTED;
import static dev.ijoka.event.EventType.RULE_TRIGGERED;
import static dev.ijoka.event.EventType.RULE_VIOLATED;
import static dev.ijoka.event.EventType.SESSION_ENDED;
import static dev.ijoka.event.EventType.SESSION_STARTED;
import static dev.ijoka.event.EventType.STEP_CHECKED;
import static dev.ijoka.event.EventType.TOOL_USED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine on the store, part two: claims and their leases, sessions, and rules. Stores extend
 * {@link EngineContract}, which includes these tests.
 */
public abstract class ClaimsAndRulesContract extends AgentTodosContract {

    // --- claims and leases --------------------------------------------------------------------

    @Test
    public void aSessionThatStartsAFeatureClaimsItForOneLease() {
        SessionId s1 = session("s1");
        Feature f = feature("Login");

        Transition t = ijoka.features().start(f.id(), s1);

        Instant now = clock.instant();
        assertThat(t.feature().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(t.feature().claim()).isEqualTo(new Claim(s1, now, now.plus(LEASE)));
        assertThat(t.warnings()).isEmpty();
        assertThat(reload(f)).isEqualTo(t.feature());
        assertThat(ijoka.sessions().get(s1).currentFeature()).isEqualTo(f.id());
        assertThat(typesOf(f)).containsExactly(FEATURE_CREATED, FEATURE_STARTED, CLAIM_TAKEN);
    }

    @Test
    public void anotherSessionConflictsWithALiveClaimButAPersonMayStillFinishIt() {
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f = feature("Login");
        ijoka.features().start(f.id(), s1);
        clock.advance(LEASE.minusSeconds(1));
        long before = lastSequence();

        for (Runnable command : List.<Runnable>of(
                () -> ijoka.features().start(f.id(), s2),
                () -> ijoka.features().complete(f.id(), s2),
                () -> ijoka.features().block(f.id(), s2, "mine now", null))) {
            assertThatThrownBy(command::run).isInstanceOf(ClaimConflictException.class)
                    .hasMessageContaining("session s1").hasMessageContaining("agent-s1").hasMessageContaining(f.ref());
        }
        assertThat(lastSequence()).as("refused commands log nothing").isEqualTo(before);
        assertThat(reload(f).claim().session()).isEqualTo(s1);

        Feature done = ijoka.features().complete(f.id(), null).feature();

        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.claim()).isNull();
        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(typesAfter(before)).containsExactly(FEATURE_COMPLETED, CLAIM_RELEASED);
        assertThat(ijoka.sessions().get(s1).currentFeature()).as("the holder's current feature").isNull();
    }

    @Test
    public void theHolderRenewsItsClaimByStartingAgain() {
        SessionId s1 = session("s1");
        Feature f = feature("Login");
        Claim first = ijoka.features().start(f.id(), s1).feature().claim();
        Instant later = clock.advance(Duration.ofMinutes(10));
        long before = lastSequence();

        Claim renewed = ijoka.features().start(f.id(), s1).feature().claim();

        assertThat(renewed).isEqualTo(new Claim(s1, first.takenAt(), later.plus(LEASE)));
        assertThat(eventsAfter(before)).extracting(Event::payload)
                .containsExactly(new EventPayload.ClaimRenewed(s1, later.plus(LEASE)));
    }

    @Test
    public void aLapsedClaimCanBeTakenOverWithAnEvent() {
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f = feature("Login");
        Claim lapsed = ijoka.features().start(f.id(), s1).feature().claim();
        Instant now = clock.advance(LEASE);
        long before = lastSequence();

        Feature taken = ijoka.features().start(f.id(), s2).feature();

        Claim claim = new Claim(s2, now, now.plus(LEASE));
        assertThat(taken.claim()).isEqualTo(claim);
        assertThat(taken.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(eventsAfter(before)).extracting(Event::payload)
                .containsExactly(new EventPayload.ClaimTakenOver(lapsed.session(), claim));
        assertThat(ijoka.sessions().get(s1).currentFeature()).isNull();
        assertThat(ijoka.sessions().get(s2).currentFeature()).isEqualTo(f.id());
        assertThatThrownBy(() -> ijoka.features().complete(f.id(), s1)).isInstanceOf(ClaimConflictException.class)
                .hasMessageContaining("session s2");
    }

    @Test
    public void expireLeasesReleasesEveryLapsedClaimWithAnEventAndKeepsTheFeaturesInProgress() {
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        Feature f3 = feature("three");
        ijoka.features().start(f1.id(), s1);
        ijoka.features().start(f2.id(), s1);
        Instant lease1 = clock.instant().plus(LEASE);
        clock.advance(Duration.ofMinutes(10));
        ijoka.features().start(f3.id(), s2);
        clock.advance(Duration.ofMinutes(20));
        long before = lastSequence();

        List<Feature> expired = ijoka.sessions().expireLeases();

        assertThat(expired).extracting(Feature::id).containsExactlyInAnyOrder(f1.id(), f2.id());
        assertThat(expired).allSatisfy(f -> {
            assertThat(f.claim()).isNull();
            assertThat(f.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(reload(f)).isEqualTo(f);
        });
        assertThat(eventsAfter(before)).allSatisfy(e -> {
            assertThat(e.payload()).isEqualTo(new EventPayload.ClaimExpired(s1, lease1));
            assertThat(e.session()).isEqualTo(s1);
        }).extracting(Event::feature).containsExactlyInAnyOrder(f1.id(), f2.id());
        assertThat(reload(f3).claim().session()).isEqualTo(s2);
        assertThat(ijoka.sessions().get(s1).currentFeature()).isNull();
        assertThat(ijoka.sessions().expireLeases()).as("a second round").isEmpty();

        long afterExpiry = lastSequence();
        ijoka.features().start(f1.id(), s2);
        assertThat(typesAfter(afterExpiry)).as("an unclaimed feature is taken, not taken over").containsExactly(CLAIM_TAKEN);
        assertThat(typesOf(f2)).containsExactly(FEATURE_CREATED, FEATURE_STARTED, CLAIM_TAKEN, CLAIM_EXPIRED);
    }

    @Test
    public void activityRenewsALeaseOnceHalfOfItIsSpent() {
        SessionId s1 = session("s1");
        Feature f = feature("Login");
        Claim first = ijoka.features().start(f.id(), s1).feature().claim();
        clock.advance(Duration.ofMinutes(10));
        long before = lastSequence();

        ijoka.sessions().touch(s1);

        assertThat(reload(f).claim()).as("a third spent").isEqualTo(first);
        assertThat(lastSequence()).isEqualTo(before);

        Instant now = clock.advance(Duration.ofMinutes(6));
        ijoka.sessions().record(s1, new EventPayload.ToolUsed("Edit", List.of("src/Login.java"), true));

        assertThat(reload(f).claim()).isEqualTo(first.renewedUntil(now.plus(LEASE)));
        List<Event> events = eventsAfter(before);
        assertThat(events).extracting(Event::type).containsExactly(TOOL_USED, CLAIM_RENEWED);
        assertThat(events).allSatisfy(e -> assertThat(e.feature()).isEqualTo(f.id()));
        assertThat(ijoka.sessions().get(s1).lastSeenAt()).isEqualTo(now);
    }

    // --- sessions -----------------------------------------------------------------------------

    @Test
    public void endingASessionReleasesItsClaimsAndRefusesItsLaterCommands() {
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        Feature f3 = feature("three");
        ijoka.features().start(f1.id(), s1);
        ijoka.features().start(f2.id(), s1);
        long before = lastSequence();

        Session ended = ijoka.sessions().end(s1, "user exited");

        assertThat(ended.endedAt()).isEqualTo(clock.instant());
        assertThat(ended.currentFeature()).isNull();
        assertThat(List.of(reload(f1), reload(f2))).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(f.claim()).isNull();
        });
        assertThat(eventsAfter(before)).extracting(Event::payload).containsExactlyInAnyOrder(
                new EventPayload.ClaimReleased(s1, "session ended"),
                new EventPayload.ClaimReleased(s1, "session ended"),
                new EventPayload.SessionEnded("user exited"));
        assertThatThrownBy(() -> ijoka.features().start(f3.id(), s1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ended");
        assertThat(ijoka.sessions().end(s1, "again").endedAt()).as("ending twice changes nothing").isEqualTo(ended.endedAt());

        long afterEnd = lastSequence();
        ijoka.features().start(f1.id(), s2);
        assertThat(typesAfter(afterEnd)).containsExactly(CLAIM_TAKEN);
    }

    @Test
    public void anEndedSessionCanBeResumedAndSessionsListMostRecentlySeenFirst() {
        SessionId s1 = session("s1");
        clock.advance(Duration.ofMinutes(1));
        SessionId s2 = session("s2");
        clock.advance(Duration.ofMinutes(1));
        ijoka.sessions().end(s1, "bye");
        clock.advance(Duration.ofMinutes(1));

        Session resumed = ijoka.sessions().start(project.id(), s1, "agent-s1");

        assertThat(resumed.endedAt()).isNull();
        assertThat(resumed.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(ijoka.sessions().list(project.id())).extracting(Session::id).containsExactly(s1, s2);
        assertThat(ijoka.events().query(EventQuery.latest(project.id(), 10).forSession(s1)))
                .extracting(Event::type).containsExactly(SESSION_STARTED, SESSION_ENDED, SESSION_STARTED);
    }

    // --- rules --------------------------------------------------------------------------------

    @Test
    public void aDenyingWipLimitPerProjectRefusesTheStartAndCountsTheViolation() {
        Rule rule = ijoka.rules().add(project.id(), new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        ijoka.features().start(f1.id(), s1);
        long before = lastSequence();

        assertThatThrownBy(() -> ijoka.features().start(f2.id(), s2)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("WIP limit").hasMessageContaining("limit 1");

        assertThat(reload(f2).status()).isEqualTo(Status.PENDING);
        assertThat(reload(f2).version()).isEqualTo(1);
        assertThat(ijoka.rules().get(rule.id()).violated()).isEqualTo(1);
        assertThat(eventsAfter(before)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RULE_VIOLATED);
            assertThat(e.feature()).isEqualTo(f2.id());
            assertThat(e.session()).isEqualTo(s2);
        });

        ijoka.rules().setEnabled(rule.id(), false);
        assertThat(ijoka.features().start(f2.id(), s2).feature().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(ijoka.rules().get(rule.id())).extracting(Rule::violated, Rule::triggered, Rule::enabled)
                .containsExactly(1L, 0L, false);
    }

    @Test
    public void aWarningWipLimitLetsTheStartThroughWithItsMessage() {
        Rule rule = ijoka.rules().add(project.id(), new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.WARN);
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        ijoka.features().start(f1.id(), null);
        long before = lastSequence();

        Transition t = ijoka.features().start(f2.id(), null);

        assertThat(t.feature().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(t.warnings()).singleElement().asString().contains("WIP limit");
        assertThat(ijoka.rules().get(rule.id()).triggered()).isEqualTo(1);
        assertThat(typesAfter(before)).containsExactly(RULE_TRIGGERED, FEATURE_STARTED);
    }

    @Test
    public void aGlobalWipLimitPerSessionCountsOnlyThatSessionsClaims() {
        Rule rule = ijoka.rules().add(null, new RuleSpec.WipLimit(1, WipScope.SESSION), Enforcement.DENY);
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        Feature f3 = feature("three");
        ijoka.features().start(f1.id(), s1);

        assertThatThrownBy(() -> ijoka.features().start(f2.id(), s1)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("held by this session");
        ijoka.features().start(f2.id(), s2);
        ijoka.features().start(f3.id(), null);

        assertThat(ijoka.features().list(project.id())).extracting(Feature::status).containsOnly(Status.IN_PROGRESS);
        assertThat(ijoka.rules().list(project.id())).containsExactly(ijoka.rules().get(rule.id()));
        assertThat(ijoka.rules().get(rule.id()).violated()).isEqualTo(1);
    }

    @Test
    public void aResumedSessionTakesBackWhatItHeldEvenPastAWipLimitAddedMeanwhileButStartsNothingMore() {
        SessionId s1 = session("s1");
        Feature f1 = feature("one");
        Feature f2 = feature("two");
        Feature f3 = feature("three");
        ijoka.features().start(f1.id(), s1);
        ijoka.features().start(f2.id(), s1);
        ijoka.sessions().end(s1, "user exited");
        ijoka.rules().add(project.id(), new RuleSpec.WipLimit(1, WipScope.SESSION), Enforcement.DENY);

        ijoka.sessions().start(project.id(), s1, "agent-s1");

        assertThat(reload(f1).claim()).isNotNull().matches(c -> c.isHeldBy(s1));
        assertThat(reload(f2).claim()).isNotNull().matches(c -> c.isHeldBy(s1));
        assertThatThrownBy(() -> ijoka.features().start(f3.id(), s1)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("held by this session");
        assertThat(reload(f3).status()).isEqualTo(Status.PENDING);
    }

    @Test
    public void stepsDoneBeforeCompleteRefusesToCompleteWhileAStepIsUnchecked() {
        Rule rule = ijoka.rules().add(project.id(), new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY);
        SessionId s1 = session("s1");
        Feature f = feature(NewFeature.of("Login", Category.SECURITY).withSteps("Open /login", "Submit the form"));
        ijoka.features().start(f.id(), s1);
        ijoka.features().checkStep(f.id(), 0, true, s1);

        assertThatThrownBy(() -> ijoka.features().complete(f.id(), s1)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("\"Submit the form\"").hasMessageNotContaining("Open /login");
        assertThatThrownBy(() -> ijoka.features().checkStep(f.id(), 2, true, s1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("steps 0 to 1");
        assertThat(reload(f).status()).isEqualTo(Status.IN_PROGRESS);

        ijoka.features().checkStep(f.id(), 1, true, s1);
        Feature done = ijoka.features().complete(f.id(), s1).feature();

        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.allStepsDone()).isTrue();
        assertThat(ijoka.rules().get(rule.id()).violated()).isEqualTo(1);
        assertThat(typesOf(f)).containsExactly(FEATURE_CREATED, FEATURE_STARTED, CLAIM_TAKEN, STEP_CHECKED, RULE_VIOLATED,
                STEP_CHECKED, FEATURE_COMPLETED, CLAIM_RELEASED);
    }

    @Test
    public void contextAndReminderRulesAreCountedEachTimeTheyFire() {
        Rule context = ijoka.rules().add(project.id(), new RuleSpec.Context("Run mvn verify before committing"), Enforcement.WARN);
        Rule sql = ijoka.rules().add(null, new RuleSpec.Reminder(null, "**/*.sql", "Migrations are append-only"), Enforcement.WARN);
        Rule bash = ijoka.rules().add(project.id(), new RuleSpec.Reminder("Bash", null, "No sudo"), Enforcement.WARN);
        SessionId s1 = session("s1");

        assertThat(ijoka.rules().contextFor(project.id(), s1)).containsExactly("Run mvn verify before committing");
        assertThat(ijoka.rules().remindersFor(project.id(), s1, "Edit", List.of("db/V2__add.sql"))).containsExactly("Migrations are append-only");
        assertThat(ijoka.rules().remindersFor(project.id(), s1, "Bash", List.of("x.sql"))).containsExactly("Migrations are append-only", "No sudo");
        assertThat(ijoka.rules().remindersFor(project.id(), s1, "Read", List.of("README.md"))).isEmpty();

        assertThat(List.of(context, sql, bash)).extracting(r -> ijoka.rules().get(r.id()).triggered()).containsExactly(1L, 2L, 1L);
    }
}
