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
import java.util.List;
import java.util.Optional;
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
        return engine.write(tx -> {
            Feature from = Engine.resolve(tx, dependent);
            Feature to = Engine.resolve(tx, dependency);
            CommandRun run = new CommandRun(engine, tx, engine.now(), from.project(), from.id(), session);
            Dependency added = addWithin(engine, run, from, to, kind);
            run.commitEvents();
            return added;
        });
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
            GraphCache.Snapshot snapshot = engine.graphs.within(run.tx, from.project());
            Optional<List<FeatureId>> cycle = snapshot.graph().cycleIfAdded(from.id(), to.id());
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

    @Override
    public boolean remove(FeatureRef dependent, FeatureRef dependency, @Nullable SessionId session) {
        return engine.write(tx -> {
            Feature from = Engine.resolve(tx, dependent);
            Feature to = Engine.resolve(tx, dependency);
            if (!tx.deleteDependency(from.id(), to.id())) {
                return false;
            }
            CommandRun run = new CommandRun(engine, tx, engine.now(), from.project(), from.id(), session);
            run.emit(new EventPayload.DependencyRemoved(from.id(), to.id()));
            run.commitEvents();
            return true;
        });
    }

    @Override
    public List<Dependency> of(FeatureRef feature) {
        return engine.read(r -> r.dependenciesOf(Engine.resolve(r, feature).id()));
    }

    @Override
    public List<Dependency> dependentsOf(FeatureRef feature) {
        return engine.read(r -> r.dependentsOf(Engine.resolve(r, feature).id()));
    }

    @Override
    public List<Dependency> list(ProjectId project) {
        return engine.read(r -> r.dependencies(project));
    }
}
