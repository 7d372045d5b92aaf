package dev.ijoka.swing.internal.timeline;

import dev.ijoka.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A choice of the Timeline's "Show" box: every event, one of the web Timeline's presets, or one type.
 *
 * @param types the types shown; empty means all
 */
record EventFilter(String label, Set<EventType> types) {

    static final EventFilter ALL = new EventFilter("all events", Set.of());

    EventFilter {
        types = Set.copyOf(types);
    }

    boolean accepts(EventType type) {
        return types.isEmpty() || types.contains(type);
    }

    @Override
    public String toString() {
        return label;
    }

    /** All, the presets a person asks for more often than a single type, then every type. */
    static List<EventFilter> choices() {
        List<EventFilter> out = new ArrayList<>();
        out.add(ALL);
        out.add(new EventFilter("status changes", EnumSet.of(EventType.FEATURE_CREATED, EventType.FEATURE_STARTED,
                EventType.FEATURE_COMPLETED, EventType.FEATURE_BLOCKED, EventType.FEATURE_UNBLOCKED, EventType.FEATURE_REOPENED)));
        out.add(new EventFilter("claims", startingWith("claim_")));
        out.add(new EventFilter("dependencies", startingWith("dependency_")));
        out.add(new EventFilter("rules", startingWith("rule_")));
        out.add(new EventFilter("agent activity", EnumSet.of(EventType.SESSION_STARTED, EventType.SESSION_ENDED,
                EventType.PROMPT_SUBMITTED, EventType.TOOL_USED, EventType.COMMIT_MADE, EventType.HEAD_REWRITTEN,
                EventType.AGENT_STOPPED)));
        for (EventType t : EventType.values()) {
            out.add(new EventFilter(EventWording.label(t), Set.of(t)));
        }
        return out;
    }

    private static Set<EventType> startingWith(String prefix) {
        return EnumSet.copyOf(Arrays.stream(EventType.values()).filter(t -> t.wireName().startsWith(prefix)).toList());
    }
}
