package dev.ijoka.internal.engine;

import dev.ijoka.api.CycleException;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.graph.ValidationReport;
import dev.ijoka.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@link dev.ijoka.api.Features#createAll}: many features and edges in one transaction. Everything is
 * checked before the first write (targets, parents, edge kinds, cycles over the whole resulting graph,
 * once), so a refusal changes nothing; then rows and events are written in bulk.
 */
final class BatchWriter {

    /**
     * Rows are inserted, and events appended, in chunks of this many (one batched statement each), so a huge
     * import never holds them all at once nor prepares a statement per row.
     */
    private static final int CHUNK = 1_000;

    /**
     * A batch this small (a feature added with its dependencies, as {@code ijoka feature add} and the MCP tool
     * do) reads only the edges of the features it names, not the whole project's features and edges, unless
     * its edges could close a cycle (docs/benchmarks.md, issue 13).
     */
    static final int SMALL_BATCH = 16;

    private BatchWriter() {}

    /** An edge of the batch with both ends resolved to ids. */
    private record Pair(FeatureId dependent, FeatureId dependency) {}

    static FeatureBatch.Result write(Engine engine, ProjectId project, FeatureBatch batch, FeatureBatch.Progress progress) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(progress, "progress");
        Instant now = engine.now();
        List<Event> appended = new ArrayList<>();
        FeatureBatch.Result result = engine.write(tx -> {
            appended.clear(); // a write tried again on a fresh connection runs this anew
            // A held snapshot current under the write lock answers the features the batch names and the next number;
            // a project it was built for exists (projects are never deleted).
            GraphCache.Snapshot held = engine.graphs.currentIn(tx, project);
            if (held == null) {
                tx.project(project).orElseThrow(() -> new NotFoundException(
                        "there is no project " + project + ": open one first (projects().open)"));
            }
            List<FeatureBatch.Entry> entries = batch.entries();
            FeatureId[] newIds = new FeatureId[entries.size()];
            Map<FeatureId, String> labels = new HashMap<>();
            for (int i = 0; i < newIds.length; i++) {
                newIds[i] = new FeatureId(engine.ids.newId());
                labels.put(newIds[i], "new feature \"" + entries.get(i).feature().description() + "\"");
            }
            Map<FeatureRef, Feature> resolved = new HashMap<>();
            checkParents(entries);

            Map<Pair, DependencyKind> wanted = new LinkedHashMap<>();
            List<String> selfEdges = new ArrayList<>();
            for (FeatureBatch.Edge e : batch.edges()) {
                FeatureId from = idOf(tx, held, project, e.dependent(), newIds, resolved, labels);
                FeatureId to = idOf(tx, held, project, e.dependency(), newIds, resolved, labels);
                if (from.equals(to)) {
                    selfEdges.add(labels.get(from) + " cannot depend on itself");
                    continue;
                }
                DependencyKind before = wanted.putIfAbsent(new Pair(from, to), e.kind());
                if (before != null && before != e.kind()) {
                    throw new InvalidInputException(labels.get(from) + " depends on " + labels.get(to) + " twice, as "
                            + before.wireName() + " and as " + e.kind().wireName() + ": give each dependency one kind");
                }
            }
            if (!selfEdges.isEmpty()) {
                throw new CycleException(String.join("; ", selfEdges) + ". Remove those dependencies.");
            }

            List<Pair> toAdd = new ArrayList<>();
            Map<Pair, DependencyKind> stored = new HashMap<>();
            int unchanged = 0;
            if (onlyNewDependents(wanted, newIds)) {
                // The usual batch (an import, a feature added with its dependencies): every edge starts at a new
                // feature. No stored edge reaches a new feature, so a cycle could only run through new ones: check
                // those alone, without reading the whole project.
                toAdd.addAll(wanted.keySet());
                if (wanted.containsValue(DependencyKind.BLOCKS)) {
                    checkCycles(List.of(), newIds, Map.of(), onlyBetween(wanted, newIds), labels);
                }
            } else {
                // A small batch reads only the stored edges out of the dependents it names, and the whole
                // project's only when its edges could close a cycle.
                boolean small = entries.size() <= SMALL_BATCH && wanted.size() <= SMALL_BATCH;
                if (small) {
                    stored.putAll(storedAmong(tx, wanted.keySet(), newIds));
                } else {
                    for (Dependency d : tx.dependencies(project)) {
                        stored.put(new Pair(d.dependent(), d.dependency()), d.kind());
                    }
                }
                for (Map.Entry<Pair, DependencyKind> w : wanted.entrySet()) {
                    if (stored.get(w.getKey()) == w.getValue()) {
                        unchanged++;
                    } else {
                        toAdd.add(w.getKey());
                    }
                }
                if (toAdd.stream().anyMatch(p -> wanted.get(p) == DependencyKind.BLOCKS) && (!small || mayCloseCycle(wanted, newIds))) {
                    if (small) { // the whole project's edges after all
                        for (Dependency d : tx.dependencies(project)) {
                            stored.putIfAbsent(new Pair(d.dependent(), d.dependency()), d.kind());
                        }
                    }
                    List<Feature> existing = tx.features(project);
                    for (Feature f : existing) {
                        labels.putIfAbsent(f.id(), f.ref());
                    }
                    checkCycles(existing, newIds, stored, wanted, labels);
                }
            }
            int total = entries.size() + toAdd.size();
            int every = Math.max(1, (total + 99) / 100); // about a hundred reports, whatever the size
            int done = 0;
            // Rows go to the store in chunks (one batched statement each), each chunk's events after it.
            List<Event> events = new ArrayList<>(Math.min(CHUNK, total));
            List<Feature> created = new ArrayList<>(entries.size());
            List<Feature> rows = new ArrayList<>(Math.min(CHUNK, entries.size()));
            // The transaction holds the write lock: numbers are taken one after the other from the first free one.
            int number = entries.isEmpty() ? 0 : held != null ? held.nextNumber() : tx.nextFeatureNumber(project);
            for (int i = 0; i < entries.size(); i++) {
                FeatureBatch.Entry entry = entries.get(i);
                NewFeature spec = entry.feature();
                FeatureId parent = entry.parent() == null ? null : idOf(tx, held, project, entry.parent(), newIds, resolved, labels);
                Feature f = new Feature(newIds[i], project, number++, spec.description(), spec.details(),
                        spec.category(), spec.kind(), entry.status(), spec.priority(), spec.steps(), entry.blockReason(),
                        parent, null, 1, now, now, entry.status() == Status.COMPLETE ? now : null);
                rows.add(f);
                created.add(f);
                events.add(engine.event(project, f.id(), null, now, new EventPayload.FeatureCreated(f)));
                report(progress, ++done, total, every);
                if (rows.size() >= CHUNK) {
                    tx.insertFeatures(rows);
                    rows.clear();
                    appended.addAll(tx.append(List.copyOf(events)));
                    events.clear();
                }
            }
            if (!rows.isEmpty()) {
                tx.insertFeatures(rows);
            }
            List<Dependency> added = new ArrayList<>(toAdd.size());
            List<Dependency> edges = new ArrayList<>(Math.min(CHUNK, toAdd.size()));
            for (Pair p : toAdd) {
                if (stored.containsKey(p)) {
                    // A kind change is a removal and an addition, so the log replays exactly.
                    tx.insertDependencies(edges); // what came before goes first: the removal must not overtake it
                    edges.clear();
                    tx.deleteDependency(p.dependent(), p.dependency());
                    events.add(engine.event(project, p.dependent(), null, now,
                            new EventPayload.DependencyRemoved(p.dependent(), p.dependency())));
                }
                Dependency d = new Dependency(project, p.dependent(), p.dependency(), wanted.get(p));
                edges.add(d);
                added.add(d);
                events.add(engine.event(project, p.dependent(), null, now,
                        new EventPayload.DependencyAdded(d.dependent(), d.dependency(), d.kind())));
                report(progress, ++done, total, every);
                if (edges.size() >= CHUNK) {
                    tx.insertDependencies(edges);
                    edges.clear();
                }
                if (events.size() >= CHUNK) {
                    tx.insertDependencies(edges);
                    edges.clear();
                    appended.addAll(tx.append(List.copyOf(events)));
                    events.clear();
                }
            }
            tx.insertDependencies(edges);
            if (!events.isEmpty()) {
                appended.addAll(tx.append(events));
            }
            return new FeatureBatch.Result(created, added, unchanged);
        });
        // The new features and edges go into a held snapshot rather than being read back, or the plan rebuilt, later.
        engine.graphs.committed(project, appended, List.of());
        return result;
    }

    /** The stored edges among {@code pairs}: the edges out of each existing dependent they name. */
    private static Map<Pair, DependencyKind> storedAmong(StoreTransaction tx, Set<Pair> pairs, FeatureId[] newIds) {
        Set<FeatureId> fresh = Set.of(newIds);
        Map<Pair, DependencyKind> stored = new HashMap<>();
        pairs.stream().map(Pair::dependent).filter(d -> !fresh.contains(d)).distinct().forEach(dependent -> {
            for (Dependency d : tx.dependenciesOf(dependent)) {
                stored.put(new Pair(d.dependent(), d.dependency()), d.kind());
            }
        });
        return stored;
    }

    /**
     * Whether the batch's edges could close a cycle. A new feature has no edges but the batch's own, so a
     * cycle through the new edges needs one that starts at an existing feature, or one that points at a new
     * feature (another new feature then depends on it); without either, every new BLOCKS edge leaves a new
     * feature that nothing reaches.
     */
    private static boolean mayCloseCycle(Map<Pair, DependencyKind> wanted, FeatureId[] newIds) {
        Set<FeatureId> fresh = Set.of(newIds);
        return wanted.entrySet().stream().anyMatch(w -> w.getValue() == DependencyKind.BLOCKS
                && (!fresh.contains(w.getKey().dependent()) || fresh.contains(w.getKey().dependency())));
    }

    private static void report(FeatureBatch.Progress progress, int done, int total, int every) {
        if (done % every == 0 || done == total) {
            progress.written(done, total);
        }
    }

    private static FeatureId idOf(StoreTransaction tx, GraphCache.@Nullable Snapshot held, ProjectId project,
            FeatureBatch.Target target, FeatureId[] newIds, Map<FeatureRef, Feature> resolved, Map<FeatureId, String> labels) {
        return switch (target) {
            case FeatureBatch.Target.Entry e -> newIds[e.index()];
            case FeatureBatch.Target.Existing x -> {
                Feature f = resolved.get(x.feature());
                if (f == null) {
                    Feature known = held == null ? null : held.resolve(x.feature());
                    f = known != null ? known : Engine.resolve(tx, x.feature());
                    if (!f.project().equals(project)) {
                        throw new InvalidInputException("feature " + f.id() + " belongs to another project: a batch joins "
                                + "features of one project");
                    }
                    resolved.put(x.feature(), f);
                    labels.putIfAbsent(f.id(), f.ref());
                }
                yield f.id();
            }
        };
    }

    /** A parent chain among the batch's own entries must not loop (existing features cannot point back at new ones). */
    private static void checkParents(List<FeatureBatch.Entry> entries) {
        byte[] state = new byte[entries.size()]; // 0 unseen, 1 on the current walk, 2 known to end
        for (int start = 0; start < entries.size(); start++) {
            List<Integer> walk = new ArrayList<>();
            int at = start;
            while (at >= 0 && state[at] == 0) {
                state[at] = 1;
                walk.add(at);
                at = entries.get(at).parent() instanceof FeatureBatch.Target.Entry(int index) ? index : -1;
            }
            if (at >= 0 && state[at] == 1) {
                List<Integer> loop = walk.subList(walk.indexOf(at), walk.size());
                String path = loop.stream()
                        .map(i -> "\"" + entries.get(i).feature().description() + "\"")
                        .collect(Collectors.joining(" → ")) + " → \"" + entries.get(at).feature().description() + "\"";
                throw new CycleException("these new features would be each other's parents: " + path
                        + " (each is the child of the next). Give one of them another parent.");
            }
            for (int i : walk) {
                state[i] = 2;
            }
        }
    }

    /** Whether every edge of the batch starts at one of its new features (none at a stored one). */
    private static boolean onlyNewDependents(Map<Pair, DependencyKind> wanted, FeatureId[] newIds) {
        Set<FeatureId> created = Set.of(newIds);
        return wanted.keySet().stream().allMatch(p -> created.contains(p.dependent()));
    }

    /** The batch's edges between two of its new features: the only ones a cycle of new features can use. */
    private static Map<Pair, DependencyKind> onlyBetween(Map<Pair, DependencyKind> wanted, FeatureId[] newIds) {
        Set<FeatureId> created = Set.of(newIds);
        Map<Pair, DependencyKind> inner = new LinkedHashMap<>();
        wanted.forEach((p, kind) -> {
            if (created.contains(p.dependency())) {
                inner.put(p, kind);
            }
        });
        return inner;
    }

    /** Builds the graph as it would be after the batch and refuses it, naming every cycle, if it has any. */
    private static void checkCycles(List<Feature> existing, FeatureId[] newIds, Map<Pair, DependencyKind> stored,
            Map<Pair, DependencyKind> wanted, Map<FeatureId, String> labels) {
        DependencyGraph.Builder builder = DependencyGraph.builder(existing.size() + newIds.length, stored.size() + wanted.size());
        for (Feature f : existing) {
            builder.node(f.id(), f.number(), f.priority(), f.status());
        }
        int next = existing.stream().mapToInt(Feature::number).max().orElse(0);
        for (FeatureId id : newIds) {
            builder.node(id, ++next, 0, Status.PENDING);
        }
        stored.forEach((p, kind) -> {
            if (!wanted.containsKey(p)) {
                builder.edge(p.dependent(), p.dependency(), kind);
            }
        });
        wanted.forEach((p, kind) -> builder.edge(p.dependent(), p.dependency(), kind));
        ValidationReport report = builder.build().validate();
        if (report.cycles().isEmpty()) {
            return;
        }
        String cycles = report.cycles().stream()
                .map(c -> c.path().stream().map(labels::get).collect(Collectors.joining(" → ")))
                .collect(Collectors.joining("; "));
        throw new CycleException("these dependencies would close " + (report.cycles().size() == 1 ? "a cycle" : report.cycles().size()
                + " cycles") + ": " + cycles + " (each depends on the next). Remove one dependency of each cycle, "
                + "or make it a related dependency.");
    }
}
