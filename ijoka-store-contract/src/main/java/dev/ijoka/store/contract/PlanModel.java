package dev.ijoka.store.contract;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.CycleException;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.IjokaException;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately simple model of one project: plain lists and maps, and the engine's rules written
 * out the long way (cycles by searching every path). The command sequence property runs every
 * command here and on the engine and expects the same outcome and the same state.
 */
final class PlanModel {

    static final Duration LEASE = Duration.ofMinutes(30);

    /** A feature as the model sees it. */
    static final class Item {
        final int number;
        Status status = Status.PENDING;
        @Nullable Claim claim;
        final boolean[] steps;

        Item(int number, int steps) {
            this.number = number;
            this.steps = new boolean[steps];
        }
    }

    /** A rule and its counters. */
    static final class ModelRule {
        final RuleSpec spec;
        final Enforcement enforcement;
        boolean enabled = true;
        long triggered;
        long violated;

        ModelRule(RuleSpec spec, Enforcement enforcement) {
            this.spec = spec;
            this.enforcement = enforcement;
        }
    }

    record Edge(int dependent, int dependency) {}

    /** Ends a command with the error the engine should raise; the model has changed nothing else. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Class<? extends IjokaException> error;

        Refused(Class<? extends IjokaException> error) {
            super(error.getSimpleName(), null, false, false);
            this.error = error;
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<Edge, DependencyKind> edges = new LinkedHashMap<>();
    private final List<ModelRule> rules = new ArrayList<>();
    private final Map<String, Boolean> ended = new LinkedHashMap<>();
    /** What each session's last end released: a resumed session takes back those still in progress and unclaimed. */
    private final Map<String, List<Item>> releasedAtEnd = new LinkedHashMap<>();
    private final List<String> sessions;
    private Instant now;

    PlanModel(Instant now, List<String> sessions) {
        this.now = now;
        this.sessions = List.copyOf(sessions);
        sessions.forEach(s -> ended.put(s, false));
    }

    int featureCount() {
        return items.size();
    }

    int ruleCount() {
        return rules.size();
    }

    List<String> sessions() {
        return sessions;
    }

    List<Item> items() {
        return items;
    }

    Map<Edge, DependencyKind> edges() {
        return edges;
    }

    List<ModelRule> rules() {
        return rules;
    }

    boolean ended(String session) {
        return ended.get(session);
    }

    Outcome apply(Command command) {
        try {
            return run(command);
        } catch (Refused r) {
            return Outcome.failed(r.error, "");
        }
    }

    private Outcome run(Command command) {
        switch (command) {
            case Command.Create c -> items.add(new Item(items.size() + 1, c.steps()));
            case Command.AddDependency c -> addEdge(item(c.dependent()), item(c.dependency()), c.kind());
            case Command.RemoveDependency c -> edges.remove(new Edge(item(c.dependent()).number, item(c.dependency()).number));
            case Command.Start c -> start(item(c.feature()), session(c.session()));
            case Command.Complete c -> complete(item(c.feature()), session(c.session()));
            case Command.Block c -> block(c);
            case Command.Unblock c -> moveFrom(Status.BLOCKED, c.feature(), c.session());
            case Command.Reopen c -> moveFrom(Status.COMPLETE, c.feature(), c.session());
            case Command.CheckStep c -> checkStep(c);
            case Command.AddWipLimit c -> rules.add(new ModelRule(new RuleSpec.WipLimit(c.max(), c.per()), c.enforcement()));
            case Command.AddStepsRule c -> rules.add(new ModelRule(new RuleSpec.StepsDoneBeforeComplete(), c.enforcement()));
            case Command.ToggleRule c -> rules.get(c.rule()).enabled = c.enabled();
            case Command.AdvanceClock c -> now = now.plus(Duration.ofMinutes(c.minutes()));
            case Command.ExpireLeases c -> {
                return Outcome.ok(expireLeases());
            }
            case Command.EndSession c -> endSession(c.session());
            case Command.ResumeSession c -> resumeSession(c.session());
            case Command.Touch c -> touch(c.session());
        }
        return Outcome.ok();
    }

    private Item item(int number) {
        if (number < 1 || number > items.size()) {
            throw new Refused(NotFoundException.class);
        }
        return items.get(number - 1);
    }

    /** The acting session, refused if it has ended; null for a person. */
    private @Nullable SessionId session(@Nullable String name) {
        if (name == null) {
            return null;
        }
        if (ended.get(name)) {
            throw new Refused(InvalidInputException.class);
        }
        return SessionId.of(name);
    }

    private void requireStatus(Item f, Status... allowed) {
        if (!List.of(allowed).contains(f.status)) {
            throw new Refused(IllegalTransitionException.class);
        }
    }

    private void start(Item f, @Nullable SessionId s) {
        requireStatus(f, Status.PENDING, Status.IN_PROGRESS);
        if (f.status == Status.PENDING) {
            boolean gated = edges.entrySet().stream().anyMatch(e -> e.getKey().dependent() == f.number
                    && e.getValue() == DependencyKind.BLOCKS && items.get(e.getKey().dependency() - 1).status != Status.COMPLETE);
            if (gated) {
                throw new Refused(DependencyGateException.class);
            }
            judgeStart(true, s);
            f.status = Status.IN_PROGRESS;
            f.claim = s == null ? null : new Claim(s, now, now.plus(LEASE));
            return;
        }
        if (s == null) {
            throw new Refused(IllegalTransitionException.class);
        }
        Claim held = f.claim;
        if (held != null && held.isHeldBy(s)) {
            f.claim = held.renewedUntil(now.plus(LEASE));
            return;
        }
        if (held != null && held.isLive(now)) {
            throw new Refused(ClaimConflictException.class);
        }
        judgeStart(false, s);
        f.claim = new Claim(s, now, now.plus(LEASE));
    }

