package dev.ijoka.internal.engine;

import dev.ijoka.api.Plan;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Decision;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.graph.ValidationReport;
import dev.ijoka.spi.BlocksReach;
import dev.ijoka.spi.StoreReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Graph queries, answered from the project's cached snapshot. */
public final class PlanService implements Plan {

    private final Engine engine;

    public PlanService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Feature> ready(ProjectId project) {
        return ready(project, Integer.MAX_VALUE);
    }

    @Override
    public List<Feature> ready(ProjectId project, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
        if (!engine.graphs.worthSnapshot(project)) {
            return engine.read(r -> r.ready(project, limit));
        }
        GraphCache.Snapshot s = engine.graphs.get(project);
        List<FeatureId> ready = s.graph().ready();
        return s.features(ready.subList(0, Math.min(limit, ready.size())));
    }

    @Override
    public int readyCount(ProjectId project) {
        // As progress: one cheap query, which never makes a snapshot worth building on its own. Reading the ready
        // features to count them was most of a first ijoka_status at 10,000 features (docs/benchmarks.md).
        if (!engine.graphs.holds(project)) {
            return engine.read(r -> r.countReady(project));
        }
        return engine.graphs.get(project).graph().ready().size();
    }

    @Override
    public Optional<Feature> next(ProjectId project, @Nullable SessionId sessionId) {
        if (sessionId != null) {
            // One read for what a session changes: the feature it holds, else whether a rule stops it starting
            // one (null: a rule does, so nothing is next for it).
            Optional<Feature> current = engine.read(r -> {
                Session session = Engine.requireSession(r, sessionId);
                if (session.currentFeature() != null) {
                    Optional<Feature> held = r.feature(session.currentFeature()).filter(f -> holds(f, sessionId));
                    if (held.isPresent()) {
                        return held;
                    }
                }
                return denied(r, project, sessionId) ? null : Optional.<Feature>empty();
            });
            if (current == null) {
                return Optional.empty();
            }
            if (current.isPresent()) {
                return current;
            }
        }
        if (!engine.graphs.worthSnapshot(project)) {
            return engine.read(r -> r.ready(project, 1)).stream().findFirst();
        }
        GraphCache.Snapshot s = engine.graphs.get(project);
        return s.graph().next(id -> true).map(s::feature);
    }

    /** Whether a work-in-progress limit stops the session starting another feature; counts only if a limit is on. */
    private static boolean denied(StoreReader r, ProjectId project, SessionId sessionId) {
        return RuleEngine.beforeStart(r.rules(project), true, () -> r.countInProgress(project, null),
                () -> r.countInProgress(project, sessionId)).stream().anyMatch(v -> v.decision() instanceof Decision.Deny);
    }

    private static boolean holds(Feature f, SessionId session) {
        Claim c = f.claim();
        return f.status() == Status.IN_PROGRESS && c != null && c.isHeldBy(session);
    }

    @Override
    public List<Feature> blockedBy(FeatureRef ref) {
        Feature f = engine.read(r -> Engine.resolve(r, ref));
        GraphCache.Snapshot s = engine.graphs.currentIfHeld(f.project());
        if (s != null) {
            return s.features(s.graph().blockedBy(f.id()));
        }
        // A process that holds no snapshot (a command-line call) reads only what the feature reaches and walks the
        // graph of that part: the same walk, in the same order, since a feature's rank (priority, number, id) and so
        // its place in a row of the graph does not depend on which other features the graph holds. Building the whole
        // plan's snapshot for it cost `feature show` at 10,000 features more than the rest of the command
        // (docs/benchmarks.md, "Cold commands at 10,000 features").
        return engine.read(r -> {
            Feature current = Engine.resolve(r, f.id());
            BlocksReach reach = r.blocksReach(current.id());
            DependencyGraph.Builder part = DependencyGraph.builder(reach.features().size() + 1, reach.edges().size());
            Map<FeatureId, Feature> byId = HashMap.newHashMap(reach.features().size());
            part.node(current.id(), current.number(), current.priority(), current.status());
            for (Feature g : reach.features()) {
                part.node(g.id(), g.number(), g.priority(), g.status());
                byId.put(g.id(), g);
            }
            reach.edges().forEach(d -> part.edge(d.dependent(), d.dependency(), d.kind()));
            return part.build().blockedBy(current.id()).stream().map(byId::get).toList();
        });
    }

    @Override
    public List<Feature> dependents(FeatureRef ref) {
        Feature f = engine.read(r -> Engine.resolve(r, ref));
        GraphCache.Snapshot s = engine.graphs.get(f.project());
        return s.features(s.graph().dependents(f.id()));
    }

    @Override
    public List<Feature> unlockedBy(FeatureRef ref) {
        Feature f = engine.read(r -> Engine.resolve(r, ref));
        GraphCache.Snapshot s = engine.graphs.get(f.project());
        return s.features(s.graph().unlockedBy(f.id()));
    }

    @Override
    public List<List<Feature>> waves(ProjectId project) {
        GraphCache.Snapshot s = engine.graphs.get(project);
        return s.graph().waves().stream().map(s::features).toList();
    }

    @Override
    public List<Feature> criticalPath(ProjectId project) {
        GraphCache.Snapshot s = engine.graphs.get(project);
        return s.features(s.graph().criticalPath());
    }

    @Override
    public ValidationReport validate(ProjectId project) {
        return engine.graphs.get(project).graph().validate();
    }

    @Override
    public Progress progress(ProjectId project) {
        // Counting is one cheap query: it never makes a snapshot worth building on its own.
        if (!engine.graphs.holds(project)) {
            return engine.read(r -> r.progress(project));
        }
        GraphCache.Snapshot s = engine.graphs.get(project);
        return new Progress(s.count(Status.PENDING), s.count(Status.IN_PROGRESS), s.count(Status.BLOCKED),
                s.count(Status.COMPLETE));
    }

    @Override
    public DependencyGraph graph(ProjectId project) {
        return engine.graphs.get(project).graph();
    }
}
