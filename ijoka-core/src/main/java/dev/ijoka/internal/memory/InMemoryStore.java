package dev.ijoka.internal.memory;

import dev.ijoka.api.StoreHealth;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A complete store held in memory, for tests and throw-away work. Writes are serialised by a
 * read-write lock; a write that throws is undone step by step, so a failed command leaves no trace,
 * exactly as a rolled-back SQL transaction would.
 */
final class InMemoryStore implements Store {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<ProjectId, Project> projects = new LinkedHashMap<>();
    private final Map<ProjectId, ProjectIdentity> identities = new HashMap<>();
    /** Path to project, in the order the paths were first recorded. */
    private final Map<String, ProjectId> paths = new LinkedHashMap<>();
    private final Map<FeatureId, Feature> features = new HashMap<>();
    private final Map<ProjectId, TreeMap<Integer, FeatureId>> numbers = new HashMap<>();
    private final Map<ProjectId, List<Dependency>> edges = new HashMap<>();
    private final Map<FeatureId, List<Dependency>> out = new HashMap<>();
    private final Map<FeatureId, List<Dependency>> in = new HashMap<>();
    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private final Map<SessionId, Map<String, String>> sessionNotes = new LinkedHashMap<>();
    /** Agents' todo lists by session and feature, oldest change first (a change moves a list to the end). */
    private final Map<PlanKey, AgentPlan> plans = new LinkedHashMap<>();