    /** Every enabled WIP limit the start would break counts; a denying one refuses it. */
    private void judgeStart(boolean newToProject, @Nullable SessionId s) {
        long inProgress = items.stream().filter(i -> i.status == Status.IN_PROGRESS).count();
        long held = s == null ? -1 : claimsOf(s).size();
        boolean denied = false;
        for (ModelRule rule : rules) {
            if (rule.enabled && rule.spec instanceof RuleSpec.WipLimit wip) {
                boolean breaks = wip.per() == WipScope.PROJECT ? newToProject && inProgress >= wip.max() : held >= wip.max();
                denied |= breaks && count(rule);
            }
        }
        if (denied) {
            throw new Refused(RuleViolationException.class);
        }
    }

    /** Counts a broken rule; true if it denies. */
    private static boolean count(ModelRule rule) {
        if (rule.enforcement == Enforcement.DENY) {
            rule.violated++;
            return true;
        }
        rule.triggered++;
        return false;
    }

    private List<Item> claimsOf(SessionId s) {
        return items.stream().filter(i -> i.status == Status.IN_PROGRESS && i.claim != null && i.claim.isHeldBy(s)).toList();
    }

    private void requireClaimOrLapsed(Item f, @Nullable SessionId s) {
        if (s != null && f.claim != null && f.claim.isLive(now) && !f.claim.isHeldBy(s)) {
            throw new Refused(ClaimConflictException.class);
        }
    }

    private void complete(Item f, @Nullable SessionId s) {
        requireStatus(f, Status.IN_PROGRESS);
        requireClaimOrLapsed(f, s);
        boolean open = false;
        for (boolean done : f.steps) {
            open |= !done;
        }
        boolean denied = false;
        for (ModelRule rule : rules) {
            if (rule.enabled && rule.spec instanceof RuleSpec.StepsDoneBeforeComplete && open) {
                denied |= count(rule);
            }
        }
        if (denied) {
            throw new Refused(RuleViolationException.class);
        }
        f.status = Status.COMPLETE;
        f.claim = null;
    }

    private void block(Command.Block c) {
        Item f = item(c.feature());
        SessionId s = session(c.session());
        requireStatus(f, Status.PENDING, Status.IN_PROGRESS);
        requireClaimOrLapsed(f, s);
        if (c.blockedBy() != 0) {
            addEdge(f, item(c.blockedBy()), DependencyKind.BLOCKS);
        }
        f.status = Status.BLOCKED;
        f.claim = null;
    }

    private void moveFrom(Status from, int feature, @Nullable String session) {
        Item f = item(feature);
        session(session);
        requireStatus(f, from);
        f.status = Status.PENDING;
    }

    private void checkStep(Command.CheckStep c) {
        Item f = item(c.feature());
        if (c.index() >= f.steps.length) {
            throw new Refused(InvalidInputException.class);
        }
        if (f.steps[c.index()] == c.done()) {
            return;
        }
        session(c.session());
        f.steps[c.index()] = c.done();
    }

    private void addEdge(Item from, Item to, DependencyKind kind) {
        if (from == to) {
            throw new Refused(CycleException.class);
        }
        Edge edge = new Edge(from.number, to.number);
        if (edges.get(edge) == kind) {
            return;
        }
        if (kind == DependencyKind.BLOCKS && blocksPathExists(to.number, from.number)) {
            throw new Refused(CycleException.class);
        }
        edges.remove(edge);
        edges.put(edge, kind);
    }

    /** Whether following blocks edges from {@code start} reaches {@code goal}: a plain search. */
    private boolean blocksPathExists(int start, int goal) {
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            int at = todo.pop();
            if (at == goal) {
                return true;
            }
            if (seen.add(at)) {
                edges.forEach((e, k) -> {
                    if (e.dependent() == at && k == DependencyKind.BLOCKS) {
                        todo.push(e.dependency());
                    }
                });
            }
        }
        return false;
    }

    private List<Integer> expireLeases() {
        List<Integer> expired = new ArrayList<>();
        for (Item f : items) {
            if (f.claim != null && !f.claim.leaseUntil().isAfter(now)) {
                f.claim = null;
                expired.add(f.number);
            }
        }
        return expired;
    }

    private void endSession(String name) {
        if (ended.get(name)) {
            return;
        }
        List<Item> released = claimsOf(SessionId.of(name));
        released.forEach(f -> f.claim = null);
        releasedAtEnd.put(name, released);
        ended.put(name, true);
    }

    private void resumeSession(String name) {
        if (ended.get(name)) {
            for (Item f : releasedAtEnd.getOrDefault(name, List.of())) {
                if (f.status == Status.IN_PROGRESS && f.claim == null) {
                    f.claim = new Claim(SessionId.of(name), now, now.plus(LEASE));
                }
            }
        }
        ended.put(name, false);
    }

    private void touch(String name) {
        for (Item f : claimsOf(SessionId.of(name))) {
            if (Duration.between(now, f.claim.leaseUntil()).compareTo(LEASE.dividedBy(2)) <= 0) {
                f.claim = f.claim.renewedUntil(now.plus(LEASE));
            }
        }
    }
}
