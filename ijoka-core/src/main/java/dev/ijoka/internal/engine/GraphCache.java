package dev.ijoka.internal.engine;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots of each project's graph, reused until the log moves on. Every change appends an event,
 * so the log's last sequence number is a complete version stamp for the whole store, whichever
 * process made the change.
 */
final class GraphCache {

    /** A project's features and graph as of one log position. */
    record Snapshot(long sequence, DependencyGraph graph, Map<FeatureId, Feature> features) {
        Feature feature(FeatureId id) {
            return features.get(id);
        }

        List<Feature> features(List<FeatureId> ids) {
            return ids.stream().map(features::get).toList();
        }
    }

    private final Store store;
    private final Map<ProjectId, Snapshot> snapshots = new ConcurrentHashMap<>();

    GraphCache(Store store) {
        this.store = store;
    }

    Snapshot get(ProjectId project) {
        long sequence = store.read(StoreReader::lastSequence);
        Snapshot cached = snapshots.get(project);
        if (cached != null && cached.sequence() == sequence) {
            return cached;
        }
        Snapshot fresh = store.read(r -> build(r, project));
        snapshots.put(project, fresh);
        return fresh;
    }

    /** Inside a transaction: the cached snapshot if it is current, else one read through the transaction. */
    Snapshot within(StoreReader r, ProjectId project) {
        Snapshot cached = snapshots.get(project);
        if (cached != null && cached.sequence() == r.lastSequence()) {
            return cached;
        }
        return build(r, project);
    }

    private static Snapshot build(StoreReader r, ProjectId project) {
        long sequence = r.lastSequence();
        List<Feature> features = r.features(project);
        List<Dependency> edges = r.dependencies(project);
        DependencyGraph.Builder builder = DependencyGraph.builder(features.size(), edges.size());
        Map<FeatureId, Feature> byId = new HashMap<>(features.size() * 2);
        for (Feature f : features) {
            builder.node(f.id(), f.number(), f.priority(), f.status());
            byId.put(f.id(), f);
        }
        for (Dependency d : edges) {
            builder.edge(d.dependent(), d.dependency(), d.kind());
        }
        return new Snapshot(sequence, builder.build(), java.util.Collections.unmodifiableMap(byId));
    }
}
