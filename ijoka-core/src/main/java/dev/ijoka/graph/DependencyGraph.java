package dev.ijoka.graph;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable snapshot of one project's features and dependency edges, with the planning queries over
 * it. Thread-safe: nothing changes after {@link Builder#build()}.
 *
 * <p>An edge says "dependent depends on dependency". Only {@link DependencyKind#BLOCKS} edges gate
 * anything (ready, next, blocked-by, dependents, unlocked-by, waves, critical path, cycles);
 * {@link DependencyKind#RELATED} edges are kept for {@link #dependenciesOf} and {@link #dependentsOf}.
 * An edge given twice with the same kind is kept once ({@link #validate()} reports it).
 *
 * <p>Every query is O(V + E) plus sorting, iterative (a 100,000-node chain cannot overflow the stack),
 * and computed afresh: nothing is cached between calls. Lists returned are immutable. Where a query
 * sorts features it uses "priority descending, then number ascending, then id", called <em>rank</em>
 * below. A query naming a feature that is not in the graph throws {@link IllegalArgumentException}.
 */
public final class DependencyGraph {

    private static final Status[] STATUSES = Status.values();
    private static final byte PENDING = (byte) Status.PENDING.ordinal();
    private static final byte COMPLETE = (byte) Status.COMPLETE.ordinal();

    // Node indices are ranks: node i is the i-th feature in rank order. So "in rank order" is plain
    // ascending index order, CSR rows come out sorted by rank, and ready() needs no sort at all.
    private final FeatureId[] ids;
    private final byte[] status;
    private final Map<FeatureId, Integer> indexById;
    private final Csr blocksDependencies;
    private final Csr blocksDependents;
    private final Csr relatedDependencies;
    private final Csr relatedDependents;
    private final List<ValidationReport.DuplicateEdge> duplicateEdges;

    private DependencyGraph(
            FeatureId[] ids,
            byte[] status,
            Map<FeatureId, Integer> indexById,
            Csr blocksDependencies,
            Csr relatedDependencies,
            List<ValidationReport.DuplicateEdge> duplicateEdges) {
        this.ids = ids;
        this.status = status;
        this.indexById = indexById;
        this.blocksDependencies = blocksDependencies;
        this.blocksDependents = blocksDependencies.transpose();
        this.relatedDependencies = relatedDependencies;
        this.relatedDependents = relatedDependencies.transpose();
        this.duplicateEdges = List.copyOf(duplicateEdges);
    }

    /** A copy with other statuses that shares every index structure: status changes cost O(V), not a rebuild. */
    private DependencyGraph(DependencyGraph base, byte[] status) {
        this.ids = base.ids;
        this.status = status;
        this.indexById = base.indexById;
        this.blocksDependencies = base.blocksDependencies;
        this.blocksDependents = base.blocksDependents;
        this.relatedDependencies = base.relatedDependencies;
        this.relatedDependents = base.relatedDependents;
        this.duplicateEdges = base.duplicateEdges;
    }

    /**
     * This graph with some features in another status; the same nodes, ranks and edges. Costs a copy
     * of the status array, so an engine can follow status changes without rebuilding.
     *
     * @throws IllegalArgumentException if a feature is not in this graph
     */
    public DependencyGraph withStatuses(Map<FeatureId, Status> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        byte[] copy = status.clone();
        changes.forEach((id, s) -> copy[indexOf(id)] = (byte) s.ordinal());
        return new DependencyGraph(this, copy);
    }

    /** A builder for a new graph. */
    public static Builder builder() {
        return new Builder(16, 16);
    }

    /** A builder pre-sized for about this many nodes and edges (a hint, not a limit). */
    public static Builder builder(int expectedNodes, int expectedEdges) {
        if (expectedNodes < 0 || expectedEdges < 0) {
            throw new IllegalArgumentException(
                    "expected sizes must not be negative: " + expectedNodes + " nodes, " + expectedEdges + " edges");
        }
        return new Builder(expectedNodes, expectedEdges);
    }

    /**
     * Collects nodes and edges, in any order (an edge may name a node added later), then checks and
     * indexes them in {@link #build()}. Not thread-safe; may be built more than once.
     */
    public static final class Builder {

        private FeatureId[] nodeIds;
        private int[] numbers;
        private int[] priorities;
        private byte[] statuses;
        private int nodeCount;
        private final HashMap<FeatureId, Integer> slots;

        private FeatureId[] edgeDependents;
        private FeatureId[] edgeDependencies;
        private boolean[] edgeBlocks;
        private int edgeCount;

        private Builder(int expectedNodes, int expectedEdges) {
            int nodes = Math.max(expectedNodes, 4);
            int edges = Math.max(expectedEdges, 4);
            nodeIds = new FeatureId[nodes];
            numbers = new int[nodes];
            priorities = new int[nodes];
            statuses = new byte[nodes];
            slots = HashMap.newHashMap(nodes);
            edgeDependents = new FeatureId[edges];
            edgeDependencies = new FeatureId[edges];
            edgeBlocks = new boolean[edges];
        }

        /**
         * Adds a feature.
         *
         * @throws IllegalArgumentException if {@code id} was already added
         */
        public Builder node(FeatureId id, int number, int priority, Status status) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            if (slots.putIfAbsent(id, nodeCount) != null) {
                throw new IllegalArgumentException("feature " + id + " was added twice");
            }
            if (nodeCount == nodeIds.length) {
                int capacity = nodeCount * 2;
                nodeIds = Arrays.copyOf(nodeIds, capacity);
                numbers = Arrays.copyOf(numbers, capacity);
                priorities = Arrays.copyOf(priorities, capacity);
                statuses = Arrays.copyOf(statuses, capacity);
            }
            nodeIds[nodeCount] = id;
            numbers[nodeCount] = number;
            priorities[nodeCount] = priority;
            statuses[nodeCount] = (byte) status.ordinal();
            nodeCount++;
            return this;
        }

        /** Adds an edge: {@code dependent} depends on {@code dependency}. Both are checked in {@link #build()}. */
        public Builder edge(FeatureId dependent, FeatureId dependency, DependencyKind kind) {
            Objects.requireNonNull(dependent, "dependent");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(kind, "kind");
            if (edgeCount == edgeDependents.length) {
                int capacity = edgeCount * 2;
                edgeDependents = Arrays.copyOf(edgeDependents, capacity);
                edgeDependencies = Arrays.copyOf(edgeDependencies, capacity);
                edgeBlocks = Arrays.copyOf(edgeBlocks, capacity);
            }
            edgeDependents[edgeCount] = dependent;
            edgeDependencies[edgeCount] = dependency;
            edgeBlocks[edgeCount] = kind == DependencyKind.BLOCKS;
            edgeCount++;
            return this;
        }

        /**
         * The graph of everything added so far.
         *
         * @throws IllegalArgumentException if an edge names a feature that was never added
         */
        public DependencyGraph build() {
            int n = nodeCount;
            // Rank order: priority desc, number asc, id asc. The first two are packed into one long
            // (~priority reverses the order without overflow; flipping the sign bit of number makes
            // unsigned order equal signed order) so most comparisons are a single long compare.
            long[] sortKey = new long[n];
            for (int s = 0; s < n; s++) {
                sortKey[s] = ((long) ~priorities[s] << 32) | Integer.toUnsignedLong(numbers[s] ^ Integer.MIN_VALUE);
            }
            int[] order = new int[n];
            for (int s = 0; s < n; s++) {
                order[s] = s;
            }
            FeatureId[] slotIds = nodeIds;
            IntSort.sort(order, (a, b) -> {
                int c = Long.compare(sortKey[a], sortKey[b]);
                return c != 0 ? c : slotIds[a].compareTo(slotIds[b]);
            });

            FeatureId[] ids = new FeatureId[n];
            byte[] status = new byte[n];
            int[] rankOfSlot = new int[n];
            Map<FeatureId, Integer> indexById = HashMap.newHashMap(n);
            for (int r = 0; r < n; r++) {
                int s = order[r];
                rankOfSlot[s] = r;
                ids[r] = nodeIds[s];
                status[r] = statuses[s];
                indexById.put(nodeIds[s], r);
            }

            int blocks = 0;
            for (int e = 0; e < edgeCount; e++) {
                if (edgeBlocks[e]) {
                    blocks++;
                }
            }
            long[] blockKeys = new long[blocks];
            long[] relatedKeys = new long[edgeCount - blocks];
            int b = 0;
            int r = 0;
            for (int e = 0; e < edgeCount; e++) {
                Integer dependent = slots.get(edgeDependents[e]);
                Integer dependency = slots.get(edgeDependencies[e]);
                if (dependent == null || dependency == null) {
                    throw new IllegalArgumentException("the edge " + edgeDependents[e] + " -> " + edgeDependencies[e]
                            + " names " + (dependent == null ? edgeDependents[e] : edgeDependencies[e])
                            + ", which is not a feature of this graph");
                }
                long key = ((long) rankOfSlot[dependent] << 32) | rankOfSlot[dependency];
                if (edgeBlocks[e]) {
                    blockKeys[b++] = key;
                } else {
                    relatedKeys[r++] = key;
                }
            }
            List<ValidationReport.DuplicateEdge> duplicates = new ArrayList<>();
            Csr blocksCsr = index(blockKeys, DependencyKind.BLOCKS, ids, duplicates);
            Csr relatedCsr = index(relatedKeys, DependencyKind.RELATED, ids, duplicates);
            return new DependencyGraph(ids, status, indexById, blocksCsr, relatedCsr, duplicates);
        }

        /** Sorts the keys, drops repeats (recording them) and builds the CSR rows. */
        private static Csr index(
                long[] keys, DependencyKind kind, FeatureId[] ids, List<ValidationReport.DuplicateEdge> duplicates) {
            Arrays.sort(keys);
            int distinct = 0;
            for (int i = 0; i < keys.length; ) {
                int j = i + 1;
                while (j < keys.length && keys[j] == keys[i]) {
                    j++;
                }
                if (j - i > 1) {
                    var edge = new ValidationReport.Edge(ids[(int) (keys[i] >>> 32)], ids[(int) keys[i]], kind);
                    duplicates.add(new ValidationReport.DuplicateEdge(edge, j - i));
                }
                keys[distinct++] = keys[i];
                i = j;
            }
            return Csr.fromSortedKeys(keys, distinct, ids.length);
        }
    }

    /** The number of features. */
    public int size() {
        return ids.length;
    }

    /** The number of distinct edges of both kinds (an edge given twice with the same kind counts once). */
    public int edgeCount() {
        return blocksDependencies.edgeCount() + relatedDependencies.edgeCount();
    }

    /** Whether the feature is in this graph. */
    public boolean contains(FeatureId id) {
        return indexById.containsKey(id);
    }

    /** The feature's status. */
    public Status status(FeatureId id) {
        return STATUSES[status[indexOf(id)]];
    }

    /** Pending features whose BLOCKS dependencies are all complete, in rank order. */
    public List<FeatureId> ready() {
        List<FeatureId> out = new ArrayList<>();
        for (int v = 0, n = ids.length; v < n; v++) {
            if (isReady(v)) {
                out.add(ids[v]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The first feature of {@link #ready()} that {@code eligible} accepts. Stops at the first match,
     * and asks {@code eligible} only about ready features, in rank order.
     */
    public Optional<FeatureId> next(Predicate<FeatureId> eligible) {
        Objects.requireNonNull(eligible, "eligible");
        for (int v = 0, n = ids.length; v < n; v++) {
            if (isReady(v) && eligible.test(ids[v])) {
                return Optional.of(ids[v]);
            }
        }
        return Optional.empty();
    }

    private boolean isReady(int v) {
        if (status[v] != PENDING) {
            return false;
        }
        int[] start = blocksDependencies.start;
        int[] target = blocksDependencies.target;
        for (int e = start[v], end = start[v + 1]; e < end; e++) {
            if (status[target[e]] != COMPLETE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Everything that stands in {@code id}'s way: its transitive BLOCKS dependencies that are not
     * complete. The walk goes through complete features too (a complete feature may depend on a reopened
     * one), but reports only incomplete ones. Dependencies first: each feature comes after every one of
     * its own dependencies listed here (unless they form a cycle). Never contains {@code id} itself.
     */
    public List<FeatureId> blockedBy(FeatureId id) {
        int source = indexOf(id);
        IntList post = postOrder(blocksDependencies, source, false);
        List<FeatureId> out = new ArrayList<>();
        for (int i = 0, size = post.size(); i < size; i++) {
            int v = post.get(i);
            if (v != source && status[v] != COMPLETE) {
                out.add(ids[v]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Everything downstream of {@code id}: features that transitively depend on it over BLOCKS edges,
     * whatever their status. Dependencies first: each feature comes after every listed feature it depends
     * on (unless they form a cycle). Never contains {@code id} itself.
     */
    public List<FeatureId> dependents(FeatureId id) {
        int source = indexOf(id);
        IntList post = postOrder(blocksDependents, source, true);
        // Post-order over "is depended on by" lists deepest dependents first; reversed it is topological.
        List<FeatureId> out = new ArrayList<>(post.size());
        for (int i = post.size() - 1; i >= 0; i--) {
            int v = post.get(i);
            if (v != source) {
                out.add(ids[v]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The features that would become ready if {@code id} were completed now: pending direct BLOCKS
     * dependents whose only incomplete BLOCKS dependency is {@code id}, in rank order. Empty when {@code
     * id} is already complete (completing it changes nothing).
     */
    public List<FeatureId> unlockedBy(FeatureId id) {
        int source = indexOf(id);
        List<FeatureId> out = new ArrayList<>();
        if (status[source] == COMPLETE) {
            return Collections.unmodifiableList(out);
        }
        int[] rStart = blocksDependents.start;
        int[] rTarget = blocksDependents.target;
        int[] dStart = blocksDependencies.start;
        int[] dTarget = blocksDependencies.target;
        for (int e = rStart[source], end = rStart[source + 1]; e < end; e++) {
            int u = rTarget[e];
            if (u == source || status[u] != PENDING) {
                continue;
            }
            boolean onlySource = true;
            for (int f = dStart[u], fEnd = dStart[u + 1]; f < fEnd && onlySource; f++) {
                int w = dTarget[f];
                onlySource = w == source || status[w] == COMPLETE;
            }
            if (onlySource) {
                out.add(ids[u]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The incomplete features in topological layers over the BLOCKS edges between incomplete features:
     * wave 0 holds those with no incomplete dependency, and a feature is in wave {@code 1 + } the highest
     * wave of its incomplete dependencies. Features in one wave can be worked on in parallel once the
     * earlier waves are done. Each wave is in rank order. Features on or behind a cycle are left out
     * ({@link #validate()} reports them).
     */
    public List<List<FeatureId>> waves() {
        Layering layers = Layering.of(blocksDependencies, blocksDependents, status, COMPLETE);
        List<List<FeatureId>> out = new ArrayList<>(layers.waveEnds.size());
        int from = 0;
        for (int k = 0; k < layers.waveEnds.size(); k++) {
            int to = layers.waveEnds.get(k);
            FeatureId[] wave = new FeatureId[to - from];
            for (int i = from; i < to; i++) {
                wave[i - from] = ids[layers.order[i]];
            }
            out.add(Collections.unmodifiableList(Arrays.asList(wave)));
            from = to;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The longest chain (by number of features) of incomplete features along BLOCKS edges, dependency
     * first: each feature depends on the one before it. Among chains of equal length it prefers the one
     * whose first feature has the best rank, then at each step the best-ranked next feature. Its length
     * equals the number of {@link #waves()}. Empty if every feature is complete; features on or behind
     * a cycle are left out.
     */
    public List<FeatureId> criticalPath() {
        Layering layers = Layering.of(blocksDependencies, blocksDependents, status, COMPLETE);
        int[] rStart = blocksDependents.start;
        int[] rTarget = blocksDependents.target;
        // down[v]: features on the longest chain starting at v and going downstream. Zero for features
        // outside the layering (complete, or on or behind a cycle), which therefore never extend a chain.
        int[] down = new int[ids.length];
        for (int i = layers.count - 1; i >= 0; i--) {
            int v = layers.order[i];
            int best = 0;
            for (int e = rStart[v], end = rStart[v + 1]; e < end; e++) {
                best = Math.max(best, down[rTarget[e]]);
            }
            down[v] = best + 1;
        }
        int first = -1;
        int length = 0;
        for (int v = 0; v < down.length; v++) {
            if (down[v] > length) {
                length = down[v];
                first = v;
            }
        }
        FeatureId[] path = new FeatureId[length];
        for (int i = 0, v = first; i < length; i++) {
            path[i] = ids[v];
            if (i + 1 < length) {
                int e = rStart[v];
                while (down[rTarget[e]] != down[v] - 1) {
                    e++;
                }
                v = rTarget[e];
            }
        }
        return Collections.unmodifiableList(Arrays.asList(path));
    }

    /**
     * What a drawing of a big plan shows first: the {@code limit} best-ranked features in progress, the {@code limit}
     * best-ranked ready features, the direct neighbours of both (dependencies and dependents, {@code blocks} and
     * {@code related}), and the critical path. O(V + E); the answer is in rank order.
     *
     * @param limit at most this many features in progress, and this many ready ones, are chosen (a big plan can
     *     have a thousand of each, and their neighbours several times that); not negative
     */
    public Focus focus(int limit) {
        return focus(limit, Integer.MAX_VALUE);
    }

    /**
     * As {@link #focus(int)}, with at most {@code pathLimit} steps of the critical path: its first ones, the work
     * that can start soonest (a plan of 100,000 features can have a critical path of thousands of steps, which would
     * be most of the drawing).
     *
     * @param limit as for {@link #focus(int)}; not negative
     * @param pathLimit the critical path's first steps shown; not negative
     */
    public Focus focus(int limit, int pathLimit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (pathLimit < 0) {
            throw new IllegalArgumentException("pathLimit must not be negative: " + pathLimit);
        }
        int n = ids.length;
        byte inProgressCode = (byte) Status.IN_PROGRESS.ordinal();
        long[] core = Bits.of(n);
        int inProgress = 0;
        int inProgressShown = 0;
        int ready = 0;
        int readyShown = 0;
        // Node indices are ranks, so the first ones met are the best-ranked.
        for (int v = 0; v < n; v++) {
            if (status[v] == inProgressCode) {
                if (inProgressShown < limit) {
                    Bits.set(core, v);
                    inProgressShown++;
                }
                inProgress++;
            } else if (isReady(v)) {
                if (readyShown < limit) {
                    Bits.set(core, v);
                    readyShown++;
                }
                ready++;
            }
        }
        long[] shown = core.clone();
        for (int v = 0; v < n; v++) {
            if (Bits.get(core, v)) {
                for (Csr csr : new Csr[] {blocksDependencies, blocksDependents, relatedDependencies, relatedDependents}) {
                    for (int e = csr.start[v], end = csr.start[v + 1]; e < end; e++) {
                        Bits.set(shown, csr.target[e]);
                    }
                }
            }
        }
        int neighbours = 0;
        for (int v = 0; v < n; v++) {
            if (Bits.get(shown, v) && !Bits.get(core, v)) {
                neighbours++;
            }
        }
        List<FeatureId> path = criticalPath();
        List<FeatureId> pathShown = path.subList(0, Math.min(pathLimit, path.size()));
        for (FeatureId id : pathShown) {
            int v = indexOf(id);
            if (Bits.get(shown, v) && !Bits.get(core, v)) {
                neighbours--; // counted as on the path, which is always drawn, not as a neighbour
            }
            Bits.set(shown, v);
            Bits.set(core, v);
        }
        List<FeatureId> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (Bits.get(shown, v)) {
                out.add(ids[v]);
            }
        }
        return new Focus(out, inProgress, inProgressShown, ready, readyShown, neighbours, path.size(), pathShown, n);
    }

    /** The direct dependencies of {@code id} of the given kind, in rank order. */
    public List<FeatureId> dependenciesOf(FeatureId id, DependencyKind kind) {
        Objects.requireNonNull(kind, "kind");
        return row(kind == DependencyKind.BLOCKS ? blocksDependencies : relatedDependencies, indexOf(id));
    }

    /** The direct dependents of {@code id} of the given kind, in rank order. */
    public List<FeatureId> dependentsOf(FeatureId id, DependencyKind kind) {
        Objects.requireNonNull(kind, "kind");
        return row(kind == DependencyKind.BLOCKS ? blocksDependents : relatedDependents, indexOf(id));
    }

    private List<FeatureId> row(Csr csr, int v) {
        FeatureId[] out = new FeatureId[csr.start[v + 1] - csr.start[v]];
        for (int e = csr.start[v], i = 0; i < out.length; e++, i++) {
            out[i] = ids[csr.target[e]];
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /**
     * The cycle that a new BLOCKS edge "{@code dependent} depends on {@code dependency}" would close, as
     * a closed path starting and ending at {@code dependent}, each feature depending on the next: {@code
     * [a, b, c, a]} means a would depend on b, which depends on c, which depends on a. The path back is a
     * shortest one. A self edge gives {@code [a, a]}. Empty if the edge is safe. O(V + E).
     */
    public Optional<List<FeatureId>> cycleIfAdded(FeatureId dependent, FeatureId dependency) {
        int from = indexOf(dependent);
        int to = indexOf(dependency);
        if (from == to) {
            return Optional.of(List.of(ids[from], ids[from]));
        }
        // Breadth-first from the new dependency along existing BLOCKS edges, looking for the dependent.
        int[] parent = new int[ids.length];
        Arrays.fill(parent, -1);
        parent[to] = to;
        IntList queue = new IntList(64);
        queue.add(to);
        int[] start = blocksDependencies.start;
        int[] target = blocksDependencies.target;
        for (int head = 0; head < queue.size(); head++) {
            int v = queue.get(head);
            for (int e = start[v], end = start[v + 1]; e < end; e++) {
                int w = target[e];
                if (parent[w] != -1) {
                    continue;
                }
                parent[w] = v;
                if (w == from) {
                    IntList back = new IntList(16);
                    for (int x = from; x != to; x = parent[x]) {
                        back.add(x);
                    }
                    back.add(to);
                    back.add(from);
                    FeatureId[] path = new FeatureId[back.size()];
                    for (int i = 0; i < path.length; i++) {
                        path[i] = ids[back.get(path.length - 1 - i)];
                    }
                    return Optional.of(Collections.unmodifiableList(Arrays.asList(path)));
                }
                queue.add(w);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the whole graph, as for imported data: cycles over BLOCKS edges (every strongly connected
     * component of two or more features once), self edges, duplicate edges, and incomplete features
     * stuck behind a cycle. See {@link ValidationReport}.
     */
    public ValidationReport validate() {
        int n = ids.length;
        List<ValidationReport.Cycle> cycles = new ArrayList<>();
        long[] onCycle = Bits.of(n);
        for (Scc.Tangle t : Scc.tangles(blocksDependencies)) {
            cycles.add(new ValidationReport.Cycle(toIds(t.cycle()), toIds(t.members())));
            for (int v : t.members()) {
                Bits.set(onCycle, v);
            }
        }
        List<ValidationReport.Edge> selfEdges = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (blocksDependencies.hasEdge(v, v)) {
                selfEdges.add(new ValidationReport.Edge(ids[v], ids[v], DependencyKind.BLOCKS));
                Bits.set(onCycle, v);
            }
            if (relatedDependencies.hasEdge(v, v)) {
                selfEdges.add(new ValidationReport.Edge(ids[v], ids[v], DependencyKind.RELATED));
            }
        }
        // Whatever the layering leaves out is on a cycle of incomplete features or behind one.
        Layering layers = Layering.of(blocksDependencies, blocksDependents, status, COMPLETE);
        long[] layered = Bits.of(n);
        for (int i = 0; i < layers.count; i++) {
            Bits.set(layered, layers.order[i]);
        }
        List<FeatureId> stuck = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (status[v] != COMPLETE && !Bits.get(layered, v) && !Bits.get(onCycle, v)) {
                stuck.add(ids[v]);
            }
        }
        return new ValidationReport(cycles, selfEdges, duplicateEdges, stuck);
    }

    private List<FeatureId> toIds(int[] nodes) {
        FeatureId[] out = new FeatureId[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = ids[nodes[i]];
        }
        return Arrays.asList(out);
    }

    /**
     * Nodes reachable from {@code source} (itself included, last), in depth-first post-order. Rows are
     * walked in ascending index order, or descending when the caller reverses the result, so that
     * either way better-ranked branches come first.
     */
    private IntList postOrder(Csr g, int source, boolean descending) {
        int[] start = g.start;
        int[] target = g.target;
        long[] seen = Bits.of(ids.length);
        IntList out = new IntList(16);
        IntList stack = new IntList(16);
        IntList cursor = new IntList(16); // the next edge to look at in the node's row
        int step = descending ? -1 : 1;
        Bits.set(seen, source);
        stack.add(source);
        cursor.add(descending ? start[source + 1] - 1 : start[source]);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            int v = stack.get(top);
            int c = cursor.get(top);
            if (descending ? c >= start[v] : c < start[v + 1]) {
                cursor.set(top, c + step);
                int w = target[c];
                if (!Bits.get(seen, w)) {
                    Bits.set(seen, w);
                    stack.add(w);
                    cursor.add(descending ? start[w + 1] - 1 : start[w]);
                }
            } else {
                stack.removeLast();
                cursor.removeLast();
                out.add(v);
            }
        }
        return out;
    }

    private int indexOf(FeatureId id) {
        Objects.requireNonNull(id, "id");
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("feature " + id + " is not in this graph");
        }
        return index;
    }

    @Override
    public String toString() {
        return "DependencyGraph[" + size() + " features, " + edgeCount() + " edges]";
    }
}
