package dev.ijoka.web.internal.api;

import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.ijoka.interchange.JsonViews;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the API's values, as maps for the JSON writer. Names are camelCase, enum
 * values their lower-case wire names, times ISO-8601: the same conventions as the command line's
 * {@code --json} and the Ijoka export.
 */
public final class Views {

    private Views() {}

    public static Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("root", p.root());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    /** What a list row or a card needs. */
    public static Map<String, Object> summary(Feature f, Map<String, String> agents) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().value());
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("description", f.description());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        m.put("stepsDone", f.stepsDone());
        m.put("stepsTotal", f.steps().size());
        m.put("claim", claim(f.claim(), agents));
        m.put("version", f.version());
        m.put("updatedAt", f.updatedAt().toString());
        return m;
    }

    /** Every field. */
    public static Map<String, Object> feature(Feature f, Map<String, String> agents, @Nullable Feature parent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().value());
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("description", f.description());
        m.put("details", f.details());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        List<Map<String, Object>> steps = new ArrayList<>();
        int i = 0;
        for (Step s : f.steps()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("index", i++);
            sm.put("text", s.text());
            sm.put("done", s.done());
            steps.add(sm);
        }
        m.put("steps", steps);
        m.put("blockReason", f.blockReason());
        m.put("parent", parent == null ? null : parent.ref());
        m.put("claim", claim(f.claim(), agents));
        m.put("version", f.version());
        m.put("createdAt", f.createdAt().toString());
        m.put("updatedAt", f.updatedAt().toString());
        m.put("completedAt", JsonViews.time(f.completedAt()));
        return m;
    }

    public static @Nullable Map<String, Object> claim(@Nullable Claim c, Map<String, String> agents) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", c.session().value());
        m.put("agent", agents.get(c.session().value()));
        m.put("takenAt", c.takenAt().toString());
        m.put("leaseUntil", c.leaseUntil().toString());
        m.put("live", c.isLive(Instant.now()));
        return m;
    }

    public static Map<String, Object> session(Session s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("agent", s.agent());
        m.put("state", s.state(now).wireName());
        m.put("startedAt", s.startedAt().toString());
        m.put("lastSeenAt", s.lastSeenAt().toString());
        m.put("endedAt", JsonViews.time(s.endedAt()));
        m.put("currentFeature", s.currentFeature() == null ? null : s.currentFeature().value());
        m.put("eventCount", s.eventCount());
        return m;
    }

    public static Map<String, Object> insight(Insight i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("text", i.text());
        m.put("kind", i.kind().wireName());
        m.put("tags", i.tags());
        m.put("feature", i.feature() == null ? null : i.feature().value());
        m.put("session", i.session() == null ? null : i.session().value());
        m.put("createdAt", i.createdAt().toString());
        return m;
    }
}