    private record PlanKey(SessionId session, @Nullable FeatureId feature) {}
    private final Map<ProjectId, List<Insight>> insights = new HashMap<>();
    private final Map<RuleId, Rule> rules = new LinkedHashMap<>();
    private final List<Event> log = new ArrayList<>();
    private final Map<ProjectId, List<Event>> logByProject = new HashMap<>();
    private volatile boolean closed;

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        lock.writeLock().lock();
        Tx tx = new Tx();
        try {
            return work.apply(tx);
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(new Reader());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public ChangeFeed changeFeed() {
        return ChangeFeed.LOCAL_ONLY;
    }

    @Override
    public String describe() {
        return "in-memory store";
    }

    /** Memory has no schema and is always writable; only closing it makes it unusable. */
    @Override
    public StoreHealth health() {
        if (closed) {
            return StoreHealth.problem(describe(), StoreHealth.Condition.CLOSED, null, null, null,
                    "the in-memory store was closed: its data went with it", "start a new engine");
        }
        return StoreHealth.ok(describe(), null, null, true, "the in-memory store is open (its data lasts as long as the process)");
    }

    @Override
    public void close() {
        // Nothing to release: the data goes with the object. Health reports it closed from now on.
        closed = true;
    }

    private class Reader implements StoreReader {

        @Override
        public List<Project> projects() {
            return List.copyOf(projects.values());
        }

        @Override
        public Optional<Project> project(ProjectId id) {
            return Optional.ofNullable(projects.get(id));
        }

        @Override
        public Optional<Project> projectByRoot(String root) {
            return Optional.ofNullable(paths.get(root)).map(projects::get);
        }

        @Override
        public Optional<Project> projectByIdentity(ProjectIdentity identity) {
            return identities.entrySet().stream().filter(e -> e.getValue().equals(identity))
                    .map(e -> projects.get(e.getKey())).findFirst();
        }

        @Override
        public Optional<ProjectIdentity> projectIdentity(ProjectId project) {
            return Optional.ofNullable(identities.get(project));
        }

        @Override
        public List<String> projectPaths(ProjectId project) {
            return paths.entrySet().stream().filter(e -> e.getValue().equals(project)).map(Map.Entry::getKey).toList();
        }

        @Override
        public Optional<Feature> feature(FeatureId id) {
            return Optional.ofNullable(features.get(id));
        }

        @Override
        public Optional<Feature> featureByNumber(ProjectId project, int number) {
            TreeMap<Integer, FeatureId> byNumber = numbers.get(project);
            FeatureId id = byNumber == null ? null : byNumber.get(number);
            return id == null ? Optional.empty() : Optional.of(features.get(id));
        }

        @Override
        public List<Feature> features(ProjectId project) {
            TreeMap<Integer, FeatureId> byNumber = numbers.get(project);
            if (byNumber == null) {
                return List.of();
            }
            List<Feature> result = new ArrayList<>(byNumber.size());
            byNumber.values().forEach(id -> result.add(features.get(id)));
            return result;
        }

        @Override
        public List<Feature> features(ProjectId project, Status status, int limit) {
            return features(project).stream().filter(f -> f.status() == status).limit(limit).toList();
        }

        @Override
        public int countInProgress(ProjectId project, @Nullable SessionId claimedBy) {
            return (int) features(project).stream()
                    .filter(f -> f.status() == Status.IN_PROGRESS)
                    .filter(f -> claimedBy == null || (f.claim() != null && f.claim().isHeldBy(claimedBy)))
                    .count();
        }

        @Override
        public List<Feature> featuresClaimedBy(SessionId session) {
            return features.values().stream()
                    .filter(f -> f.claim() != null && f.claim().isHeldBy(session))
                    .sorted(Comparator.comparing(Feature::number))
                    .toList();
        }

        @Override
        public List<Feature> featuresWithLeaseBefore(Instant instant) {
            return features.values().stream()
                    .filter(f -> f.claim() != null && !f.claim().leaseUntil().isAfter(instant))
                    .sorted(Comparator.comparing(Feature::number))
                    .toList();
        }

        @Override
        public Map<FeatureId, Status> statuses(Collection<FeatureId> ids) {
            Map<FeatureId, Status> result = new HashMap<>();
            for (FeatureId id : ids) {
                Feature f = features.get(id);
                if (f != null) {
                    result.put(id, f.status());
                }
            }
            return result;
        }

        @Override
        public List<Feature> ready(ProjectId project, int limit) {
            return features(project).stream()
                    .filter(f -> f.status() == Status.PENDING)
                    .filter(f -> out.getOrDefault(f.id(), List.of()).stream()
                            .noneMatch(d -> d.kind() == dev.ijoka.domain.DependencyKind.BLOCKS
                                    && features.get(d.dependency()).status() != Status.COMPLETE))
                    .sorted(Comparator.comparingInt(Feature::priority).reversed().thenComparingInt(Feature::number))
                    .limit(limit)
                    .toList();
        }

        @Override
        public int countReady(ProjectId project) {
            return ready(project, Integer.MAX_VALUE).size();
        }

        @Override
        public dev.ijoka.domain.Progress progress(ProjectId project) {
            int[] counts = new int[Status.values().length];
            features(project).forEach(f -> counts[f.status().ordinal()]++);
            return new dev.ijoka.domain.Progress(counts[0], counts[1], counts[2], counts[3]);
        }

        @Override
        public List<Dependency> dependencies(ProjectId project) {
            return List.copyOf(edges.getOrDefault(project, List.of()));
        }

        @Override
        public List<Dependency> dependenciesOf(FeatureId dependent) {
            return List.copyOf(out.getOrDefault(dependent, List.of()));
        }

        @Override
        public List<Dependency> dependentsOf(FeatureId dependency) {
            return List.copyOf(in.getOrDefault(dependency, List.of()));
        }

        @Override
        public Optional<Session> session(SessionId id) {
            return Optional.ofNullable(sessions.get(id));
        }

        @Override
        public Optional<String> sessionNote(SessionId session, String name) {
            return Optional.ofNullable(sessionNotes.getOrDefault(session, Map.of()).get(name));
        }

        @Override
        public Optional<AgentPlan> agentPlan(SessionId session, @Nullable FeatureId feature) {
            return Optional.ofNullable(plans.get(new PlanKey(session, feature)));
        }

        @Override
        public List<AgentPlan> agentPlans(FeatureId feature) {
            return plans.values().stream().filter(p -> feature.equals(p.feature())).toList().reversed();
        }

        @Override
        public List<AgentPlan> agentPlans(ProjectId project) {
            return plans.values().stream().filter(p -> p.project().equals(project)).toList().reversed();
        }

        @Override
        public List<Session> sessions(ProjectId project) {
            return sessions.values().stream()
                    .filter(s -> s.project().equals(project))
                    .sorted(Comparator.comparing(Session::lastSeenAt).reversed())
                    .toList();
        }

        @Override
        public List<Insight> insights(ProjectId project) {
            return List.copyOf(insights.getOrDefault(project, List.of())).reversed();
        }

        @Override
        public Optional<Rule> rule(RuleId id) {
            return Optional.ofNullable(rules.get(id));
        }

        @Override
        public List<Rule> rules(ProjectId project) {
            return rules.values().stream().filter(r -> r.appliesTo(project)).toList();
        }

        @Override
        public long lastSequence() {
            return log.size();
        }

        @Override
        public List<Event> eventsAfter(long after, int limit) {
            int from = (int) Math.min(Math.max(after, 0), log.size());
            int to = (int) Math.min((long) from + limit, log.size());
            return List.copyOf(log.subList(from, to));
        }

        @Override
        public List<Event> events(EventQuery query) {
            List<Event> all = logByProject.getOrDefault(query.project(), List.of());
            List<Event> page = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && page.size() < query.limit(); i--) {
                Event e = all.get(i);
                if (query.matches(e)) {
                    page.add(e);
                }
            }
            return page;
        }
    }

