package dev.ijoka.event;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A page of one project's log, newest first: events with a sequence below {@code before} (all when
 * {@code before} is {@link Long#MAX_VALUE}) that match every filter given.
 */
public record EventQuery(
        ProjectId project,
        @Nullable FeatureId feature,
        @Nullable SessionId session,
        Set<EventType> types,
        long before,
        int limit) {

    public static final int MAX_LIMIT = 1_000;

    public EventQuery {
        Objects.requireNonNull(project, "project");
        types = Set.copyOf(types);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static EventQuery latest(ProjectId project, int limit) {
        return new EventQuery(project, null, null, Set.of(), Long.MAX_VALUE, limit);
    }

    public EventQuery forFeature(FeatureId value) {
        return new EventQuery(project, value, session, types, before, limit);
    }

    public EventQuery forSession(SessionId value) {
        return new EventQuery(project, feature, value, types, before, limit);
    }

    public EventQuery ofTypes(Set<EventType> value) {
        return new EventQuery(project, feature, session, value, before, limit);
    }

    public EventQuery before(long sequence) {
        return new EventQuery(project, feature, session, types, sequence, limit);
    }

    /** Whether {@code e} belongs on this page (ignoring the limit). Stores may use it; SQL stores filter in SQL. */
    public boolean matches(Event e) {
        return project.equals(e.project())
                && e.sequence() < before
                && (feature == null || feature.equals(e.feature()))
                && (session == null || session.equals(e.session()))
                && (types.isEmpty() || types.contains(e.type()));
    }
}
