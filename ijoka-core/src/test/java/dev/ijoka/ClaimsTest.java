package dev.ijoka;

import static dev.ijoka.event.EventType.CLAIM_EXPIRED;
import static dev.ijoka.event.EventType.CLAIM_RELEASED;
import static dev.ijoka.event.EventType.CLAIM_RENEWED;
import static dev.ijoka.event.EventType.CLAIM_TAKEN;
import static dev.ijoka.event.EventType.CLAIM_TAKEN_OVER;
import static dev.ijoka.event.EventType.FEATURE_BLOCKED;
import static dev.ijoka.event.EventType.FEATURE_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Claims and their leases: who may act on a feature in progress, and what the log says about it. */
class ClaimsTest {

    private static final Instant LEASE_END = Fixture.T0.plus(Fixture.LEASE);

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** s1 holds #1 from T0 until T0 + lease. */
    private Feature heldByS1(SessionId s1) {
        Feature f = fx.feature("User can log in");
        fx.features().start(f.id(), s1);
        return fx.reload(f);
    }

    @Test
    void anotherSessionCannotStartCompleteOrBlockAFeatureUnderALiveLease() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = heldByS1(s1);
        fx.advance(Fixture.LEASE.minusNanos(1));
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().start(f.id(), s2))
                .isInstanceOf(ClaimConflictException.class)
                .hasMessage("cannot start #1: session s1 (agent-s1) holds it until " + LEASE_END
                        + ". Pick another feature (next), or wait until the lease lapses.")
                .extracting(e -> ((IjokaException) e).code()).isEqualTo("claim_conflict");
        assertThatThrownBy(() -> fx.features().complete(f.id(), s2))
                .isInstanceOf(ClaimConflictException.class)
                .hasMessageStartingWith("cannot complete #1: session s1 (agent-s1) holds it until " + LEASE_END);
        assertThatThrownBy(() -> fx.features().block(f.id(), s2, "mine now", null))
                .isInstanceOf(ClaimConflictException.class)
                .hasMessageStartingWith("cannot block #1: session s1 (agent-s1) holds it until " + LEASE_END);

        assertThat(fx.reload(f)).isEqualTo(f);
        assertThat(fx.eventsSince(mark)).isEmpty();
        assertThat(fx.sessionState(s2).currentFeature()).isNull();
    }

    @Test
    void startingAgainFromTheHoldingSessionRenewsTheLease() {
        SessionId s1 = fx.session("s1");
        Feature f = heldByS1(s1);
        Instant later = fx.advance(Duration.ofMinutes(10));
        long mark = fx.mark();

        Feature renewed = fx.features().start(f.id(), s1).feature();

        assertThat(renewed.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(renewed.claim()).isEqualTo(new Claim(s1, Fixture.T0, later.plus(Fixture.LEASE)));
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_RENEWED);
        assertThat(fx.eventsSince(mark).getFirst().payload())
                .isEqualTo(new EventPayload.ClaimRenewed(s1, later.plus(Fixture.LEASE)));
    }

    @Test
    void theHoldingSessionCanStillRenewAfterItsLeaseLapsedIfNobodyTookIt() {
        SessionId s1 = fx.session("s1");
        Feature f = heldByS1(s1);
        Instant later = fx.advance(Fixture.LEASE.plusMinutes(5));

        Feature renewed = fx.features().start(f.id(), s1).feature();

        assertThat(renewed.claim()).isEqualTo(new Claim(s1, Fixture.T0, later.plus(Fixture.LEASE)));
    }

    @Test
    void anotherSessionTakesOverOnceTheLeaseHasLapsed() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = heldByS1(s1);
        Instant lapsed = fx.advance(Fixture.LEASE);
        long mark = fx.mark();

        Feature taken = fx.features().start(f.id(), s2).feature();

        Claim claim = new Claim(s2, lapsed, lapsed.plus(Fixture.LEASE));
        assertThat(taken.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(taken.claim()).isEqualTo(claim);
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_TAKEN_OVER);
        assertThat(fx.eventsSince(mark).getFirst().payload()).isEqualTo(new EventPayload.ClaimTakenOver(s1, claim));
        assertThat(fx.eventsSince(mark).getFirst().session()).isEqualTo(s2);
        assertThat(fx.sessionState(s2).currentFeature()).isEqualTo(f.id());
        assertThat(fx.sessionState(s1).currentFeature()).isNull();

        assertThatThrownBy(() -> fx.features().start(f.id(), s1))
                .isInstanceOf(ClaimConflictException.class)
                .hasMessageContaining("session s2 (agent-s2)");
    }

    @Test
    void anotherSessionMayCompleteAFeatureWhoseLeaseHasLapsed() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = heldByS1(s1);
        fx.advance(Fixture.LEASE.plusSeconds(1));
        long mark = fx.mark();

        Feature done = fx.features().complete(f.id(), s2).feature();

        assertThat(done.status()).isEqualTo(Status.COMPLETE);
        assertThat(done.claim()).isNull();
        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_COMPLETED, CLAIM_RELEASED);
        assertThat(fx.sessionState(s1).currentFeature()).isNull();
    }

    @Test
    void peopleMayCompleteOrBlockWhatAnAgentHolds() {
        SessionId s1 = fx.session("s1");
        Feature first = heldByS1(s1);
        Feature second = fx.feature("second");
        fx.features().start(second.id(), s1);
        long mark = fx.mark();

        assertThat(fx.features().complete(first.id(), null).feature().status()).isEqualTo(Status.COMPLETE);
        assertThat(fx.features().block(second.id(), null, "wrong approach", null).feature().status())
                .isEqualTo(Status.BLOCKED);

        assertThat(fx.typesSince(mark)).containsExactly(FEATURE_COMPLETED, CLAIM_RELEASED, FEATURE_BLOCKED, CLAIM_RELEASED);
        assertThat(fx.sessionState(s1).currentFeature()).isNull();
    }

    @Test
    void peopleTakeNoClaimAndAnAgentMayClaimWhatAPersonStarted() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("a");
        assertThat(fx.features().start(f.id(), null).feature().claim()).isNull();
        long mark = fx.mark();

        Feature claimed = fx.features().start(f.id(), s1).feature();

        assertThat(claimed.claim()).isEqualTo(new Claim(s1, Fixture.T0, LEASE_END));
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_TAKEN);
    }

    @Test
    void expireLeasesLetsGoOfLapsedClaimsOnlyWithAnEventEach() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature early = heldByS1(s1);
        fx.advance(Duration.ofMinutes(10));
        Feature late = fx.feature("late");
        fx.features().start(late.id(), s2);

        fx.advance(Fixture.LEASE.minusMinutes(10).minusNanos(1));
        assertThat(fx.ijoka.sessions().expireLeases()).isEmpty();

        fx.advance(Duration.ofNanos(1));
        long mark = fx.mark();
        List<Feature> expired = fx.ijoka.sessions().expireLeases();

        assertThat(expired).extracting(Feature::id).containsExactly(early.id());
        assertThat(expired.getFirst().claim()).isNull();
        assertThat(expired.getFirst().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(fx.reload(early)).isEqualTo(expired.getFirst());
        assertThat(fx.reload(late).claim()).isNotNull();
        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_EXPIRED);
        assertThat(fx.eventsSince(mark).getFirst().payload()).isEqualTo(new EventPayload.ClaimExpired(s1, LEASE_END));
        assertThat(fx.eventsSince(mark).getFirst().feature()).isEqualTo(early.id());
        assertThat(fx.sessionState(s1).currentFeature()).isNull();

        assertThat(fx.ijoka.sessions().expireLeases()).isEmpty();
    }

    @Test
    void afterExpiryAnotherSessionTakesTheFeatureAsAFreshClaim() {
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = heldByS1(s1);
        fx.advance(Fixture.LEASE);
        fx.ijoka.sessions().expireLeases();
        long mark = fx.mark();

        fx.features().start(f.id(), s2);

        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_TAKEN);
        assertThat(fx.reload(f).claim().session()).isEqualTo(s2);
    }

    @Test
    @Timeout(30)
    void twoSessionsRacingForOneFeatureNeverBothWin() throws Exception {
        int rounds = 50;
        List<SessionId> racers = List.of(fx.session("r1"), fx.session("r2"), fx.session("r3"), fx.session("r4"));
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            features.add(fx.feature("contested " + i));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(racers.size())) {
            for (Feature f : features) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (SessionId s : racers) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            fx.features().start(f.id(), s);
                            return true;
                        } catch (ClaimConflictException lost) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get() ? 1 : 0;
                }
                assertThat(winners).as("winners for %s", f.ref()).isEqualTo(1);
                assertThat(fx.reload(f).claim()).isNotNull();
            }
        }
        assertThat(fx.typesSince(0)).filteredOn(t -> t == CLAIM_TAKEN).hasSize(rounds);
    }
}
