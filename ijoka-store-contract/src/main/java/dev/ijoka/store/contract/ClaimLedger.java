package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Follows claims through the event log and fails at the first event by which a feature would have
 * two holders: a claim taken while another session's lease was live, or one renewed, released or
 * expired by a session that did not hold it.
 */
final class ClaimLedger {

    private final Map<FeatureId, Claim> claims = new HashMap<>();
    private long last;

    /** Reads the events after the last one followed. */
    void follow(Ijoka ijoka) {
        List<Event> page;
        while (!(page = ijoka.events().after(last, EventQuery.MAX_LIMIT)).isEmpty()) {
            page.forEach(this::apply);
            last = page.getLast().sequence();
        }
    }

    /** The claim the log says the feature has now. */
    Optional<Claim> claim(FeatureId feature) {
        return Optional.ofNullable(claims.get(feature));
    }

    private void apply(Event e) {
        switch (e.payload()) {
            case EventPayload.ClaimTaken p -> take(e, p.claim(), null);
            case EventPayload.ClaimTakenOver p -> take(e, p.claim(), p.previousHolder());
            case EventPayload.ClaimRenewed p -> claims.put(feature(e), heldBy(e, p.session()).renewedUntil(p.leaseUntil()));
            case EventPayload.ClaimExpired p -> {
                Claim held = heldBy(e, p.previousHolder());
                assertThat(held.leaseUntil()).as("lease in %s", e).isEqualTo(p.leaseUntil());
                assertThat(held.isLive(e.at())).as("expired while live: %s", e).isFalse();
                claims.remove(feature(e));
            }
            case EventPayload.ClaimReleased p -> {
                heldBy(e, p.session());
                claims.remove(feature(e));
            }
            default -> { }
        }
    }

    private void take(Event e, Claim claim, @Nullable SessionId previousHolder) {
        Claim held = claims.get(feature(e));
        if (previousHolder == null) {
            assertThat(held).as("claim taken from a holder without saying so: %s", e).isNull();
        } else {
            assertThat(held).as("taken over, but nobody held it: %s", e).isNotNull();
            assertThat(held.session()).as("previous holder in %s", e).isEqualTo(previousHolder);
            assertThat(held.isLive(e.at())).as("taken over while %s's lease was live: %s", previousHolder, e).isFalse();
        }
        assertThat(claim.session()).as("the claim goes to the session that acted: %s", e).isEqualTo(e.session());
        claims.put(feature(e), claim);
    }

    private Claim heldBy(Event e, SessionId session) {
        Claim held = claims.get(feature(e));
        assertThat(held).as("no claim to act on: %s", e).isNotNull();
        assertThat(held.session()).as("claim holder in %s", e).isEqualTo(session);
        return held;
    }

    private static FeatureId feature(Event e) {
        assertThat(e.feature()).as("claim event without a feature: %s", e).isNotNull();
        return e.feature();
    }
}
