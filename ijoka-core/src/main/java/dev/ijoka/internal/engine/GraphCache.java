package dev.ijoka.internal.engine;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
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

    /**
     * A project's features and graph as of one log position, with its status counts, and the indexes
     * that let the engine answer single-feature and list questions without the store: the features in
     * number order, by number, and each feature's dependencies both ways. A status or claim change
     * replaces features but keeps the order, the numbers and the edges, so those are shared by the
     * snapshots brought forward from one build.
     */
    record Snapshot(long sequence, DependencyGraph graph, FeatureTable features, int[] counts, Indexes indexes) {
        Feature feature(FeatureId id) {
            return features.get(id);
        }

        /**
         * The features with these ids, as an unmodifiable view that looks each up when it is read: a
         * caller that counts the 1,300 ready features or takes the first page of a list pays for
         * what it reads, not for the whole list.
         */
        List<Feature> features(List<FeatureId> ids) {
            return new FeatureView(ids, features);
        }

        int count(Status status) {
            return counts[status.ordinal()];
        }

        Snapshot at(long newSequence) {
            return new Snapshot(newSequence, graph, features, counts, indexes);
        }

        /** The project's features in number order, as the store lists them. */
        List<Feature> inNumberOrder() {
            return features(indexes.byNumber());
        }

        @Nullable Feature byNumber(int number) {
            FeatureId id = indexes.numbers().get(number);
            return id == null ? null : features.get(id);
        }

        List<Dependency> dependenciesOf(FeatureId id) {
            return indexes.dependencies().getOrDefault(id, List.of());
        }

        List<Dependency> dependentsOf(FeatureId id) {
            return indexes.dependents().getOrDefault(id, List.of());
        }
    }

    /** Features by id, looked up as they are read; immutable, as both its parts are. */
    private static final class FeatureView extends AbstractList<Feature> implements RandomAccess {
        private final List<FeatureId> ids;
        private final FeatureTable table;

        FeatureView(List<FeatureId> ids, FeatureTable table) {
            this.ids = ids;
            this.table = table;
        }

        @Override
        public Feature get(int index) {
            return table.get(ids.get(index));
        }

        @Override
        public int size() {
            return ids.size();
        }
    }

    /** What a rebuild sets and a status change keeps: the order, the numbers, the edges of each feature. */
    record Indexes(List<FeatureId> byNumber, Map<Integer, FeatureId> numbers, Map<FeatureId, List<Dependency>> dependencies,
            Map<FeatureId, List<Dependency>> dependents) {}

    private final Store store;
    private final Map<ProjectId, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<ProjectId> asked = ConcurrentHashMap.newKeySet();
    /**
     * Per project, the sequence of a held snapshot that only a rebuild can bring forward (new features
     * or edges came after it): single-feature reads then go to the store without reading those events
     * again each time, which grew with every feature an agent added.
     */
    private final Map<ProjectId, Long> needsRebuild = new ConcurrentHashMap<>();

    GraphCache(Store store) {
        this.store = store;
    }

    Snapshot get(ProjectId project) {
        return Objects.requireNonNull(current(project, true));
    }

    /**
     * The project's snapshot brought up to the log: built if none is held or the new events change
     * the graph's structure, unless {@code mayRebuild} is false: then null in that case.
     */
    private @Nullable Snapshot current(ProjectId project, boolean mayRebuild) {
        Snapshot cached = snapshots.get(project);
        if (!mayRebuild && cached != null && Long.valueOf(cached.sequence()).equals(needsRebuild.get(project))) {
            // Known: events after it change the structure, so only a rebuild brings it forward. Known without
            // asking the log's last sequence again: the log only grows, so it is still past this snapshot.
            return null;
        }
        long last = store.readOne(StoreReader::lastSequence);
        if (cached != null && cached.sequence() == last) {
            return cached;
        }
        if (cached == null && !mayRebuild) {
            return null;
        }
        Snapshot current = store.read(r -> forward(r, project, cached, mayRebuild));
        if (current == null) {
            needsRebuild.put(project, cached.sequence());
        } else {
            // Keep the newest: another thread may have stored a later snapshot meanwhile.
            snapshots.merge(project, current, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
        }
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

    /**
     * The project's current snapshot if one is {@linkplain #worthSnapshot worth holding} (this is not
     * the process's first question about the project), built if need be; else null.
     */
    @Nullable Snapshot currentIfWorth(ProjectId project) {
        return worthSnapshot(project) ? get(project) : null;
    }

    /**
     * The project's current snapshot if this process holds one already (brought forward, or rebuilt, as {@link #get}
     * does); else null, and nothing is counted as asked: the caller answers from the store.
     */
    @Nullable Snapshot currentIfHeld(ProjectId project) {
        return snapshots.containsKey(project) ? get(project) : null;
    }

    /** A feature and the current snapshot it was read from. */
    record Held(Snapshot snapshot, Feature feature) {}

    /**
     * The feature from the current snapshot of its project, when this process holds one (a server
     * does, from its second question about the project on; a feature named by number is such a
     * question): the same row the store would give, for one look at the log's last sequence. Null when
     * no current snapshot has it (a project this process has not asked about twice, a feature it does
     * not know): then the store answers.
     */
    @Nullable Held holding(FeatureRef ref) {
        Snapshot s = switch (ref) {
            case FeatureId id -> currentHolding(id);
            case FeatureRef.Number n -> snapshots.containsKey(n.project()) ? current(n.project(), false)
                    : currentIfWorth(n.project());
        };
        if (s == null) {
            return null;
        }
        Feature f = switch (ref) {
            case FeatureId id -> s.feature(id);
            case FeatureRef.Number n -> s.byNumber(n.number());
        };
        return f == null ? null : new Held(s, f);
    }

    private @Nullable Snapshot currentHolding(FeatureId id) {
        for (Map.Entry<ProjectId, Snapshot> e : snapshots.entrySet()) {
            if (e.getValue().features().contains(id)) {
                // One feature is not worth a rebuild after new features or edges: the store answers it sooner.
                return current(e.getKey(), false);
            }
        }
        return null;
    }

    /** Whether a snapshot of the project is held (it may need bringing forward). */
    boolean holds(ProjectId project) {
        return snapshots.containsKey(project);
    }

    /**
     * After this process committed {@code events} (one transaction's, in sequence order) and wrote the
     * features {@code written} in the same transaction: a held snapshot of the project that was current
     * just before that commit (its sequence is the one before the first event's) goes forward to the last
     * event with those features, as {@link #forward} would after reading them back. The write lock made
     * the commit's sequences follow on from that snapshot with nobody else's in between, so what it wrote
     * is what the store holds at the last event. Anything else (another writer's events came first, a
     * change of structure, a feature the events touch that was not written) is left to the next read,
     * which reads the log as before.
     */
    void committed(ProjectId project, List<Event> events, List<Feature> written) {
        if (events.isEmpty()) {
            return;
        }
        Snapshot cached = snapshots.get(project);
        if (cached == null || cached.sequence() != events.getFirst().sequence() - 1
                || Long.valueOf(cached.sequence()).equals(needsRebuild.get(project))) {
            return;
        }
        Map<FeatureId, Feature> replaced = new HashMap<>();
        for (Event e : events) {
            if (!project.equals(e.project())) {
                continue;
            }
            switch (changeOf(e)) {
                case NONE -> { }
                case FEATURE -> {
                    Feature after = written.stream().filter(f -> f.id().equals(e.feature())).findFirst().orElse(null);
                    if (after == null || cached.feature(after.id()) == null) {
                        return;
                    }
                    replaced.put(after.id(), after);
                }
                case STRUCTURE -> {
                    return;
                }
            }
        }
        long last = events.getLast().sequence();
        Snapshot current = replaced.isEmpty() ? cached.at(last) : withFeatures(cached, last, replaced);
        snapshots.merge(project, current, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
    }

    /** The snapshot at {@code last} with these features replaced, its graph's statuses and counts following. */
    private static Snapshot withFeatures(Snapshot cached, long last, Map<FeatureId, Feature> replaced) {
        Map<FeatureId, Status> statusChanges = new HashMap<>();
        int[] counts = cached.counts().clone();
        replaced.forEach((id, after) -> {
            Feature before = cached.feature(id);
            if (before.status() != after.status()) {
                statusChanges.put(id, after.status());
                counts[before.status().ordinal()]--;
                counts[after.status().ordinal()]++;
            }
        });
        return new Snapshot(last, cached.graph().withStatuses(statusChanges), cached.features().with(replaced), counts,
                cached.indexes());
    }

    /** Inside a transaction: the cached snapshot if it is current, else null. */
    @Nullable DependencyGraph currentGraph(StoreReader r, ProjectId project) {
        Snapshot cached = snapshots.get(project);
        return cached != null && cached.sequence() == r.lastSequence() ? cached.graph() : null;
    }

    private static @Nullable Snapshot forward(StoreReader r, ProjectId project, @Nullable Snapshot cached, boolean mayRebuild) {
        long last = r.lastSequence();
        if (cached == null || last < cached.sequence() || last - cached.sequence() > MAX_DELTA) {
            return mayRebuild ? build(r, project) : null;
        }
        List<Event> delta = r.eventsAfter(cached.sequence(), MAX_DELTA);
        if (!delta.isEmpty() && delta.getLast().sequence() != last) {
            return mayRebuild ? build(r, project) : null;
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
                    return mayRebuild ? build(r, project) : null;
                }
            }
        }
        if (touched.isEmpty()) {
            return cached.at(last);
        }
        Map<FeatureId, Feature> replaced = new HashMap<>();
        for (FeatureId id : touched) {
            Feature before = cached.feature(id);
            Feature after = r.feature(id).orElse(null);
            if (before == null || after == null) {
                return mayRebuild ? build(r, project) : null;
            }
            replaced.put(id, after);
        }
        return withFeatures(cached, last, replaced);
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
        List<FeatureId> byNumber = new ArrayList<>(features.size());
        Map<Integer, FeatureId> numbers = new HashMap<>(features.size() * 2);
        int[] counts = new int[Status.values().length];
        for (Feature f : features) {
            builder.node(f.id(), f.number(), f.priority(), f.status());
            byId.put(f.id(), f);
            byNumber.add(f.id());
            numbers.put(f.number(), f.id());
            counts[f.status().ordinal()]++;
        }
        Map<FeatureId, List<Dependency>> dependencies = new HashMap<>();
        Map<FeatureId, List<Dependency>> dependents = new HashMap<>();
        for (Dependency d : edges) {
            builder.edge(d.dependent(), d.dependency(), d.kind());
            dependencies.computeIfAbsent(d.dependent(), k -> new ArrayList<>(2)).add(d);
            dependents.computeIfAbsent(d.dependency(), k -> new ArrayList<>(2)).add(d);
        }
        dependencies.replaceAll((k, v) -> List.copyOf(v));
        dependents.replaceAll((k, v) -> List.copyOf(v));
        Indexes indexes = new Indexes(List.copyOf(byNumber), Collections.unmodifiableMap(numbers),
                Collections.unmodifiableMap(dependencies), Collections.unmodifiableMap(dependents));
        return new Snapshot(sequence, builder.build(), FeatureTable.of(byId), counts, indexes);
    }
}
