package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.graph.Focus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The dependency graph as the Graph view draws it: nodes with what colours them, edges, the critical path. */
final class GraphApi {

    /** Features in progress, and ready ones, a focused graph shows by default: the best-ranked of each. */
    static final int READY_SHOWN = 100;

    /**
     * The critical path's first steps a focused graph shows by default: a plan of 100,000 features has a path of
     * thousands of steps, which would be most of the drawing and most of its time.
     */
    static final int PATH_SHOWN = 200;

    private final Lookup lookup;
    private final Ijoka ijoka;

    GraphApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.get("/api/projects/{p}/graph", call -> {
            Project p = lookup.project(call.path("p"));
            // ?focus=N: only the part worth drawing first, at most N features in progress and N ready ones, and the
            // critical path's first ?path=M steps (DependencyGraph.focus).
            return call.query("focus") == null ? graph(p) : focus(p, call.queryInt("focus", READY_SHOWN, 0, 100_000),
                    call.queryInt("path", PATH_SHOWN, 0, 1_000_000));
        });
    }

    /** The whole plan. */
    Map<String, Object> graph(Project p) {
        List<Feature> features = ijoka.features().list(p.id());
        List<Dependency> dependencies = ijoka.dependencies().list(p.id());
        Map<String, Object> m = answer(p, features, dependencies, null, features.size());
        m.put("totalEdges", dependencies.size());
        return m;
    }

    /**
     * The best-ranked {@code limit} features in progress and {@code limit} ready ones, their direct neighbours and
     * the critical path, the edges between them, and what was left out.
     */
    Map<String, Object> focus(Project p, int limit, int pathLimit) {
        DependencyGraph graph = ijoka.plan().graph(p.id());
        Focus focus = graph.focus(limit, pathLimit);
        Set<FeatureId> shown = new HashSet<>(focus.shown());
        List<Dependency> edges = new ArrayList<>();
        for (FeatureId id : focus.shown()) {
            for (DependencyKind kind : DependencyKind.values()) {
                for (FeatureId on : graph.dependenciesOf(id, kind)) {
                    if (shown.contains(on)) {
                        edges.add(new Dependency(p.id(), id, on, kind));
                    }
                }
            }
        }
        Map<String, Object> m = answer(p, ijoka.features().findAll(focus.shown()), edges, focus, graph.size());
        m.put("totalEdges", graph.edgeCount());
        return m;
    }

    private Map<String, Object> answer(Project p, List<Feature> features, List<Dependency> dependencies,
            @Nullable Focus focus, int total) {
        Set<FeatureId> ready = new HashSet<>();
        ijoka.plan().ready(p.id()).forEach(f -> ready.add(f.id()));
        // A focused graph marks, and lists, the steps of the path it shows.
        List<String> critical = focus != null ? focus.criticalPathShown().stream().map(FeatureId::value).toList()
                : ijoka.plan().criticalPath(p.id()).stream().map(f -> f.id().value()).toList();
        Set<String> onPath = new HashSet<>(critical);
        Map<FeatureId, Integer> wave = new HashMap<>();
        List<List<Feature>> waves = ijoka.plan().waves(p.id());
        for (int i = 0; i < waves.size(); i++) {
            for (Feature f : waves.get(i)) {
                wave.put(f.id(), i);
            }
        }
        List<Map<String, Object>> nodes = new ArrayList<>(features.size());
        for (Feature f : features) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", f.id().value());
            n.put("number", f.number());
            n.put("ref", f.ref());
            n.put("description", f.description());
            n.put("status", f.status().wireName());
            n.put("category", f.category().wireName());
            n.put("kind", f.kind().wireName());
            n.put("priority", f.priority());
            n.put("ready", ready.contains(f.id()));
            n.put("onCriticalPath", onPath.contains(f.id().value()));
            n.put("wave", wave.get(f.id()));
            nodes.add(n);
        }
        // The path is a chain, first step first: each step is a dependency of the next one.
        Set<String> pathLinks = new HashSet<>();
        for (int i = 1; i < critical.size(); i++) {
            pathLinks.add(critical.get(i) + ">" + critical.get(i - 1));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Dependency d : dependencies) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", d.dependent().value());
            e.put("to", d.dependency().value());
            e.put("kind", d.kind().wireName());
            e.put("onCriticalPath", d.kind() == DependencyKind.BLOCKS
                    && pathLinks.contains(d.dependent().value() + ">" + d.dependency().value()));
            edges.add(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", nodes);
        m.put("edges", edges);
        m.put("criticalPath", critical);
        m.put("waves", waves.size());
        m.put("total", total);
        if (focus != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("inProgress", focus.inProgress());
            f.put("inProgressShown", focus.inProgressShown());
            f.put("ready", focus.ready());
            f.put("readyShown", focus.readyShown());
            f.put("neighbours", focus.neighbours());
            f.put("criticalPath", focus.criticalPath());
            f.put("criticalPathShown", focus.criticalPathShown().size());
            m.put("focus", f);
        }
        return m;
    }
}
