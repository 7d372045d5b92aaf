package dev.ijoka.internal.engine;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.Sessions;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import dev.ijoka.event.TodoLists;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Agent sessions: their life, their activity, and the leases on what they claim. */
public final class SessionService implements Sessions {

    /** The note under an id that names the session it continues. */
    static final String CONTINUES = "continues";
    /** The note under a session that holds the HEAD it last saw in a repository: this, then the repository. */
    static final String HEAD_PREFIX = "head:";
    private static final int MAX_HOPS = 8;
    /** Why a session's end released a claim; what a resumed session takes back. */
    private static final String RELEASED_AT_END = "session ended";

    private final Engine engine;

    public SessionService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Session start(ProjectId project, SessionId id, String agent) {
        Instant now = engine.now();
        String name = Engine.input(() -> dev.ijoka.domain.Limits.requireText("agent", agent, dev.ijoka.domain.Limits.MAX_NAME));
        return engine.write(tx -> {
            tx.project(project).orElseThrow(() -> new NotFoundException("there is no project " + project + ": open one first"));
            Optional<Session> existing = tx.session(id);
            if (existing.isPresent() && !existing.get().project().equals(project)) {
                throw new InvalidInputException("session " + id + " already works on another project; use a new session id");
            }
            if (existing.isPresent() && existing.get().endedAt() == null) {
                Session seen = existing.get().seen(now);
                tx.upsertSession(seen);
                return seen;
            }
            // New, or resumed after it ended (Claude Code resumes keep their session id).
            Session started = existing.map(s -> new Session(id, project, name, s.startedAt(), now, null, null, s.eventCount() + 1))
                    .orElseGet(() -> new Session(id, project, name, now, now, null, null, 1));
            CommandRun run = new CommandRun(engine, tx, now, project, null, id);
            run.emit(new EventPayload.SessionStarted(name));
            if (existing.isPresent()) {
                started = started.working(reclaim(tx, run, started, now));
            }
            tx.upsertSession(started);
            run.commitEvents();
            return started;
        });
    }

    /**
     * A resumed session takes back the claims its end released, on features still in progress that
     * nobody has claimed since: a resumed Claude Code session goes on with the work it held.
     *
     * @return the feature it works on again (the one it released last), or null
     */
    private @Nullable FeatureId reclaim(StoreTransaction tx, CommandRun run, Session s, Instant now) {
        List<Event> recent = tx.events(new EventQuery(s.project(), null, s.id(),
                Set.of(EventType.CLAIM_RELEASED, EventType.SESSION_ENDED), Long.MAX_VALUE, 100));
        FeatureId current = null;
        boolean lastEnd = false;
        for (Event e : recent) { // newest first: the releases of the last end come after its session_ended
            if (e.payload() instanceof EventPayload.SessionEnded) {
                if (lastEnd) {
                    break;
                }
                lastEnd = true;
            } else if (lastEnd && e.feature() != null && e.payload() instanceof EventPayload.ClaimReleased r
                    && r.why().equals(RELEASED_AT_END)) {
                Feature f = tx.feature(e.feature()).orElse(null);
                if (f != null && f.status() == Status.IN_PROGRESS && f.claim() == null) {
                    Claim claim = new Claim(s.id(), now, now.plus(engine.lease));
                    if (tx.updateFeature(f.withClaim(claim).touched(now), f.version())) {
                        run.emitFor(f.id(), new EventPayload.ClaimTaken(claim));
                        current = current == null ? f.id() : current;
                    }
                }
            }
        }
        return current;
    }

    @Override
    public Session get(SessionId id) {
        return engine.readOne(r -> Engine.requireSession(r, id));
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return engine.readOne(r -> r.session(id));
    }

    @Override
    public List<Session> list(ProjectId project) {
        return engine.read(r -> r.sessions(project));
    }

    @Override
    public Session touch(SessionId id) {
        Instant now = engine.now();
        return engine.write(tx -> {
            Session s = Engine.requireSession(tx, id);
            CommandRun run = new CommandRun(engine, tx, now, s.project(), null, id);
            renewLeases(tx, run, s, now);
            Session seen = s.seen(now);
            tx.upsertSession(seen);
            run.commitEvents();
            return seen;
        });
    }

    @Override
    public Session record(SessionId id, EventPayload.Activity activity) {
        Instant now = engine.now();
        return engine.write(tx -> {
            Session s = Engine.requireSession(tx, id);
            CommandRun run = new CommandRun(engine, tx, now, s.project(), s.currentFeature(), id);
            run.emit(activity);
            renewLeases(tx, run, s, now);
            Session seen = s.seen(now);
            tx.upsertSession(seen);
            run.commitEvents();
            return seen;
        });
    }

    /**
     * Renews a claim once half its lease is spent: activity keeps a lease alive without writing an
     * event on every tool call.
     */
    private void renewLeases(StoreTransaction tx, CommandRun run, Session s, Instant now) {
        Duration half = engine.lease.dividedBy(2);
        for (Feature f : tx.featuresClaimedBy(s.id())) {
            Claim c = f.claim();
            if (c == null || Duration.between(now, c.leaseUntil()).compareTo(half) > 0) {
                continue;
            }
            Claim renewed = c.renewedUntil(now.plus(engine.lease));
            if (tx.updateFeature(f.withClaim(renewed).touched(now), f.version())) {
                run.emitFor(f.id(), new EventPayload.ClaimRenewed(s.id(), renewed.leaseUntil()));
            }
        }
    }

