package dev.ijoka.event;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only log.
 *
 * @param sequence global, monotonic, assigned by the store when the event commits; 0 before that
 * @param id a unique id, stable across stores (export and import keep it)
 * @param project the project it belongs to; {@code null} only for changes to global rules
 */
public record Event(
        long sequence,
        String id,
        @Nullable ProjectId project,
        @Nullable FeatureId feature,
        @Nullable SessionId session,
        Instant at,
        EventPayload payload) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
    }

    public EventType type() {
        return payload.type();
    }

    /** The same event as committed at {@code assigned}. */
    public Event withSequence(long assigned) {
        return new Event(assigned, id, project, feature, session, at, payload);
    }
}
