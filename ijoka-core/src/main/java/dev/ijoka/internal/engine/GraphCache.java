package dev.ijoka.internal.engine;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots of each project's graph, kept current with the log. Every change appends an event, so
 * the log's last sequence number stamps the whole store, whichever process wrote. When the log has
 * moved, the snapshot is brought forward from the new events instead of being rebuilt: events of
 * other projects and agent activity change nothing, status and claim changes patch a few features
 * (the graph shares its index arrays and copies only its status array), and only new features,
 * new or removed edges, and priority changes (which re-rank) rebuild it.
 */
final class GraphCache {

    /** How many new events are worth reading to bring a snapshot forward; beyond that, rebuild. */
    private static final int MAX_DELTA = 2_000;

    /** A project's features and graph as of one log position, with its status counts. */
    record Snapshot(long sequence, DependencyGraph graph, Map<FeatureId, Feature> features, int[] counts) {
        Feature feature(FeatureId id) {
            return features.get(id);
        }

        List<Feature> features(List<FeatureId> ids) {
            return ids.stream().map(features::get).toList();
        }

        int count(Status status) {
            return counts[status.ordinal()];
        }

        Snapshot at(long newSequence) {
            return new Snapshot(newSequence, graph, features, counts);
        }
    }

    private final Store store;
    private final Map<ProjectId, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<ProjectId> asked = ConcurrentHashMap.newKeySet();

    GraphCache(Store store) {
        this.store = store;
    }

    Snapshot get(ProjectId project) {
        Snapshot cached = snapshots.get(project);
        long last = store.read(StoreReader::lastSequence);
        if (cached != null && cached.sequence() == last) {
            return cached;
        }
        Snapshot current = store.read(r -> forward(r, project, cached));
        // Keep the newest: another thread may have stored a later snapshot meanwhile.
        snapshots.merge(project, current, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
        return current;
    }

    /**
     * Whether a snapshot pays off for the project: from the second question on. A process that asks
     * once (a command-line call) is answered by the store's own queries instead of loading the whole
     * plan; a server builds the snapshot on its second question and keeps it current from then on.
     */
    boolean worthSnapshot(ProjectId project) {
        return snapshots.containsKey(project) || !asked.add(project);
    }

    /** Whether a snapshot of the project is held (it may need bringing forward). */
    boolean holds(ProjectId project) {
        return snapshots.containsKey(project);
    }

    /** Inside a transaction: the cached snapshot if it is current, else null. */
    @Nullable DependencyGraph currentGraph(StoreReader r, ProjectId project) {
        Snapshot cached = snapshots.get(project);
        return cached != null && cached.sequence() == r.lastSequence() ? cached.graph() : null;
    }

    private static Snapshot forward(StoreReader r, ProjectId project, @Nullable Snapshot cached) {
        long last = r.lastSequence();
        if (cached == null || last < cached.sequence() || last - cached.sequence() > MAX_DELTA) {
            return build(r, project);
        }
        List<Event> delta = r.eventsAfter(cached.sequence(), MAX_DELTA);
        if (!delta.isEmpty() && delta.getLast().sequence() != last) {
            return build(r, project);
        }
        Set<FeatureId> touched = new HashSet<>();
        for (Event e : delta) {
            if (!project.equals(e.project())) {
                continue;
            }
            switch (changeOf(e)) {
                case NONE -> { }
                case FEATURE -> touched.add(e.feature());
                case STRUCTURE -> {
                    return build(r, project);
                }
            }
        }
        if (touched.isEmpty()) {
            return cached.at(last);
        }
        Map<FeatureId, Feature> features = new HashMap<>(cached.features());
        Map<FeatureId, Status> statusChanges = new HashMap<>();
        int[] counts = cached.counts().clone();
        for (FeatureId id : touched) {
            Feature before = features.get(id);
            Feature after = r.feature(id).orElse(null);
            if (before == null || after == null) {
                return build(r, project);
            }
            features.put(id, after);
            if (before.status() != after.status()) {
                statusChanges.put(id, after.status());
                counts[before.status().ordinal()]--;
                counts[after.status().ordinal()]++;
            }
        }
        return new Snapshot(last, cached.graph().withStatuses(statusChanges), Collections.unmodifiableMap(features), counts);
    }

    private enum Change { NONE, FEATURE, STRUCTURE }

    /** What an event does to a snapshot of its project. */
    private static Change changeOf(Event e) {
        return switch (e.payload()) {
            case EventPayload.FeatureCreated p -> Change.STRUCTURE;
            case EventPayload.DependencyAdded p -> Change.STRUCTURE;
            case EventPayload.DependencyRemoved p -> Change.STRUCTURE;
            // A new priority moves the feature in the rank order the graph is built on.
            case EventPayload.FeatureUpdated p -> p.changes().priority() != null ? Change.STRUCTURE : Change.FEATURE;
            case EventPayload.FeatureStarted p -> Change.FEATURE;
            case EventPayload.FeatureCompleted p -> Change.FEATURE;
            case EventPayload.FeatureBlocked p -> Change.FEATURE;
            case EventPayload.FeatureUnblocked p -> Change.FEATURE;
            case EventPayload.FeatureReopened p -> Change.FEATURE;
            case EventPayload.StepChecked p -> Change.FEATURE;
            case EventPayload.ClaimTaken p -> Change.FEATURE;
            case EventPayload.ClaimRenewed p -> Change.FEATURE;
            case EventPayload.ClaimExpired p -> Change.FEATURE;
            case EventPayload.ClaimTakenOver p -> Change.FEATURE;
            case EventPayload.ClaimReleased p -> Change.FEATURE;
            case EventPayload.ProjectRegistered p -> Change.NONE;
            case EventPayload.InsightRecorded p -> Change.NONE;
            case EventPayload.RuleAdded p -> Change.NONE;
            case EventPayload.RuleToggled p -> Change.NONE;
            case EventPayload.RuleTriggered p -> Change.NONE;
            case EventPayload.RuleViolated p -> Change.NONE;
            case EventPayload.SessionStarted p -> Change.NONE;
            case EventPayload.SessionEnded p -> Change.NONE;
            case EventPayload.PromptSubmitted p -> Change.NONE;
            case EventPayload.ToolUsed p -> Change.NONE;
            case EventPayload.CommitMade p -> Change.NONE;
            case EventPayload.AgentStopped p -> Change.NONE;
            case EventPayload.HeadRewritten p -> Change.NONE;
            // An agent's own todo list is not plan state: the graph and the features stay as they are.
            case EventPayload.TodoEvent p -> Change.NONE;
        };
    }

    private static Snapshot build(StoreReader r, ProjectId project) {
        long sequence = r.lastSequence();
        List<Feature> features = r.features(project);
        List<Dependency> edges = r.dependencies(project);
        DependencyGraph.Builder builder = DependencyGraph.builder(features.size(), edges.size());
        Map<FeatureId, Feature> byId = new HashMap<>(features.size() * 2);
        int[] counts = new int[Status.values().length];
        for (Feature f : features) {
            builder.node(f.id(), f.number(), f.priority(), f.status());
            byId.put(f.id(), f);
            counts[f.status().ordinal()]++;
        }
        for (Dependency d : edges) {
            builder.edge(d.dependent(), d.dependency(), d.kind());
        }
        return new Snapshot(sequence, builder.build(), Collections.unmodifiableMap(byId), counts);
    }
}
