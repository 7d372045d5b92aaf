package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.Status;
import java.time.Instant;
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
                Map<String, Object> m = Views.project(p);
                m.put("progress", JsonViews.progress(ijoka.plan().progress(p.id())));
                items.add(m);
            }
            return Map.of("items", items);
        });
        api.get("/api/projects/{p}/status", call -> status(lookup.project(call.path("p"))));
        api.get("/api/projects/{p}/sessions", call -> {
            Project p = lookup.project(call.path("p"));
            Instant now = Instant.now();
            return Map.of("items", ijoka.sessions().list(p.id()).stream().map(s -> Views.session(s, now)).toList());
        });
        api.get("/api/projects/{p}/insights", call -> {
            Project p = lookup.project(call.path("p"));
            int limit = call.queryInt("limit", 20, 1, 200);
            String q = call.query("q");
            String tag = call.query("tag");
            var found = q == null && tag == null ? ijoka.insights().top(p.id(), limit)
                    : ijoka.insights().search(p.id(), q, tag, limit);
            return Map.of("items", found.stream().map(Views::insight).toList());
        });
    }

    /** What the header and {@code ijoka status} show: counts, who works on what, what is next, what is stuck. */
    Map<String, Object> status(Project p) {
        Progress progress = ijoka.plan().progress(p.id());
        List<Feature> ready = ijoka.plan().ready(p.id());
        List<Feature> inProgress = ijoka.features().list(p.id(), Status.IN_PROGRESS);
        List<Feature> blocked = ijoka.features().list(p.id(), Status.BLOCKED);
        Map<String, String> agents = new LinkedHashMap<>();
        for (Feature f : inProgress) {
            if (f.claim() != null) {
                agents.computeIfAbsent(f.claim().session().value(),
                        s -> ijoka.sessions().find(f.claim().session()).map(Session::agent).orElse(null));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", Views.project(p));
        m.put("progress", JsonViews.progress(progress));
        m.put("inProgress", head(inProgress).stream().map(f -> Views.summary(f, agents)).toList());
        m.put("ready", ready.size());
        m.put("next", head(ready).stream().map(f -> Views.summary(f, agents)).toList());
        m.put("blocked", head(blocked).stream().map(f -> {
            Map<String, Object> s = Views.summary(f, agents);
            s.put("blockReason", f.blockReason());
            return s;
        }).toList());
        m.put("waiting", progress.pending() - ready.size());
        m.put("lastSequence", ijoka.events().lastSequence());
        return m;
    }

    private static List<Feature> head(List<Feature> all) {
        return all.subList(0, Math.min(STATUS_LIST_LIMIT, all.size()));
    }
}