    @Override
    public Session end(SessionId id, String reason) {
        Instant now = engine.now();
        String why = Engine.input(() -> dev.ijoka.domain.Limits.requireText("reason", reason, dev.ijoka.domain.Limits.MAX_REASON));
        return engine.write(tx -> {
            Session s = Engine.requireSession(tx, id);
            if (s.endedAt() != null) {
                return s;
            }
            CommandRun run = new CommandRun(engine, tx, now, s.project(), null, id);
            for (Feature f : tx.featuresClaimedBy(id)) {
                if (tx.updateFeature(f.withClaim(null).touched(now), f.version())) {
                    run.emitFor(f.id(), new EventPayload.ClaimReleased(id, RELEASED_AT_END));
                }
            }
            run.emit(new EventPayload.SessionEnded(why));
            Session ended = s.ended(now);
            tx.upsertSession(ended);
            run.commitEvents();
            return ended;
        });
    }

    @Override
    public SessionId resolve(SessionId id) {
        return engine.read(r -> resolve(r, id));
    }

    /** Follows links; a few hops at most, since {@link #link} always points at a resolved id. */
    private static SessionId resolve(StoreReader r, SessionId id) {
        SessionId at = id;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<String> next = r.sessionNote(at, CONTINUES);
            if (next.isEmpty() || next.get().equals(at.value())) {
                return at;
            }
            at = SessionId.of(next.get());
        }
        return at;
    }

    @Override
    public void link(SessionId alias, SessionId session) {
        engine.write(tx -> {
            SessionId target = resolve(tx, session);
            if (!target.equals(alias) && !target.equals(resolve(tx, alias))) {
                tx.putSessionNote(alias, CONTINUES, target.value());
            }
            return null;
        });
    }

    @Override
    public Optional<String> lastHead(SessionId session, String repository) {
        String note = headNote(repository);
        return engine.read(r -> r.sessionNote(session, note));
    }

    @Override
    public boolean moveHead(SessionId id, String repository, @Nullable String expected, String head,
            List<EventPayload.Activity> activities) {
        String note = headNote(repository);
        Engine.input(() -> dev.ijoka.domain.Limits.requireText("head", head, dev.ijoka.domain.Limits.MAX_NAME));
        List<EventPayload.Activity> what = List.copyOf(activities);
        Instant now = engine.now();
        return engine.write(tx -> {
            Session s = Engine.requireSession(tx, id);
            if (!Objects.equals(tx.sessionNote(id, note).orElse(null), expected)) {
                return false;
            }
            tx.putSessionNote(id, note, head);
            if (!what.isEmpty()) {
                CommandRun run = new CommandRun(engine, tx, now, s.project(), s.currentFeature(), id);
                what.forEach(run::emit);
                renewLeases(tx, run, s, now);
                tx.upsertSession(s.seen(now));
                run.commitEvents();
            }
            return true;
        });
    }

    private static String headNote(String repository) {
        if (repository.isBlank()) {
            throw new InvalidInputException("a repository is named by its top-level directory; got a blank name");
        }
        return HEAD_PREFIX + repository;
    }

    @Override
    public List<Feature> expireLeases() {
        Instant now = engine.now();
        return engine.write(tx -> {
            List<Feature> expired = new ArrayList<>();
            for (Feature f : tx.featuresWithLeaseBefore(now)) {
                Claim c = f.claim();
                if (c == null) {
                    continue;
                }
                Feature released = f.withClaim(null).touched(now);
                if (!tx.updateFeature(released, f.version())) {
                    continue;
                }
                tx.append(List.of(engine.event(f.project(), f.id(), c.session(), now,
                        new EventPayload.ClaimExpired(c.session(), c.leaseUntil()))));
                tx.session(c.session())
                        .filter(s -> f.id().equals(s.currentFeature()))
                        .ifPresent(s -> tx.upsertSession(s.working(null)));
                expired.add(released);
            }
            return expired;
        });
    }

    @Override
    public AgentPlan changeTodos(SessionId id, TodoChange change) {
        java.util.Objects.requireNonNull(change, "change");
        Instant now = engine.now();
        return engine.write(tx -> {
            Session s = Engine.requireSession(tx, id);
            FeatureId feature = s.currentFeature();
            AgentPlan before = tx.agentPlan(id, feature).orElse(AgentPlan.empty(s.project(), id, feature, now));
            List<EventPayload.TodoEvent> changes = Engine.input(() -> TodoLists.diff(before.items(), change));
            if (changes.isEmpty()) {
                return before;
            }
            // The stored list is what the events do to it, exactly as a replay of the log will do.
            AgentPlan after = before.with(TodoLists.applyAll(before.items(), changes), now);
            tx.putAgentPlan(after);
            CommandRun run = new CommandRun(engine, tx, now, s.project(), feature, id);
            changes.forEach(run::emit);
            run.commitEvents();
            return after;
        });
    }

    @Override
    public Optional<AgentPlan> todos(SessionId id) {
        return engine.read(r -> {
            Session s = Engine.requireSession(r, id);
            return r.agentPlan(id, s.currentFeature());
        });
    }

    @Override
    public Optional<AgentPlan> featureTodos(FeatureId feature) {
        return engine.readOne(r -> r.agentPlans(feature).stream().findFirst());
    }

    @Override
    public List<AgentPlan> todoLists(ProjectId project) {
        return engine.read(r -> r.agentPlans(project));
    }

    @Override
    public java.util.Map<FeatureId, AgentPlan> featureTodos(ProjectId project) {
        return engine.read(r -> {
            java.util.Map<FeatureId, AgentPlan> latest = new java.util.LinkedHashMap<>();
            for (AgentPlan p : r.agentPlans(project)) { // most recently changed first: the first of each feature wins
                if (p.feature() != null) {
                    latest.putIfAbsent(p.feature(), p);
                }
            }
            return java.util.Map.copyOf(latest);
        });
    }
}
