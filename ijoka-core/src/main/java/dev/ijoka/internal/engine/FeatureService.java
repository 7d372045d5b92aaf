package dev.ijoka.internal.engine;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.FeaturePage;
import dev.ijoka.api.Features;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.api.StaleVersionException;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Features: creation, field updates, steps, and the state machine with its guards. */
public final class FeatureService implements Features {

    private final Engine engine;

    public FeatureService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Feature create(ProjectId project, NewFeature spec) {
        Instant now = engine.now();
        List<List<Event>> appended = new ArrayList<>(1);
        Feature created = engine.write(tx -> {
            tx.project(project).orElseThrow(() -> new NotFoundException(
                    "there is no project " + project + ": open one first (projects().open)"));
            FeatureId parent = spec.parent() == null ? null : sameProject(Engine.resolve(tx, spec.parent()), project).id();
            FeatureId id = new FeatureId(engine.ids.newId());
            Feature feature = new Feature(id, project, tx.nextFeatureNumber(project), spec.description(), spec.details(),
                    spec.category(), spec.kind(), Status.PENDING, spec.priority(), spec.steps(), null, parent, null, 1,
                    now, now, null);
            tx.insertFeature(feature);
            appended.add(tx.append(List.of(engine.event(project, id, null, now, new EventPayload.FeatureCreated(feature)))));
            return feature;
        });
        // The new feature goes into a held snapshot rather than being read back, or the plan rebuilt, later.
        engine.graphs.committed(project, appended.getLast(), List.of());
        return created;
    }

    @Override
    public FeatureBatch.Result createAll(ProjectId project, FeatureBatch batch, FeatureBatch.Progress progress) {
        return BatchWriter.write(engine, project, batch, progress);
    }

    @Override
    public Feature get(FeatureRef ref) {
        GraphCache.Held held = engine.graphs.holding(ref);
        // One query: a store may run it without a transaction around it.
        return held != null ? held.feature() : engine.readOne(r -> Engine.resolve(r, ref));
    }

    @Override
    public Optional<Feature> find(FeatureRef ref) {
        GraphCache.Held held = engine.graphs.holding(ref);
        if (held != null) {
            return Optional.of(held.feature());
        }
        return engine.readOne(r -> switch (ref) {
            case FeatureId id -> r.feature(id);
            case FeatureRef.Number n -> r.featureByNumber(n.project(), n.number());
        });
    }

    @Override
    public List<Feature> findAll(Collection<FeatureId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        GraphCache.Held held = engine.graphs.holding(ids.iterator().next());
        if (held != null && ids.stream().allMatch(id -> held.snapshot().features().contains(id))) {
            return ids.stream().map(held.snapshot()::feature).toList();
        }
        if (ids.size() == 1) {
            FeatureId id = ids.iterator().next();
            return engine.readOne(r -> r.feature(id).stream().toList());
        }
        return engine.read(r -> ids.stream().flatMap(id -> r.feature(id).stream()).toList());
    }

    @Override
    public List<Feature> list(ProjectId project) {
        // Listing is a question about the whole project: from the second on, the snapshot answers it.
        GraphCache.Snapshot s = engine.graphs.currentIfWorth(project);
        return s != null ? s.inNumberOrder() : engine.read(r -> r.features(project));
    }

