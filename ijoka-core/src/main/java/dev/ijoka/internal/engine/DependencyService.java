package dev.ijoka.internal.engine;

import dev.ijoka.api.CycleException;
import dev.ijoka.api.Dependencies;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.spi.StoreReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Dependency edges, with self-edges and cycles refused when they are written. */
public final class DependencyService implements Dependencies {

    private final Engine engine;

    public DependencyService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Dependency add(FeatureRef dependent, FeatureRef dependency, DependencyKind kind, @Nullable SessionId session) {
        CommandRun[] ran = {null};
        Dependency added = engine.write(tx -> {
            Feature from = Engine.resolve(tx, dependent);
            Feature to = Engine.resolve(tx, dependency);
            CommandRun run = new CommandRun(engine, tx, engine.now(), from.project(), from.id(), session);
            Dependency edge = addWithin(engine, run, from, to, kind);
            run.commitEvents();
            ran[0] = run;
            return edge;
        });
        committed(ran[0]);
        return added;
    }

    /** After a command's commit: a held snapshot takes the new or removed edge ({@code GraphCache.committed}). */
    private void committed(@Nullable CommandRun run) {
        if (run != null) {
            engine.graphs.committed(run.project, run.committed(), List.of());
        }
    }

    /** Adds the edge inside a running command, or returns the existing one. */
    static Dependency addWithin(Engine engine, CommandRun run, Feature from, Feature to, DependencyKind kind) {
        if (!from.project().equals(to.project())) {
            throw new InvalidInputException(from.ref() + " and " + to.id() + " belong to different projects: "
                    + "a dependency joins features of one project");
        }
        if (from.id().equals(to.id())) {
            throw new CycleException(from.ref() + " cannot depend on itself: name another feature");
        }
        Optional<Dependency> existing = run.tx.dependenciesOf(from.id()).stream()
                .filter(d -> d.dependency().equals(to.id()))
                .findFirst();
        if (existing.isPresent() && existing.get().kind() == kind) {
            return existing.get();
        }
        if (kind == DependencyKind.BLOCKS) {
            // A current snapshot's graph when it has one; else the snapshot's edges, walked in memory: after new
            // features or edges its graph is not made until a plan question wants it, and making it (10,000 features)
            // for each edge of an agent adding several cost each of those writes more than the rest of it.
            GraphCache.Snapshot held = engine.graphs.currentIn(run.tx, from.project());
            DependencyGraph built = held == null ? null : held.slot().ifBuilt();
            Optional<List<FeatureId>> cycle = built != null ? built.cycleIfAdded(from.id(), to.id())
                    : held != null ? cycleWalk(at -> blocksOf(held.dependenciesOf(at)), from.id(), to.id())
                    : cycleThroughStore(run.tx, from.project(), from.id(), to.id());
            if (cycle.isPresent()) {
                String path = cycle.get().stream()
                        .map(id -> run.tx.feature(id).map(Feature::ref).orElse(id.value()))
                        .collect(Collectors.joining(" → "));
                throw new CycleException(from.ref() + " cannot depend on " + to.ref() + ": that closes the cycle " + path
                        + ". Remove one of those dependencies first, or use a related dependency.");
            }
        }
        if (existing.isPresent()) {
            // Changing an edge's kind is a removal and an addition, so the log replays exactly.
            run.tx.deleteDependency(from.id(), to.id());
            run.emitFor(from.id(), new EventPayload.DependencyRemoved(from.id(), to.id()));
        }
        Dependency added = new Dependency(from.project(), from.id(), to.id(), kind);
        run.tx.insertDependency(added);
        run.emitFor(from.id(), new EventPayload.DependencyAdded(from.id(), to.id(), kind));
        return added;
    }

    /**
     * Without a current snapshot, a BLOCKS edge's walk goes through the store one feature at a time for at
     * most this many features, then reads the project's edges at once: a walk that reaches a handful of
     * features costs a handful of small queries, and one that reaches thousands (an edge onto a feature late
     * in a long chain, as {@code ijoka dep add} in a 10,000-feature plan) costs one query of every edge
     * instead of thousands of queries (docs/benchmarks.md, issue 13).
     */
    static final int STORE_WALK_BUDGET = 64;