    /** A write transaction: reads see its own writes; {@link #rollback} undoes them in reverse. */
    private final class Tx extends Reader implements StoreTransaction {

        private final Deque<Runnable> undo = new ArrayDeque<>();

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        @Override
        public void insertProject(Project project) {
            if (projects.putIfAbsent(project.id(), project) != null) {
                throw new IllegalStateException("project " + project.id() + " exists");
            }
            undo.push(() -> projects.remove(project.id()));
            recordProjectPath(project.id(), project.root());
        }

        @Override
        public void setProjectIdentity(ProjectId project, ProjectIdentity identity) {
            ProjectId holder = projectByIdentity(identity).map(Project::id).orElse(null);
            if (holder != null && !holder.equals(project)) {
                throw new IllegalStateException("identity " + identity + " belongs to project " + holder);
            }
            ProjectIdentity before = identities.put(project, identity);
            undo.push(() -> {
                if (before == null) {
                    identities.remove(project);
                } else {
                    identities.put(project, before);
                }
            });
        }

        @Override
        public void recordProjectPath(ProjectId project, String path) {
            ProjectId before = paths.get(path);
            if (project.equals(before)) {
                return;
            }
            if (before == null) {
                paths.put(path, project);
                undo.push(() -> paths.remove(path));
            } else {
                // Re-inserted, so that the path counts as newly seen for its new project.
                paths.remove(path);
                paths.put(path, project);
                undo.push(() -> {
                    paths.remove(path);
                    paths.put(path, before);
                });
            }
        }

        @Override
        public int nextFeatureNumber(ProjectId project) {
            TreeMap<Integer, FeatureId> byNumber = numbers.get(project);
            return byNumber == null || byNumber.isEmpty() ? 1 : byNumber.lastKey() + 1;
        }

        @Override
        public void insertFeature(Feature feature) {
            if (features.containsKey(feature.id())) {
                throw new IllegalStateException("feature " + feature.id() + " exists");
            }
            TreeMap<Integer, FeatureId> byNumber = numbers.computeIfAbsent(feature.project(), p -> new TreeMap<>());
            if (byNumber.containsKey(feature.number())) {
                throw new IllegalStateException("feature number " + feature.number() + " is taken");
            }
            features.put(feature.id(), feature);
            byNumber.put(feature.number(), feature.id());
            undo.push(() -> {
                features.remove(feature.id());
                byNumber.remove(feature.number());
            });
        }

