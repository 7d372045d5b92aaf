package dev.ijoka.swing.internal.graph;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Graph draws, read in one go off the event-dispatch thread with the same engine calls as the web's
 * graph: every feature, the dependencies, the waves (the layers), the critical path and what is ready.
 *
 * @param nodes every feature, by number
 * @param edges dependency to dependent ("B needs A" is drawn A → B), as indexes into {@code nodes}
 * @param criticalPath indexes into {@code nodes}, first step first
 */
record GraphData(List<Node> nodes, List<Edge> edges, List<Integer> criticalPath, int waves) {

    /**
     * @param wave the feature's wave (0 first), or -1 for a complete feature, which is in none
     */
    record Node(FeatureId id, int number, String ref, String description, Status status, int priority, boolean ready,
            boolean critical, int wave) {}

    /** {@code dependent} needs {@code dependency}. */
    record Edge(int dependency, int dependent, DependencyKind kind, boolean critical) {}

    static GraphData read(Ijoka ijoka, ProjectId project) {
        List<Feature> features = new ArrayList<>(ijoka.features().list(project));
        features.sort((a, b) -> Integer.compare(a.number(), b.number()));
        Set<FeatureId> ready = new HashSet<>();
        ijoka.plan().ready(project).forEach(f -> ready.add(f.id()));
        List<Feature> path = ijoka.plan().criticalPath(project);
        Set<FeatureId> onPath = new HashSet<>();
        path.forEach(f -> onPath.add(f.id()));
        Map<FeatureId, Integer> wave = new HashMap<>();
        List<List<Feature>> waves = ijoka.plan().waves(project);
        for (int i = 0; i < waves.size(); i++) {
            for (Feature f : waves.get(i)) {
                wave.put(f.id(), i);
            }
        }
        Map<FeatureId, Integer> index = new HashMap<>();
        List<Node> nodes = new ArrayList<>(features.size());
        for (Feature f : features) {
            index.put(f.id(), nodes.size());
            nodes.add(new Node(f.id(), f.number(), f.ref(), f.description(), f.status(), f.priority(), ready.contains(f.id()),
                    onPath.contains(f.id()), wave.getOrDefault(f.id(), -1)));
        }
        // The path is a chain, first step first: each step is a dependency of the next one.
        Set<String> pathLinks = new HashSet<>();
        for (int i = 1; i < path.size(); i++) {
            pathLinks.add(path.get(i - 1).id().value() + ">" + path.get(i).id().value());
        }
        List<Edge> edges = new ArrayList<>();
        for (Dependency d : ijoka.dependencies().list(project)) {
            Integer from = index.get(d.dependency());
            Integer to = index.get(d.dependent());
            if (from != null && to != null) {
                edges.add(new Edge(from, to, d.kind(), d.kind() == DependencyKind.BLOCKS
                        && pathLinks.contains(d.dependency().value() + ">" + d.dependent().value())));
            }
        }
        List<Integer> critical = path.stream().map(f -> index.get(f.id())).filter(i -> i != null).toList();
        return new GraphData(List.copyOf(nodes), List.copyOf(edges), critical, waves.size());
    }

    int completeCount() {
        return (int) nodes.stream().filter(n -> n.status() == Status.COMPLETE).count();
    }
}