    /**
     * Without a current snapshot (a one-shot process, or the log moved, e.g. during an import adding edge
     * after edge), walks only what the new dependency reaches: through the store for the first
     * {@link #STORE_WALK_BUDGET} features, then over the project's edges read at once.
     *
     * @return the cycle [dependent, dependency, ..., dependent] the edge would close, if any
     */
    static Optional<List<FeatureId>> cycleThroughStore(StoreReader r, ProjectId project, FeatureId dependent,
            FeatureId dependency) {
        var walk = new Object() {
            @Nullable Map<FeatureId, List<FeatureId>> every; // the project's edges, once the budget is spent
            int asked;
        };
        return cycleWalk(at -> {
            if (walk.every == null && walk.asked++ >= STORE_WALK_BUDGET) {
                Map<FeatureId, List<FeatureId>> all = new HashMap<>();
                for (Dependency d : r.dependencies(project)) {
                    if (d.kind() == DependencyKind.BLOCKS) {
                        all.computeIfAbsent(d.dependent(), k -> new ArrayList<>()).add(d.dependency());
                    }
                }
                walk.every = all;
            }
            return walk.every != null ? walk.every.getOrDefault(at, List.of()) : blocksOf(r.dependenciesOf(at));
        }, dependent, dependency);
    }

    private static List<FeatureId> blocksOf(List<Dependency> edges) {
        return edges.stream().filter(d -> d.kind() == DependencyKind.BLOCKS).map(Dependency::dependency).toList();
    }

    /**
     * Walks the BLOCKS edges ({@code blocksOf}: what a feature waits for) from {@code dependency}, breadth first.
     *
     * @return the cycle [dependent, dependency, ..., dependent] the edge would close, if any
     */
    static Optional<List<FeatureId>> cycleWalk(Function<FeatureId, List<FeatureId>> blocksOf, FeatureId dependent,
            FeatureId dependency) {
        Map<FeatureId, FeatureId> reachedFrom = new HashMap<>();
        ArrayDeque<FeatureId> queue = new ArrayDeque<>();
        reachedFrom.put(dependency, dependency);
        queue.add(dependency);
        while (!queue.isEmpty()) {
            FeatureId at = queue.poll();
            if (at.equals(dependent)) {
                List<FeatureId> path = new ArrayList<>();
                for (FeatureId step = at; !step.equals(dependency); step = reachedFrom.get(step)) {
                    path.add(step);
                }
                path.add(dependency);
                path.add(dependent);
                return Optional.of(path.reversed());
            }
            for (FeatureId d : blocksOf.apply(at)) {
                if (reachedFrom.putIfAbsent(d, at) == null) {
                    queue.add(d);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean remove(FeatureRef dependent, FeatureRef dependency, @Nullable SessionId session) {
        CommandRun[] ran = {null};
        boolean removed = engine.write(tx -> {
            ran[0] = null;
            Feature from = Engine.resolve(tx, dependent);
            Feature to = Engine.resolve(tx, dependency);
            if (!tx.deleteDependency(from.id(), to.id())) {
                return false;
            }
            CommandRun run = new CommandRun(engine, tx, engine.now(), from.project(), from.id(), session);
            run.emit(new EventPayload.DependencyRemoved(from.id(), to.id()));
            run.commitEvents();
            ran[0] = run;
            return true;
        });
        committed(ran[0]);
        return removed;
    }

    /*
     * Not held in a snapshot: two reads of one query each (the feature, to say when there is none, then its
     * edges), which a store may run without a transaction around each, rather than one read of two queries.
     * Features are never deleted, so the feature is still there when its edges are read: the answer is the
     * store's at that second read.
     */
    @Override
    public List<Dependency> of(FeatureRef feature) {
        GraphCache.Held held = engine.graphs.holding(feature);
        if (held != null) {
            return held.snapshot().dependenciesOf(held.feature().id());
        }
        FeatureId id = engine.readOne(r -> Engine.resolve(r, feature)).id();
        return engine.readOne(r -> r.dependenciesOf(id));
    }

    @Override
    public List<Dependency> dependentsOf(FeatureRef feature) {
        GraphCache.Held held = engine.graphs.holding(feature);
        if (held != null) {
            return held.snapshot().dependentsOf(held.feature().id());
        }
        FeatureId id = engine.readOne(r -> Engine.resolve(r, feature)).id();
        return engine.readOne(r -> r.dependentsOf(id));
    }

    @Override
    public List<Dependency> list(ProjectId project) {
        return engine.read(r -> r.dependencies(project));
    }
}
