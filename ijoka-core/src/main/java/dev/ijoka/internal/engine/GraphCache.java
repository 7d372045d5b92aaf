package dev.ijoka.internal.engine;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots of each project's graph, kept current with the log. Every change appends an event, so
 * the log's last sequence number stamps the whole store, whichever process wrote. When the log has
 * moved, the snapshot is brought forward from the new events instead of being rebuilt from the store:
 * events of other projects and agent activity change nothing; status and claim changes replace a few
 * features (the graph shares its index arrays and copies only its status array); new features, new or
 * removed edges and priority changes (which re-rank) go into the snapshot's features and indexes, and
 * its graph is built again from them, in memory, when a plan question first wants it. Only a snapshot
 * too far behind (or none) is read from the store. {@code PlanSnapshotContract} compares a snapshot
 * brought forward with a fresh rebuild after random command sequences, on every store.
 */
final class GraphCache {

    /** How many new events are worth reading to bring a snapshot forward; beyond that, rebuild. */
    private static final int MAX_DELTA = 2_000;

    /**
     * A project's features and graph as of one log position, with its status counts, and the indexes
     * that let the engine answer single-feature and list questions without the store: the features in
     * number order, by number, and each feature's dependencies both ways. A status or claim change
     * replaces features but keeps the order, the numbers and the edges, so those are shared by the
     * snapshots brought forward from one build. The graph is built from the features and the edges
     * when it is first asked for, once per snapshot. The rules that apply to the project, once a write
     * has read them, are kept until an event changes a rule.
     */
    record Snapshot(long sequence, GraphSlot slot, LayeredMap<FeatureId, Feature> features, int[] counts, Indexes indexes,
            @Nullable List<Rule> rules) {
        Feature feature(FeatureId id) {
            return features.get(id);
        }

        /** The plan's graph, built from this snapshot's features and edges the first time it is asked for. */
        DependencyGraph graph() {
            return slot.get(this);
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
            return new Snapshot(newSequence, slot, features, counts, indexes, rules);
        }

        /** The project's features in number order, as the store lists them. */
        List<Feature> inNumberOrder() {
            return features(indexes.byNumber());
        }

        /** The feature the reference names, if this snapshot holds it. */
        @Nullable Feature resolve(FeatureRef ref) {
            return switch (ref) {
                case FeatureId id -> features.get(id);
                case FeatureRef.Number n -> {
                    Feature f = byNumber(n.number());
                    yield f != null && f.project().equals(n.project()) ? f : null;
                }
            };
        }

        /** The number the project's next feature gets, as the store's {@code nextFeatureNumber} would say. */
        int nextNumber() {
            List<FeatureId> order = indexes.byNumber();
            return order.isEmpty() ? 1 : features.get(order.getLast()).number() + 1;
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

    /**
     * Where a snapshot keeps its graph: given at a build, or made from the snapshot's features and edges
     * by the first question that wants it. A server that adds features and edges one after another
     * (an agent's plan growing) then pays for one graph when it plans, not one per write.
     */
    static final class GraphSlot {
        private volatile @Nullable DependencyGraph graph;
        /** The cache's count of graphs made from a snapshot's features and edges ({@link Builds#fromMemory}). */
        private final AtomicLong made;

        GraphSlot(@Nullable DependencyGraph graph, AtomicLong made) {
            this.graph = graph;
            this.made = made;
        }

        @Nullable DependencyGraph ifBuilt() {
            return graph;
        }

        DependencyGraph get(Snapshot owner) {
            DependencyGraph g = graph;
            if (g == null) {
                synchronized (this) {
                    g = graph;
                    if (g == null) {
                        g = graphOf(owner);
                        made.incrementAndGet();
                        graph = g;
                    }
                }
            }
            return g;
        }
    }

    /** The graph of a snapshot's features and edges, as {@link #build} makes it from the store's rows. */
    private static DependencyGraph graphOf(Snapshot s) {
        List<FeatureId> ids = s.indexes().byNumber();
        int edges = 0;
        for (FeatureId id : ids) {
            edges += s.dependenciesOf(id).size();
        }
        DependencyGraph.Builder builder = DependencyGraph.builder(ids.size(), edges);
        for (FeatureId id : ids) {
            Feature f = s.feature(id);
            builder.node(f.id(), f.number(), f.priority(), f.status());
        }
        for (FeatureId id : ids) {
            for (Dependency d : s.dependenciesOf(id)) {
                builder.edge(d.dependent(), d.dependency(), d.kind());
            }
        }
        return builder.build();
    }

    /** Features by id, looked up as they are read; immutable, as both its parts are. */
    private static final class FeatureView extends AbstractList<Feature> implements RandomAccess {
        private final List<FeatureId> ids;
        private final LayeredMap<FeatureId, Feature> table;

        FeatureView(List<FeatureId> ids, LayeredMap<FeatureId, Feature> table) {
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
    record Indexes(List<FeatureId> byNumber, LayeredMap<Integer, FeatureId> numbers,
            LayeredMap<FeatureId, List<Dependency>> dependencies, LayeredMap<FeatureId, List<Dependency>> dependents) {}

    /**
     * How many snapshots this cache read whole from the store (on this thread or in the background), and how many
     * graphs it made from a snapshot's features and edges in memory (after new features or edges, or a priority
     * change): what a test counts to show which questions pay for a build, and that none pays twice.
     */
    record Builds(AtomicLong fromStore, AtomicLong inBackground, AtomicLong fromMemory) {
        Builds() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    final Builds builds = new Builds();
    private final Store store;
    private final Map<ProjectId, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Set<ProjectId> asked = ConcurrentHashMap.newKeySet();
    /**
     * Per project, the sequence of a held snapshot that only a rebuild can bring forward (the events after
     * it could not be applied to it, e.g. more than {@link #MAX_DELTA}): single-feature reads then go to
     * the store without reading those events again each time.
     */
    private final Map<ProjectId, Long> needsRebuild = new ConcurrentHashMap<>();

    GraphCache(Store store) {
        this.store = store;
    }

    /**
     * Per project, the snapshot being built in the background ({@link #worthSnapshot}), until it is held: a question
     * that needs the graph waits for it rather than building a second one.
     */
    private final Map<ProjectId, CompletableFuture<Snapshot>> building = new ConcurrentHashMap<>();

    /**
     * The log position the running {@link #oneLook} of this thread saw: its snapshot reads are answered as of it, or
     * of a later snapshot, without looking again. Unknown at the start and after a write, until a read looks.
     */
    private static final class Look {
        boolean known;
        long sequence;
    }

    private final ThreadLocal<Look> look = new ThreadLocal<>();

    /** Runs {@code work} with one look at the log for its snapshot reads ({@code Ijoka.oneLook}). */
    <T> T oneLook(Supplier<T> work) {
        if (look.get() != null) {
            return work.get();
        }
        look.set(new Look());
        try {
            return work.get();
        } finally {
            look.remove();
        }
    }

    /** A write begins: what the running look saw no longer holds for the reads after it. */
    void writing() {
        Look l = look.get();
        if (l != null) {
            l.known = false;
        }
    }

    Snapshot get(ProjectId project) {
        CompletableFuture<Snapshot> pending = building.get(project);
        if (pending != null && !snapshots.containsKey(project)) {
            try {
                pending.join();
            } catch (CompletionException | CancellationException e) {
                // The background build failed (the store closed, a connection dropped): this question builds it.
            }
        }
        return Objects.requireNonNull(current(project, true));
    }

    /**
     * The project's snapshot brought up to the log: built if none is held or the new events cannot be
     * applied to it, unless {@code mayRebuild} is false: then null in that case.
     */
    private @Nullable Snapshot current(ProjectId project, boolean mayRebuild) {
        Snapshot cached = snapshots.get(project);
        if (!mayRebuild && cached != null && Long.valueOf(cached.sequence()).equals(needsRebuild.get(project))) {
            // Known: only a rebuild brings it forward. Known without
            // asking the log's last sequence again: the log only grows, so it is still past this snapshot.
            return null;
        }
        Look l = look.get();
        if (l != null && l.known && cached != null && cached.sequence() >= l.sequence) {
            return cached;
        }
        long last = store.readOne(StoreReader::lastSequence);
        if (l != null) {
            l.known = true;
            l.sequence = last;
        }
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
     * Whether the project's snapshot is held, so that it answers: false for the first question (a process that asks
     * once, a command-line call, is answered by the store's own queries instead of loading the whole plan); the second
     * starts building it in the background, and it answers once it is held, kept current from then on.
     */
    boolean worthSnapshot(ProjectId project) {
        if (snapshots.containsKey(project)) {
            return true;
        }
        if (!asked.add(project)) {
            // The second question: the snapshot is built beside it, and this question (and any until the snapshot is
            // held) is answered by the store, as the first was. Building it first made that request wait for the whole
            // plan's read: 3.9-12.8 s for the dashboard's Table at 100,000 features (docs/benchmarks.md).
            buildInBackground(project);
        }
        return false;
    }

    /** Builds the project's snapshot on a thread of its own, unless one is being built; it is held when done. */
    private void buildInBackground(ProjectId project) {
        CompletableFuture<Snapshot> done = new CompletableFuture<>();
        if (building.putIfAbsent(project, done) != null) {
            return;
        }
        Thread.ofPlatform().daemon().name("ijoka-snapshot").start(() -> {
            try {
                Snapshot built = store.read(r -> build(r, project));
                snapshots.merge(project, built, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
                builds.inBackground().incrementAndGet();
                done.complete(built);
            } catch (RuntimeException | Error e) {
                // Nothing is lost: the questions go on to the store, and the next that needs the graph builds it.
                done.completeExceptionally(e);
            } finally {
                building.remove(project, done);
            }
        });
    }

    /**
     * The project's snapshot, brought up to the log, if one is held ({@link #worthSnapshot}, which counts this as a
     * question and starts the background build on the second); else null, and the caller asks the store.
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
                // One feature is not worth a rebuild: the store answers it sooner.
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
     * is what the store holds at the last event: new features (as their creation events carry them) and
     * edges go into its indexes, and its graph is built from them when next asked for. Anything else
     * (another writer's events came first, a feature the events touch that was not written) is left to
     * the next read, which reads the log as before.
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
        // A new feature's row is the one its creation event carries (the engine inserts that very value), unless the
        // same transaction wrote it again afterwards.
        Map<FeatureId, Feature> now = new HashMap<>();
        for (Event e : events) {
            if (e.payload() instanceof EventPayload.FeatureCreated c) {
                now.put(c.feature().id(), c.feature());
            }
        }
        written.forEach(f -> now.put(f.id(), f));
        Snapshot current = advance(cached, project, events, events.getLast().sequence(), now::get);
        if (current != null) {
            snapshots.merge(project, current, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
            Look l = look.get();
            if (l != null) {
                // The commit's last event was the log's last when it committed: the reads after it are answered as of it.
                l.known = true;
                l.sequence = current.sequence();
            }
        }
    }

    /**
     * Inside a write transaction, as its first statement: the held snapshot of the project that holds the referenced
     * feature, if it is current (its sequence is the log's last), else null; null without asking the store when no
     * snapshot holds it. The write lock (which PostgreSQL's store sends with a transaction's first statement) lets
     * nobody else commit until this transaction ends, and every change of a feature or an edge appends an event, so
     * the snapshot's features and edges are the store's for the rest of the transaction, less what it writes itself:
     * a write reads them from memory instead of asking the store (docs/postgres.md, "What is guaranteed").
     */
    @Nullable Snapshot currentIn(StoreReader tx, FeatureRef ref) {
        return switch (ref) {
            case FeatureRef.Number n -> currentIn(tx, n.project());
            case FeatureId id -> {
                for (Map.Entry<ProjectId, Snapshot> e : snapshots.entrySet()) {
                    if (e.getValue().features().contains(id)) {
                        yield currentIn(tx, e.getKey());
                    }
                }
                yield null;
            }
        };
    }

    /** {@link #currentIn(StoreReader, FeatureRef)} for a project. */
    @Nullable Snapshot currentIn(StoreReader tx, ProjectId project) {
        Snapshot cached = snapshots.get(project);
        return cached != null && cached.sequence() == tx.lastSequence() ? cached : null;
    }

    /**
     * The rules that apply to the project, inside a write transaction that has not changed any yet: from {@code held}
     * (a snapshot {@link #currentIn current} in this transaction) when it has them, else read, and then kept with it.
     */
    List<Rule> rules(StoreReader tx, @Nullable Snapshot held, ProjectId project) {
        if (held != null && held.rules() != null) {
            return held.rules();
        }
        List<Rule> rules = tx.rules(project);
        if (held != null) {
            Snapshot with = new Snapshot(held.sequence(), held.slot(), held.features(), held.counts(), held.indexes(),
                    List.copyOf(rules));
            snapshots.replace(project, held, with);
        }
        return rules;
    }

    private @Nullable Snapshot forward(StoreReader r, ProjectId project, @Nullable Snapshot cached, boolean mayRebuild) {
        long last = r.lastSequence();
        if (cached == null || last < cached.sequence() || last - cached.sequence() > MAX_DELTA) {
            return mayRebuild ? build(r, project) : null;
        }
        List<Event> delta = r.eventsAfter(cached.sequence(), MAX_DELTA);
        if (!delta.isEmpty() && delta.getLast().sequence() != last) {
            return mayRebuild ? build(r, project) : null;
        }
        // A feature created in the delta and not changed after is the row its creation event carries; a changed one is
        // read as the store has it at `last` (this read's snapshot).
        Map<FeatureId, Feature> createdOnly = new HashMap<>();
        Set<FeatureId> changed = new HashSet<>();
        for (Event e : delta) {
            if (!project.equals(e.project())) {
                continue;
            }
            switch (changeOf(e)) {
                case CREATED -> createdOnly.put(e.feature(), ((EventPayload.FeatureCreated) e.payload()).feature());
                case FEATURE, RANK -> changed.add(e.feature());
                case NONE, EDGE -> { }
            }
        }
        changed.forEach(createdOnly::remove);
        Snapshot current = advance(cached, project, delta, last,
                id -> createdOnly.containsKey(id) ? createdOnly.get(id) : r.feature(id).orElse(null));
        return current == null && mayRebuild ? build(r, project) : current;
    }

    /**
     * The snapshot brought forward over {@code events} (every event after its sequence up to {@code last}, in order),
     * each feature they touch as {@code now} gives it at {@code last}; null when that cannot be known here (a feature
     * {@code now} does not give, one the snapshot should hold and does not, an edge to a feature it lacks): then only
     * the store can say.
     */
    private static @Nullable Snapshot advance(Snapshot cached, ProjectId project, List<Event> events, long last,
            Function<FeatureId, @Nullable Feature> now) {
        Set<FeatureId> touched = new LinkedHashSet<>();
        Set<FeatureId> created = new HashSet<>();
        List<EventPayload> edges = new ArrayList<>();
        List<Rule> rules = cached.rules();
        for (Event e : events) {
            if (changesRules(e.payload())) {
                rules = null; // a global rule's event may be logged under any project
            }
            if (!project.equals(e.project())) {
                continue;
            }
            switch (changeOf(e)) {
                case NONE -> { }
                case CREATED -> {
                    created.add(e.feature());
                    touched.add(e.feature());
                }
                case FEATURE, RANK -> touched.add(e.feature());
                case EDGE -> edges.add(e.payload());
            }
        }
        if (touched.isEmpty() && edges.isEmpty()) {
            return new Snapshot(last, cached.slot(), cached.features(), cached.counts(), cached.indexes(), rules);
        }
        Map<FeatureId, Feature> replaced = new HashMap<>();
        List<Feature> added = new ArrayList<>();
        Map<FeatureId, Status> statusChanges = new HashMap<>();
        int[] counts = cached.counts().clone();
        boolean rerank = false;
        for (FeatureId id : touched) {
            Feature before = cached.feature(id);
            Feature after = now.apply(id);
            if (after == null || (before == null) != created.contains(id)) {
                return null;
            }
            replaced.put(id, after);
            if (before == null) {
                added.add(after);
                counts[after.status().ordinal()]++;
                continue;
            }
            // A new priority moves the feature in the rank order the graph is built on.
            rerank |= before.priority() != after.priority();
            if (before.status() != after.status()) {
                statusChanges.put(id, after.status());
                counts[before.status().ordinal()]--;
                counts[after.status().ordinal()]++;
            }
        }
        LayeredMap<FeatureId, Feature> features = cached.features().with(replaced);
        if (added.isEmpty() && edges.isEmpty()) {
            DependencyGraph built = cached.slot().ifBuilt();
            // Statuses alone: the graph's index arrays are shared and only its statuses copied.
            GraphSlot slot = new GraphSlot(rerank || built == null ? null : built.withStatuses(statusChanges),
                    cached.slot().made);
            return new Snapshot(last, slot, features, counts, cached.indexes(), rules);
        }
        Indexes indexes = withStructure(cached.indexes(), project, features, added, edges);
        return indexes == null ? null : new Snapshot(last, new GraphSlot(null, cached.slot().made), features, counts, indexes, rules);
    }

    /**
     * The indexes with new features (numbers, number order) and edges added or removed, in the events' order; null when
     * a number is taken twice or an edge names a feature that {@code features} lacks.
     */
    private static @Nullable Indexes withStructure(Indexes old, ProjectId project, LayeredMap<FeatureId, Feature> features,
            List<Feature> added, List<EventPayload> edges) {
        List<FeatureId> byNumber = old.byNumber();
        Map<Integer, FeatureId> numbers = new HashMap<>();
        if (!added.isEmpty()) {
            List<FeatureId> order = new ArrayList<>(byNumber.size() + added.size());
            order.addAll(byNumber);
            int highest = byNumber.isEmpty() ? Integer.MIN_VALUE : features.get(byNumber.getLast()).number();
            boolean sorted = true;
            for (Feature f : added.stream().sorted(Comparator.comparingInt(Feature::number)).toList()) {
                if (old.numbers().contains(f.number()) || numbers.putIfAbsent(f.number(), f.id()) != null) {
                    return null;
                }
                sorted &= f.number() > highest;
                order.add(f.id());
            }
            if (!sorted) {
                order.sort(Comparator.comparingInt(id -> features.get(id).number()));
            }
            byNumber = List.copyOf(order);
        }
        Map<FeatureId, List<Dependency>> dependencies = new HashMap<>();
        Map<FeatureId, List<Dependency>> dependents = new HashMap<>();
        for (EventPayload edge : edges) {
            switch (edge) {
                case EventPayload.DependencyAdded p -> {
                    if (!features.contains(p.dependent()) || !features.contains(p.dependency())) {
                        return null;
                    }
                    Dependency d = new Dependency(project, p.dependent(), p.dependency(), p.kind());
                    edit(dependencies, old.dependencies(), p.dependent(), p.dependent(), p.dependency(), d);
                    edit(dependents, old.dependents(), p.dependency(), p.dependent(), p.dependency(), d);
                }
                case EventPayload.DependencyRemoved p -> {
                    edit(dependencies, old.dependencies(), p.dependent(), p.dependent(), p.dependency(), null);
                    edit(dependents, old.dependents(), p.dependency(), p.dependent(), p.dependency(), null);
                }
                default -> throw new IllegalStateException("not an edge event: " + edge);
            }
        }
        dependencies.replaceAll((k, v) -> List.copyOf(v));
        dependents.replaceAll((k, v) -> List.copyOf(v));
        return new Indexes(byNumber, old.numbers().with(numbers), old.dependencies().with(dependencies),
                old.dependents().with(dependents));
    }

    /** In {@code edited}'s list of {@code key} (from {@code old} the first time): the edge between the two removed, then {@code add}. */
    private static void edit(Map<FeatureId, List<Dependency>> edited, LayeredMap<FeatureId, List<Dependency>> old, FeatureId key,
            FeatureId dependent, FeatureId dependency, @Nullable Dependency add) {
        List<Dependency> list = edited.computeIfAbsent(key, k -> new ArrayList<>(old.getOrDefault(k, List.of())));
        list.removeIf(d -> d.dependent().equals(dependent) && d.dependency().equals(dependency));
        if (add != null) {
            list.add(add);
        }
    }

    private static boolean changesRules(EventPayload p) {
        return p instanceof EventPayload.RuleAdded || p instanceof EventPayload.RuleToggled
                || p instanceof EventPayload.RuleTriggered || p instanceof EventPayload.RuleViolated;
    }

    private enum Change { NONE, FEATURE, RANK, CREATED, EDGE }

    /** What an event does to a snapshot of its project. */
    private static Change changeOf(Event e) {
        return switch (e.payload()) {
            case EventPayload.FeatureCreated p -> Change.CREATED;
            case EventPayload.DependencyAdded p -> Change.EDGE;
            case EventPayload.DependencyRemoved p -> Change.EDGE;
            // A new priority moves the feature in the rank order the graph is built on.
            case EventPayload.FeatureUpdated p -> p.changes().priority() != null ? Change.RANK : Change.FEATURE;
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

    private Snapshot build(StoreReader r, ProjectId project) {
        builds.fromStore().incrementAndGet();
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
        Indexes indexes = new Indexes(List.copyOf(byNumber), LayeredMap.of(numbers), LayeredMap.of(dependencies),
                LayeredMap.of(dependents));
        return new Snapshot(sequence, new GraphSlot(builder.build(), builds.fromMemory()), LayeredMap.of(byId), counts, indexes, null);
    }
}
