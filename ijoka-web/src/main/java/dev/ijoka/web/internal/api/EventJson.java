package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event as JSON: the envelope (sequence, type, project, feature, session, time) and its payload.
 * Payloads are records; they are written component by component, with the domain's ids as strings,
 * enums as wire names and features and rules in their API shapes, so a new payload type needs no code
 * here.
 */
public final class EventJson {

    private EventJson() {}

    public static Map<String, Object> of(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("id", e.id());
        m.put("type", e.type().wireName());
        m.put("project", e.project() == null ? null : e.project().value());
        m.put("feature", e.feature() == null ? null : e.feature().value());
        m.put("session", e.session() == null ? null : e.session().value());
        m.put("at", e.at().toString());
        m.put("payload", value(e.payload()));
        return m;
    }

    static @Nullable Object value(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Instant i -> i.toString();
            case Enum<?> en -> en.name().toLowerCase(Locale.ROOT);
            case FeatureId id -> id.value();
            case ProjectId id -> id.value();
            case SessionId id -> id.value();
            case RuleId id -> id.value();
            case Feature f -> Views.feature(f, Map.of(), null);
            case Rule r -> JsonViews.rule(r);
            case Project p -> Views.project(p);
            case Claim c -> Views.claim(c, Map.of());
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(value(x)));
                yield out;
            }
            case Record r -> record(r);
            default -> v.toString();
        };
    }

    private static Map<String, Object> record(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r instanceof RuleSpec spec) {
            m.put("kind", spec.kind());
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                if (v != null) {
                    m.put(c.getName(), value(v));
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return m;
    }
}
