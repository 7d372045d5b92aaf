package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import dev.ijoka.web.internal.http.HttpError;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The event log, newest first, paged by sequence cursor; and the burn-up drawn from it. */
final class EventApi {

    private final Lookup lookup;
    private final Ijoka ijoka;
    private final Burnup burnup;

    EventApi(Lookup lookup, Burnup burnup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
        this.burnup = burnup;
    }

    void register(ApiRouter api) {
        api.get("/api/projects/{p}/events", call -> {
            Project p = lookup.project(call.path("p"));
            int limit = call.queryInt("limit", 50, 1, 500);
            EventQuery q = EventQuery.latest(p.id(), limit).ofTypes(types(call.query("type")));
            String session = call.query("session");
            if (session != null) {
                q = q.forSession(SessionId.of(session));
            }
            String feature = call.query("feature");
            if (feature != null) {
                q = q.forFeature(lookup.feature(p, feature).id());
            }
            String before = call.query("before");
            if (before != null) {
                q = q.before(cursor(before));
            }
            List<Event> events = ijoka.events().query(q);
            Map<String, Object> m = new LinkedHashMap<>();
            JsonViews.Context context = lookup.context(p);
            m.put("items", events.stream().map(e -> JsonViews.event(e, context)).toList());
            m.put("nextBefore", events.size() < limit ? null : events.getLast().sequence());
            return m;
        });
        api.get("/api/projects/{p}/burnup", call -> burnup.series(lookup.project(call.path("p"))));
    }

    static Set<EventType> types(@Nullable String list) {
        if (list == null) {
            return Set.of();
        }
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        for (String t : list.split(",")) {
            if (!t.isBlank()) {
                out.add(EventType.fromWire(t));
            }
        }
        return out;
    }

    private static long cursor(String text) {
        try {
            long v = Long.parseLong(text);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'before' is an event sequence number (the nextBefore of the previous page), not '"
                    + text + "'");
        }
    }
}
