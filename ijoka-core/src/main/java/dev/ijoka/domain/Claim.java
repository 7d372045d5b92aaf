package dev.ijoka.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A session's hold on an in-progress feature. The lease is renewed by the session's activity; once
 * it has lapsed another session may take the feature over.
 */
public record Claim(SessionId session, Instant takenAt, Instant leaseUntil) {

    public Claim {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    public boolean isLive(Instant now) {
        return now.isBefore(leaseUntil);
    }

    public boolean isHeldBy(SessionId other) {
        return session.equals(other);
    }

    public Claim renewedUntil(Instant until) {
        return new Claim(session, takenAt, until);
    }
}
