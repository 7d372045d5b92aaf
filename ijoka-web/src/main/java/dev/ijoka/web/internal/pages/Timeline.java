package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import dev.ijoka.web.internal.api.Lookup;
import dev.ijoka.web.internal.http.HttpError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Timeline's model: one page of the event log, newest first, filtered by the page's query
 * parameters ({@code type} (comma-separated), {@code session}, {@code feature}, {@code before},
 * {@code limit}) and cut into runs of consecutive events of one session, each under a header naming
 * the agent and the session's time span.
 */
final class Timeline {

    static final int PAGE = 100;

    /** Type filters a person asks for more often than a single type; values are canonical (enum order). */
    static final Map<String, Set<EventType>> PRESETS = presets();

    private final Ijoka ijoka;
    private final Lookup lookup;

    Timeline(Ijoka ijoka, Lookup lookup) {
        this.ijoka = ijoka;
        this.lookup = lookup;
    }

    /** The filters of one request, as parsed and as the page repeats them in its form and links. */
    record Filter(Set<EventType> types, @Nullable String session, @Nullable String feature, @Nullable FeatureId featureId,
            @Nullable Long before, int limit) {

        /** The types as the {@code type} parameter spells them, in the enum's order, so equal filters read the same. */
        String typeParam() {
            return types.stream().map(EventType::wireName).collect(Collectors.joining(","));
        }

        /** Without {@code before}: the view of the newest events, which live events may extend. */
        boolean latest() {
            return before == null;
        }
    }

