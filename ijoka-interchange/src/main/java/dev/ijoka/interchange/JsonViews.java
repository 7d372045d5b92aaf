package dev.ijoka.interchange;

import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of Ijoka's values, as maps and lists ready for any JSON writer: used by the
 * Ijoka JSON export and by the command line's {@code --json}, so both say the same thing the same
 * way. Names are camelCase; enum values are their lower-case wire names; times are ISO-8601.
 */
public final class JsonViews {

    private JsonViews() {}

    public static Map<String, Object> progress(Progress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", p.total());
        m.put("pending", p.pending());
        m.put("inProgress", p.inProgress());
        m.put("blocked", p.blocked());
        m.put("complete", p.complete());
        m.put("percentComplete", p.percentComplete());
        return m;
    }

    /** A feature with every field; {@code parent} as a number when the parent is in {@code byId}. */
    public static Map<String, Object> feature(Feature f, Map<FeatureId, Feature> byId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("id", f.id().value());
        m.put("description", f.description());
        m.put("details", f.details());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step s : f.steps()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("text", s.text());
            sm.put("done", s.done());
            steps.add(sm);
        }
        m.put("steps", steps);
        m.put("blockReason", f.blockReason());
        Feature parent = f.parent() == null ? null : byId.get(f.parent());
        m.put("parent", parent == null ? null : parent.number());
        m.put("claim", claim(f.claim()));
        m.put("version", f.version());
        m.put("createdAt", f.createdAt().toString());
        m.put("updatedAt", f.updatedAt().toString());
        m.put("completedAt", time(f.completedAt()));
        return m;
    }

    public static @Nullable Map<String, Object> claim(@Nullable Claim c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", c.session().value());
        m.put("takenAt", c.takenAt().toString());
        m.put("leaseUntil", c.leaseUntil().toString());
        return m;
    }

    public static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().value());
        m.put("kind", r.spec().kind());
        m.put("scope", r.isGlobal() ? "global" : "project");
        m.put("enforcement", r.enforcement().wireName());
        m.put("enabled", r.enabled());
        m.put("description", r.spec().describe());
        switch (r.spec()) {
            case RuleSpec.WipLimit w -> {
                m.put("max", w.max());
                m.put("per", w.per().wireName());
            }
            case RuleSpec.StepsDoneBeforeComplete s -> { }
            case RuleSpec.Context c -> m.put("text", c.text());
            case RuleSpec.Reminder rm -> {
                m.put("tool", rm.tool());
                m.put("fileGlob", rm.fileGlob());
                m.put("text", rm.text());
            }
        }
        m.put("triggered", r.triggered());
        m.put("violated", r.violated());
        m.put("createdAt", r.createdAt().toString());
        return m;
    }

    public static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
