package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects, their status, sessions and insights. */
final class ProjectApi {

    /** How many features each list of the status answer shows; the counts are always whole. */
    static final int STATUS_LIST_LIMIT = 20;

    private final Lookup lookup;
    private final Ijoka ijoka;

    ProjectApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.get("/api/projects", call -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Project p : ijoka.projects().list()) {
                Map<String, Object> m = JsonViews.project(p);
                m.put("progress", JsonViews.progress(ijoka.plan().progress(p.id())));
                items.add(m);
            }
            return Map.of("items", items);
        });
        api.get("/api/projects/{p}/status", call -> status(lookup.project(call.path("p"))));
        api.get("/api/projects/{p}/sessions", call -> {
            Project p = lookup.project(call.path("p"));
            JsonViews.Context context = lookup.context(p);
            return Map.of("items", ijoka.sessions().list(p.id()).stream().map(s -> JsonViews.session(s, context)).toList());
        });
        api.get("/api/projects/{p}/insights", call -> {
            Project p = lookup.project(call.path("p"));
            int limit = call.queryInt("limit", 20, 1, 200);
            String q = call.query("q");
            String tag = call.query("tag");
            var found = q == null && tag == null ? ijoka.insights().top(p.id(), limit)
                    : ijoka.insights().search(p.id(), q, tag, limit);
            JsonViews.Context context = lookup.context(p);
            return Map.of("items", found.stream().map(i -> JsonViews.insight(i, context)).toList());
        });
    }

    /** What the header and {@code ijoka status} show: counts, who works on what, what is next, what is stuck. */
    Map<String, Object> status(Project p) {
        Progress progress = ijoka.plan().progress(p.id());
        List<Feature> ready = ijoka.plan().ready(p.id());
        List<Feature> inProgress = ijoka.features().list(p.id(), Status.IN_PROGRESS);
        List<Feature> blocked = ijoka.features().list(p.id(), Status.BLOCKED);
        JsonViews.Context context = JsonViews.Context.of(ijoka);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", JsonViews.project(p));
        m.put("progress", JsonViews.progress(progress));
        m.put("inProgress", head(inProgress).stream().map(f -> JsonViews.summary(f, context)).toList());
        m.put("ready", ready.size());
        m.put("next", head(ready).stream().map(f -> JsonViews.summary(f, context)).toList());
        m.put("blocked", head(blocked).stream().map(f -> JsonViews.summary(f, context)).toList());
        m.put("waiting", progress.pending() - ready.size());
        m.put("lastSequence", ijoka.events().lastSequence());
        return m;
    }

    private static List<Feature> head(List<Feature> all) {
        return all.subList(0, Math.min(STATUS_LIST_LIMIT, all.size()));
    }
}
