package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dependency graph as the Graph view draws it: nodes with what colours them, edges, the critical path. */
final class GraphApi {

    private final Lookup lookup;
    private final Ijoka ijoka;

    GraphApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.get("/api/projects/{p}/graph", call -> graph(lookup.project(call.path("p"))));
    }

    Map<String, Object> graph(Project p) {
        List<Feature> features = ijoka.features().list(p.id());
        Set<FeatureId> ready = new HashSet<>();
        ijoka.plan().ready(p.id()).forEach(f -> ready.add(f.id()));
        List<String> critical = ijoka.plan().criticalPath(p.id()).stream().map(f -> f.id().value()).toList();
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
        for (Dependency d : ijoka.dependencies().list(p.id())) {
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
        return m;
    }
}