        @Override
        public boolean updateFeature(Feature feature, long expectedVersion) {
            Feature stored = features.get(feature.id());
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            features.put(feature.id(), feature);
            undo.push(() -> features.put(stored.id(), stored));
            return true;
        }

        @Override
        public void insertDependency(Dependency d) {
            edges.computeIfAbsent(d.project(), p -> new ArrayList<>()).add(d);
            out.computeIfAbsent(d.dependent(), f -> new ArrayList<>()).add(d);
            in.computeIfAbsent(d.dependency(), f -> new ArrayList<>()).add(d);
            undo.push(() -> removeEdge(d));
        }

        @Override
        public boolean deleteDependency(FeatureId dependent, FeatureId dependency) {
            Optional<Dependency> found = out.getOrDefault(dependent, List.of()).stream()
                    .filter(d -> d.dependency().equals(dependency))
                    .findFirst();
            found.ifPresent(d -> {
                removeEdge(d);
                undo.push(() -> {
                    edges.computeIfAbsent(d.project(), p -> new ArrayList<>()).add(d);
                    out.computeIfAbsent(d.dependent(), f -> new ArrayList<>()).add(d);
                    in.computeIfAbsent(d.dependency(), f -> new ArrayList<>()).add(d);
                });
            });
            return found.isPresent();
        }

        private void removeEdge(Dependency d) {
            edges.getOrDefault(d.project(), new ArrayList<>()).remove(d);
            out.getOrDefault(d.dependent(), new ArrayList<>()).remove(d);
            in.getOrDefault(d.dependency(), new ArrayList<>()).remove(d);
        }

        @Override
        public void upsertSession(Session session) {
            Session previous = sessions.put(session.id(), session);
            undo.push(() -> {
                if (previous == null) {
                    sessions.remove(session.id());
                } else {
                    sessions.put(previous.id(), previous);
                }
            });
        }

        @Override
        public void putSessionNote(SessionId session, String name, String value) {
            Map<String, String> notes = sessionNotes.computeIfAbsent(session, k -> new LinkedHashMap<>());
            String previous = notes.put(name, value);
            undo.push(() -> {
                if (previous == null) {
                    notes.remove(name);
                } else {
                    notes.put(name, previous);
                }
            });
        }

        @Override
        public void putAgentPlan(AgentPlan plan) {
            PlanKey key = new PlanKey(plan.session(), plan.feature());
            List<Map.Entry<PlanKey, AgentPlan>> before = List.copyOf(plans.entrySet());
            plans.remove(key);
            if (!plan.items().isEmpty()) {
                plans.put(key, plan);
            }
            undo.push(() -> {
                plans.clear();
                before.forEach(e -> plans.put(e.getKey(), e.getValue()));
            });
        }

        @Override
        public void insertInsight(Insight insight) {
            List<Insight> list = insights.computeIfAbsent(insight.project(), p -> new ArrayList<>());
            list.add(insight);
            undo.push(() -> list.remove(list.size() - 1));
        }

        @Override
        public void upsertRule(Rule rule) {
            Rule previous = rules.put(rule.id(), rule);
            undo.push(() -> {
                if (previous == null) {
                    rules.remove(rule.id());
                } else {
                    rules.put(previous.id(), previous);
                }
            });
        }

        @Override
        public List<Event> append(List<Event> events) {
            List<Event> stored = new ArrayList<>(events.size());
            for (Event e : events) {
                Event withSeq = e.withSequence(log.size() + 1L);
                log.add(withSeq);
                List<Event> projectLog = logByProject.computeIfAbsent(e.project(), p -> new ArrayList<>());
                projectLog.add(withSeq);
                stored.add(withSeq);
                undo.push(() -> {
                    log.remove(log.size() - 1);
                    projectLog.remove(projectLog.size() - 1);
                });
            }
            return stored;
        }
    }
}
