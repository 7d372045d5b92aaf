package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules did lately in a project, read from the event log ({@code rule_triggered} and
 * {@code rule_violated}): the rules' counters say how often, this says when and what they said.
 */
public final class RuleActivity {

    /** How far back the log is read for the rules' last decisions. */
    static final int WINDOW = EventQuery.MAX_LIMIT;

    private final List<Event> decisions;

    private RuleActivity(List<Event> decisions) {
        this.decisions = decisions;
    }

    public static RuleActivity of(Ijoka ijoka, ProjectId project) {
        return new RuleActivity(ijoka.events().query(EventQuery.latest(project, WINDOW)
                .ofTypes(Set.of(EventType.RULE_TRIGGERED, EventType.RULE_VIOLATED))));
    }

    /** The latest decisions, newest first. */
    public List<Event> latest(int limit) {
        return decisions.subList(0, Math.min(limit, decisions.size()));
    }

    /** Each rule's latest decision, by rule id. */
    public Map<String, Event> lastByRule() {
        Map<String, Event> last = new HashMap<>();
        for (Event e : decisions) { // newest first: the first one seen is the latest
            String rule = ruleOf(e);
            if (rule != null) {
                last.putIfAbsent(rule, e);
            }
        }
        return last;
    }

    /** A rule as the API shows it, with its latest decision in this project: {@code lastOutcome}, {@code lastAt}, {@code lastMessage}. */
    public static Map<String, Object> rule(Rule r, Map<String, Event> last) {
        Map<String, Object> m = new LinkedHashMap<>(JsonViews.rule(r));
        Event e = last.get(r.id().value());
        m.put("lastOutcome", e == null ? null : e.type() == EventType.RULE_VIOLATED ? "violated" : "triggered");
        m.put("lastAt", e == null ? null : e.at().toString());
        m.put("lastMessage", e == null ? null : message(e));
        return m;
    }

    public static @Nullable String ruleOf(Event e) {
        return switch (e.payload()) {
            case EventPayload.RuleTriggered t -> t.rule().value();
            case EventPayload.RuleViolated v -> v.rule().value();
            default -> null;
        };
    }

    public static @Nullable String message(Event e) {
        return switch (e.payload()) {
            case EventPayload.RuleTriggered t -> t.message();
            case EventPayload.RuleViolated v -> v.message();
            default -> null;
        };
    }

    public static @Nullable String command(Event e) {
        return switch (e.payload()) {
            case EventPayload.RuleTriggered t -> t.command();
            case EventPayload.RuleViolated v -> v.command();
            default -> null;
        };
    }
}