    @Override
    public List<Feature> list(ProjectId project, Status status, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        }
        return engine.read(r -> r.features(project, status, limit));
    }

    @Override
    public FeaturePage page(ProjectId project, Set<Status> statuses, int offset, int limit) {
        Features.checkPage(offset, limit);
        GraphCache.Snapshot s = statuses.isEmpty() ? engine.graphs.currentIfWorth(project) : null;
        if (s != null) {
            // The snapshot's number order is a view: the page is looked up, the other features are not touched.
            List<Feature> all = s.inNumberOrder();
            int from = Math.min(offset, all.size());
            return new FeaturePage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
        }
        return engine.read(r -> {
            Progress counts = r.progress(project);
            int total = statuses.isEmpty() ? counts.total() : statuses.stream().mapToInt(counts::count).sum();
            return new FeaturePage(r.featuresPage(project, statuses, offset, limit), total);
        });
    }

    @Override
    public FeaturePage column(ProjectId project, Status status, int offset, int limit) {
        Features.checkPage(offset, limit);
        // One read, so that the page and the count agree; the store sorts and limits (an index on the status).
        return engine.read(r -> new FeaturePage(r.featuresInBoardOrder(project, status, offset, limit),
                r.progress(project).count(status)));
    }

    @Override
    public Feature update(FeatureRef ref, FeatureUpdate update, @Nullable SessionId session, @Nullable Long expectedVersion) {
        Instant now = engine.now();
        CommandRun[] ran = {null};
        Feature result = engine.write(tx -> {
            Feature before = Engine.resolve(tx, ref);
            checkVersion(before, expectedVersion);
            if (update.parent() != null) {
                Feature parent = sameProject(Engine.resolve(tx, update.parent()), before.project());
                checkParentChain(tx, before, parent);
            }
            Feature after = before.with(update);
            if (after.equals(before)) {
                return before;
            }
            Session s = session == null ? null : sessionIn(tx, session, before.project());
            CommandRun run = new CommandRun(engine, tx, now, before.project(), before.id(), session);
            run.emit(new EventPayload.FeatureUpdated(update));
            Feature stored = store(tx, after, before, now);
            touchSession(tx, s, now, null);
            run.commitEvents();
            ran[0] = run;
            return stored;
        });
        committed(ran[0], result);
        return result;
    }

    /** After a command's commit: a held snapshot goes forward with what it wrote ({@code GraphCache.committed}). */
    private void committed(@Nullable CommandRun run, Feature written) {
        if (run != null) {
            engine.graphs.committed(written.project(), run.committed(), List.of(written));
        }
    }

    @Override
    public Feature checkStep(FeatureRef ref, int index, boolean done, @Nullable SessionId session) {
        Instant now = engine.now();
        CommandRun[] ran = {null};
        Feature result = engine.write(tx -> {
            // Read first, so that it rides in the write lock's round trip on PostgreSQL (as in apply).
            Optional<Session> row = session == null ? Optional.empty() : tx.session(session);
            GraphCache.Snapshot held = engine.graphs.currentIn(tx, ref);
            Feature known = held == null ? null : held.resolve(ref);
            Feature before = known != null ? known : Engine.resolve(tx, ref);
            if (index < 0 || index >= before.steps().size()) {
                throw new InvalidInputException(before.steps().isEmpty()
                        ? before.ref() + " has no steps"
                        : "step " + index + " does not exist: " + before.ref() + " has steps 0 to " + (before.steps().size() - 1));
            }
            Step step = before.steps().get(index);
            if (step.done() == done) {
                return before;
            }
            Session s = session == null ? null : sessionIn(row, session, before.project());
            List<Step> steps = new ArrayList<>(before.steps());
            steps.set(index, step.withDone(done));
            CommandRun run = new CommandRun(engine, tx, now, before.project(), before.id(), session);
            run.emit(new EventPayload.StepChecked(index, step.text(), done));
            Feature stored = store(tx, before.withSteps(steps), before, now);
            touchSession(tx, s, now, null);
            run.commitEvents();
            ran[0] = run;
            return stored;
        });
        committed(ran[0], result);
        return result;
    }

    @Override
    public Transition apply(FeatureCommand command) {
        Instant now = engine.now();
        Outcome outcome = engine.write(tx -> {
            // The caller's session read first: on PostgreSQL it rides in the write lock's round trip, with the log's
            // last sequence that tells whether the held snapshot is current (docs/postgres.md, "What is guaranteed").
            Optional<Session> row = command.session() == null ? Optional.empty() : tx.session(command.session());
            // A held snapshot current under the write lock answers the feature, its dependencies and the rules.
            GraphCache.Snapshot held = engine.graphs.currentIn(tx, command.feature());
            Feature known = held == null ? null : held.resolve(command.feature());
            Feature before = known != null ? known : Engine.resolve(tx, command.feature());
            checkVersion(before, command.expectedVersion());
            Session session = command.session() == null ? null : sessionIn(row, command.session(), before.project());
            FeatureStateMachine.target(before, command);
            CommandRun run = new CommandRun(engine, tx, now, before.project(), before.id(), command.session());
            Feature after = switch (command) {
                case FeatureCommand.Start c -> start(run, before, session, held);
                case FeatureCommand.Complete c -> complete(run, before, session, held);
                case FeatureCommand.Block c -> block(run, before, session, c);
                case FeatureCommand.Unblock c -> {
                    run.emit(new EventPayload.FeatureUnblocked());
                    yield before.withStatus(Status.PENDING, null, null, null);
                }
                case FeatureCommand.Reopen c -> {
                    run.emit(new EventPayload.FeatureReopened(c.reason()));
                    yield before.withStatus(Status.PENDING, null, null, null);
                }
            };
            if (run.denied() != null) {
                run.commitEvents();
                return new Outcome(null, run.denied(), before.project(), run.committed());
            }
            Feature stored = store(tx, after, before, now);
            updateSessions(tx, session, before, stored, now);
            run.commitEvents();
            return new Outcome(new Transition(stored, run.warnings()), null, before.project(), run.committed());
        });
        // What was just written need not be read back: a held snapshot that was current goes forward with it.
        engine.graphs.committed(outcome.project(), outcome.events(),
                outcome.transition() == null ? List.of() : List.of(outcome.transition().feature()));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.transition();
    }

    /**
     * What a command's transaction decided: a transition, or a rule's refusal to raise after commit; and
     * the events it appended to its project's log.
     */
    private record Outcome(@Nullable Transition transition, @Nullable RuleViolationException refusal, ProjectId project,
            List<Event> events) {}

    private Feature start(CommandRun run, Feature f, @Nullable Session session, GraphCache.@Nullable Snapshot plan) {
        StoreTransaction tx = run.tx;
        if (f.status() == Status.PENDING) {
            requireDependenciesComplete(tx, plan, f);
            if (!run.judge(RuleEngine.beforeStart(engine.graphs.rules(tx, plan, f.project()), true, () -> tx.countInProgress(f.project(), null),
                    () -> session == null ? -1 : tx.countInProgress(f.project(), session.id())), "start")) {
                return f;
            }
            Claim claim = session == null ? null : new Claim(session.id(), run.now, run.now.plus(engine.lease));
            run.emit(new EventPayload.FeatureStarted());
            if (claim != null) {
                run.emit(new EventPayload.ClaimTaken(claim));
            }
            return f.withStatus(Status.IN_PROGRESS, null, claim, null);
        }
        // In progress already: renew our own claim, take an unclaimed or lapsed one, or refuse.
        Claim held = f.claim();
        if (session == null) {
            throw new IllegalTransitionException("cannot start " + f.ref() + ": it is already in progress"
                    + (held != null ? " (claimed by session " + held.session() + ")" : "")
                    + ". From in_progress you can complete or block.");
        }
        if (held != null && held.isHeldBy(session.id())) {
            Claim renewed = held.renewedUntil(run.now.plus(engine.lease));
            run.emit(new EventPayload.ClaimRenewed(session.id(), renewed.leaseUntil()));
            return f.withClaim(renewed);
        }
        if (held != null && held.isLive(run.now)) {
            throw conflict(tx, f, held, "start");
        }
        if (!run.judge(RuleEngine.beforeStart(engine.graphs.rules(tx, plan, f.project()), false, () -> tx.countInProgress(f.project(), null),
                () -> tx.countInProgress(f.project(), session.id())), "start")) {
            return f;
        }
        Claim claim = new Claim(session.id(), run.now, run.now.plus(engine.lease));
        run.emit(held == null ? new EventPayload.ClaimTaken(claim) : new EventPayload.ClaimTakenOver(held.session(), claim));
        return f.withClaim(claim);
    }

    private Feature complete(CommandRun run, Feature f, @Nullable Session session, GraphCache.@Nullable Snapshot held) {
        requireClaimOrLapsed(run, f, session, "complete");
        if (!run.judge(RuleEngine.beforeComplete(engine.graphs.rules(run.tx, held, f.project()), f), "complete")) {
            return f;
        }
        run.emit(new EventPayload.FeatureCompleted());
        if (f.claim() != null) {
            run.emit(new EventPayload.ClaimReleased(f.claim().session(), "completed"));
        }
        return f.withStatus(Status.COMPLETE, null, null, run.now);
    }

    private Feature block(CommandRun run, Feature f, @Nullable Session session, FeatureCommand.Block c) {
        requireClaimOrLapsed(run, f, session, "block");
        FeatureId blocker = null;
        if (c.blockedBy() != null) {
            Feature by = sameProject(Engine.resolve(run.tx, c.blockedBy()), f.project());
            blocker = by.id();
            DependencyService.addWithin(engine, run, f, by, DependencyKind.BLOCKS);
        }
        run.emit(new EventPayload.FeatureBlocked(c.reason(), blocker));
        if (f.claim() != null) {
            run.emit(new EventPayload.ClaimReleased(f.claim().session(), "blocked"));
        }
        return f.withStatus(Status.BLOCKED, c.reason(), null, null);
    }

    /** Agents may not finish or block what another agent holds under a live lease; people may. */
    private void requireClaimOrLapsed(CommandRun run, Feature f, @Nullable Session session, String verb) {
        Claim held = f.claim();
        if (session != null && held != null && held.isLive(run.now) && !held.isHeldBy(session.id())) {
            throw conflict(run.tx, f, held, verb);
        }
    }

    private static ClaimConflictException conflict(StoreReader r, Feature f, Claim held, String verb) {
        String agent = r.session(held.session()).map(Session::agent).orElse("unknown agent");
        return new ClaimConflictException("cannot " + verb + " " + f.ref() + ": session " + held.session() + " (" + agent
                + ") holds it until " + held.leaseUntil() + ". Pick another feature (next), or wait until the lease lapses.");
    }

    /** Refuses to start {@code f} before its BLOCKS dependencies are complete; from {@code held} when current, else the store. */
    private static void requireDependenciesComplete(StoreReader r, GraphCache.@Nullable Snapshot held, Feature f) {
        List<FeatureId> blockers = (held != null ? held.dependenciesOf(f.id()) : r.dependenciesOf(f.id())).stream()
                .filter(d -> d.kind() == DependencyKind.BLOCKS)
                .map(Dependency::dependency)
                .toList();
        if (blockers.isEmpty()) {
            return;
        }
        Map<FeatureId, Status> statuses = held != null
                ? blockers.stream().collect(Collectors.toMap(id -> id, id -> held.feature(id).status()))
                : r.statuses(blockers);
        List<String> waiting = blockers.stream()
                .filter(id -> statuses.get(id) != Status.COMPLETE)
                .map(id -> (held != null ? Optional.ofNullable(held.feature(id)) : r.feature(id))
                        .map(d -> d.ref() + " (" + d.status().wireName() + ")").orElse(id.value()))
                .toList();
        if (!waiting.isEmpty()) {
            throw new DependencyGateException("cannot start " + f.ref() + ": it waits for " + String.join(", ", waiting)
                    + ". Work on " + (waiting.size() == 1 ? "that" : "those") + " first (next shows what is ready), or remove the dependency.");
        }
    }

    private static void checkVersion(Feature f, @Nullable Long expected) {
        if (expected != null && expected != f.version()) {
            throw new StaleVersionException(f.ref() + " is at version " + f.version() + " but the change was made from version "
                    + expected + ": someone changed it meanwhile. Reload it and try again.");
        }
    }

    private static Feature sameProject(Feature f, ProjectId project) {
        if (!f.project().equals(project)) {
            throw new InvalidInputException("feature " + f.id() + " belongs to another project: name a feature of this project");
        }
        return f;
    }

    /** A parent must not be the feature itself or one of its descendants. */
    private static void checkParentChain(StoreReader r, Feature child, Feature parent) {
        List<String> chain = new ArrayList<>();
        chain.add(child.ref());
        Feature at = parent;
        int guard = 0;
        while (at != null && guard++ < 100_000) {
            chain.add(at.ref());
            if (at.id().equals(child.id())) {
                throw new dev.ijoka.api.CycleException("cannot make " + parent.ref() + " the parent of " + child.ref()
                        + ": that closes the cycle " + String.join(" → ", chain.reversed().stream().toList()) + ". Choose another parent.");
            }
            at = at.parent() == null ? null : r.feature(at.parent()).orElse(null);
        }
    }

    private static Session sessionIn(StoreReader r, SessionId id, ProjectId project) {
        return sessionIn(r.session(id), id, project);
    }

    /** {@link #sessionIn(StoreReader, SessionId, ProjectId)} of a session row read already in the transaction. */
    private static Session sessionIn(Optional<Session> row, SessionId id, ProjectId project) {
        Session s = row.orElseThrow(() -> Engine.noSession(id));
        if (!s.project().equals(project)) {
            throw new InvalidInputException("session " + id + " works on another project; start a session for this one");
        }
        if (s.endedAt() != null) {
            throw new InvalidInputException("session " + id + " has ended; start a new session");
        }
        return s;
    }

    /** Compare-and-set through the store; the write lock makes a miss rare, but never silent. */
    private static Feature store(StoreTransaction tx, Feature after, Feature before, Instant now) {
        Feature stored = after.touched(now);
        tx.updateFeatureOrFail(stored, before.version(),
                () -> new StaleVersionException(before.ref() + " changed while this command ran: reload it and try again."));
        return stored;
    }

    private static void touchSession(StoreTransaction tx, @Nullable Session s, Instant now, @Nullable FeatureId working) {
        if (s != null) {
            tx.upsertSession(working == null ? s.seen(now) : s.seen(now).working(working));
        }
    }

    /** Keeps each session's "current feature" in step with its claims. */
    private static void updateSessions(StoreTransaction tx, @Nullable Session caller, Feature before, Feature after,
            Instant now) {
        if (caller != null) {
            Session seen = caller.seen(now);
            if (after.claim() != null && after.claim().isHeldBy(caller.id())) {
                seen = seen.working(after.id());
            } else if (after.id().equals(caller.currentFeature())) {
                seen = seen.working(null);
            }
            tx.upsertSession(seen);
        }
        Claim lost = before.claim();
        boolean holderChanged = lost != null && (after.claim() == null || !after.claim().isHeldBy(lost.session()));
        if (holderChanged && (caller == null || !lost.isHeldBy(caller.id()))) {
            tx.session(lost.session())
                    .filter(s -> after.id().equals(s.currentFeature()))
                    .ifPresent(s -> tx.upsertSession(s.working(null)));
        }
    }

    static String refs(List<Feature> features) {
        return features.stream().map(Feature::ref).collect(Collectors.joining(", "));
    }
}