    Filter filter(Project p, Function<String, @Nullable String> query) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        String type = blankToNull(query.apply("type"));
        if (type != null) {
            for (String t : type.split(",")) {
                if (!t.isBlank()) {
                    types.add(EventType.fromWire(t));
                }
            }
        }
        String session = blankToNull(query.apply("session"));
        String feature = blankToNull(query.apply("feature"));
        FeatureId featureId = feature == null ? null : lookup.feature(p, feature).id();
        String before = blankToNull(query.apply("before"));
        String limit = blankToNull(query.apply("limit"));
        return new Filter(types, session, feature, featureId, before == null ? null : number("before", before, 1, Long.MAX_VALUE),
                limit == null ? PAGE : (int) number("limit", limit, 1, 500));
    }

    /** The page's model entries: groups, the cursor for older events, the filter, the choices of the form. */
    Map<String, Object> page(Project p, Filter filter) {
        EventQuery q = EventQuery.latest(p.id(), filter.limit()).ofTypes(filter.types());
        if (filter.session() != null) {
            q = q.forSession(SessionId.of(filter.session()));
        }
        if (filter.featureId() != null) {
            q = q.forFeature(filter.featureId());
        }
        if (filter.before() != null) {
            q = q.before(filter.before());
        }
        List<Event> events = ijoka.events().query(q);
        Map<FeatureId, Feature> features = new HashMap<>();
        ijoka.features().list(p.id()).forEach(f -> features.put(f.id(), f));
        List<Session> sessionList = ijoka.sessions().list(p.id());
        Map<String, Session> sessions = new HashMap<>();
        Map<String, String> agents = new HashMap<>();
        for (Session s : sessionList) {
            sessions.put(s.id().value(), s);
            agents.put(s.id().value(), s.agent());
        }
        List<Group> groups = new ArrayList<>();
        Instant now = ijoka.clock().instant();
        for (Event e : events) {
            EventLine line = new EventLine(e, features::get, agents, now);
            Group last = groups.isEmpty() ? null : groups.getLast();
            if (last == null || !Objects.equals(last.getSession(), line.getSession())) {
                last = new Group(line.getSession() == null ? null : sessions.get(line.getSession()), line.getSession(), now);
                groups.add(last);
            }
            last.events.add(line);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("groups", groups);
        m.put("eventCount", events.size());
        Long nextBefore = events.size() < filter.limit() ? null : events.getLast().sequence();
        m.put("nextBefore", nextBefore);
        m.put("olderQuery", nextBefore == null ? "" : query(filter, nextBefore));
        m.put("filter", filter);
        m.put("typeParam", filter.typeParam());
        m.put("typeChoices", typeChoices(filter.typeParam()));
        m.put("sessionChoices", sessionList.stream()
                .map(s -> new Choice(s.id().value(), s.agent() + " · " + EventLine.CLOCK.format(s.startedAt())))
                .toList());
        return m;
    }

    /** The query string of the next older page under the same filter, its values URL-encoded. */
    private static String query(Filter filter, long before) {
        StringBuilder q = new StringBuilder("before=").append(before);
        if (!filter.types().isEmpty()) {
            q.append("&type=").append(encode(filter.typeParam()));
        }
        if (filter.session() != null) {
            q.append("&session=").append(encode(filter.session()));
        }
        if (filter.feature() != null) {
            q.append("&feature=").append(encode(filter.feature()));
        }
        return q.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An option of a filter's select. */
    public record Choice(String value, String label) {
        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    /** The presets, then every single type, then (when a shared URL names another combination) that combination. */
    private static List<Choice> typeChoices(String current) {
        List<Choice> out = new ArrayList<>();
        PRESETS.forEach((label, types) ->
                out.add(new Choice(types.stream().map(EventType::wireName).collect(Collectors.joining(",")), label)));
        for (EventType t : EventType.values()) {
            out.add(new Choice(t.wireName(), t.wireName().replace('_', ' ')));
        }
        if (!current.isEmpty() && out.stream().noneMatch(c -> c.value().equals(current))) {
            out.add(new Choice(current, current.replace(",", ", ").replace('_', ' ')));
        }
        return out;
    }

    private static Map<String, Set<EventType>> presets() {
        Map<String, Set<EventType>> m = new LinkedHashMap<>();
        m.put("status changes", EnumSet.of(EventType.FEATURE_CREATED, EventType.FEATURE_STARTED, EventType.FEATURE_COMPLETED,
                EventType.FEATURE_BLOCKED, EventType.FEATURE_UNBLOCKED, EventType.FEATURE_REOPENED));
        m.put("claims", EnumSet.copyOf(typesStartingWith("claim_")));
        m.put("dependencies", EnumSet.copyOf(typesStartingWith("dependency_")));
        m.put("rules", EnumSet.copyOf(typesStartingWith("rule_")));
        m.put("agent activity", EnumSet.of(EventType.SESSION_STARTED, EventType.SESSION_ENDED, EventType.PROMPT_SUBMITTED,
                EventType.TOOL_USED, EventType.COMMIT_MADE, EventType.HEAD_REWRITTEN, EventType.AGENT_STOPPED));
        m.put("agents' todo lists", EnumSet.copyOf(typesStartingWith("todo_")));
        return m;
    }

    private static List<EventType> typesStartingWith(String prefix) {
        return Arrays.stream(EventType.values()).filter(t -> t.wireName().startsWith(prefix)).toList();
    }

    /**
     * Consecutive events of one session (or of none: the command line, the dashboard, imports). The
     * header shows the session's whole span, not only the part on this page.
     */
    public static final class Group {

        private final @Nullable Session session;
        private final @Nullable String sessionId;
        final List<EventLine> events = new ArrayList<>();

        /** When the page was drawn, by the engine's clock: what the session's state is judged by. */
        private final Instant now;

        Group(@Nullable Session session, @Nullable String sessionId, Instant now) {
            this.session = session;
            this.sessionId = sessionId;
            this.now = now;
        }

        public @Nullable String getSession() {
            return sessionId;
        }

        /** The session id for a URL's query. */
        public String getSessionParam() {
            return sessionId == null ? "" : encode(sessionId);
        }

        public String getAgent() {
            if (sessionId == null) {
                return "No session";
            }
            return session == null ? "unknown agent" : session.agent();
        }

        public @Nullable String getState() {
            return session == null ? null : session.state(now).name().toLowerCase(java.util.Locale.ROOT);
        }

        public String getFrom() {
            return (session == null ? events.getLast().at() : session.startedAt()).toString();
        }

        public String getTo() {
            if (session == null) {
                return events.getFirst().at().toString();
            }
            return (session.endedAt() != null ? session.endedAt() : session.lastSeenAt()).toString();
        }

        public String getFromClock() {
            return EventLine.CLOCK.format(Instant.parse(getFrom()));
        }

        public String getToClock() {
            return EventLine.CLOCK.format(Instant.parse(getTo()));
        }

        public List<EventLine> getEvents() {
            return events;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long number(String name, String text, long min, long max) {
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + name + "' must be a whole number from " + min
                    + (max == Long.MAX_VALUE ? "" : " to " + max) + ", not '" + text + "'");
        }
    }
}
