package dev.ijoka.app.cli;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.interchange.JsonViews;
import java.util.LinkedHashMap;
import java.util.Map;

/** The short JSON shapes the command line prints in lists (full features come from {@link JsonViews}). */
final class Views {

    private Views() {}

    static Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("root", p.root());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    /** A feature in a list: what a person scans for. */
    static Map<String, Object> summary(Feature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("ref", f.ref());
        m.put("description", f.description());
        m.put("status", f.status().wireName());
        m.put("priority", f.priority());
        m.put("category", f.category().wireName());
        m.put("kind", f.kind().wireName());
        m.put("stepsDone", f.stepsDone());
        m.put("stepsTotal", f.steps().size());
        m.put("blockReason", f.blockReason());
        m.put("claim", JsonViews.claim(f.claim()));
        return m;
    }
}
