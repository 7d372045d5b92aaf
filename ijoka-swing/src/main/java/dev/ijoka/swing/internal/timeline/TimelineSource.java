package dev.ijoka.swing.internal.timeline;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads and words the Timeline's events. Every method reads the store: call it off the event-dispatch thread. */
final class TimelineSource {

    /** Events per page: a screenful many times over, small enough to read in a few milliseconds. */
    static final int PAGE = 200;

    /** A page of lines, newest first; {@code more} when older events remain. */
    record Page(List<TimelineRow.Line> lines, boolean more) {}

    private final Ijoka ijoka;

    TimelineSource(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    /** The newest events below {@code before} ({@link Long#MAX_VALUE} for the newest of all) that the filter shows. */
    Page page(ProjectId project, EventFilter filter, long before) {
        List<Event> events = ijoka.events().query(EventQuery.latest(project, PAGE).ofTypes(filter.types()).before(before));
        return new Page(word(project, events), events.size() == PAGE);
    }

    /** Lines for events the window was told about, in the order given. */
    List<TimelineRow.Line> word(ProjectId project, List<Event> events) {
        Map<FeatureId, Optional<Feature>> features = new HashMap<>();
        Map<SessionId, Optional<Session>> sessions = new HashMap<>();
        if (events.size() > 20) {
            // A whole page: one read of each list beats a lookup per event.
            ijoka.features().list(project).forEach(f -> features.put(f.id(), Optional.of(f)));
            ijoka.sessions().list(project).forEach(s -> sessions.put(s.id(), Optional.of(s)));
        }
        EventWording wording = new EventWording(
                id -> feature(features, id).map(Feature::ref).orElse(id.value()),
                id -> session(sessions, id).map(Session::agent).orElse(id.value()));
        List<TimelineRow.Line> lines = new ArrayList<>(events.size());
        for (Event e : events) {
            Feature f = e.feature() == null ? null : feature(features, e.feature()).orElse(null);
            String agent = e.session() == null ? "No session"
                    : session(sessions, e.session()).map(Session::agent).orElse("unknown agent");
            lines.add(new TimelineRow.Line(e, agent, e.feature() == null ? null : f == null ? e.feature().value() : f.ref(),
                    f == null ? null : f.description(), wording.summary(e.payload())));
        }
        return lines;
    }

    private Optional<Feature> feature(Map<FeatureId, Optional<Feature>> cache, FeatureId id) {
        return cache.computeIfAbsent(id, k -> ijoka.features().find(k));
    }

    private Optional<Session> session(Map<SessionId, Optional<Session>> cache, @Nullable SessionId id) {
        return id == null ? Optional.empty() : cache.computeIfAbsent(id, k -> ijoka.sessions().find(k));
    }
}
