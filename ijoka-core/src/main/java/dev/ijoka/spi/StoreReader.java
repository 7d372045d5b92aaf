package dev.ijoka.spi;

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
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The queries a store answers, inside a read or a write transaction. Lists are never null. */
public interface StoreReader {

    List<Project> projects();

    Optional<Project> project(ProjectId id);

    /**
     * The project seen at a path: the root it was registered at, or a path recorded for it since
     * ({@link StoreTransaction#recordProjectPath}). A path belongs to one project at a time.
     */
    Optional<Project> projectByRoot(String root);

    /** The project known by this identity (since schema version 3; none before it is filled). */
    Optional<Project> projectByIdentity(ProjectIdentity identity);

    /** The project's identity; empty while it is unknown (a project registered before identities existed). */
    Optional<ProjectIdentity> projectIdentity(ProjectId project);

    /** The paths the project has been seen at (its root first, unless another project took it since), oldest first. */
    List<String> projectPaths(ProjectId project);

    Optional<Feature> feature(FeatureId id);

    Optional<Feature> featureByNumber(ProjectId project, int number);

    /** Every feature of the project, ordered by number. */
    List<Feature> features(ProjectId project);

    /** The first {@code limit} of the project's features in one status, ordered by number. */
    List<Feature> features(ProjectId project, Status status, int limit);

    /**
     * One page of the project's features in one status in {@link dev.ijoka.domain.BoardOrder#of the Board's order}
     * (done work most recently completed first, the others highest priority first, then lowest number): the first
     * {@code offset} left out, at most {@code limit}. A Kanban column's page. This default sorts the whole status;
     * a store with a query language sorts and limits in the query.
     */
    default List<Feature> featuresInBoardOrder(ProjectId project, Status status, int offset, int limit) {
        List<Feature> all = features(project, status, Integer.MAX_VALUE).stream()
                .sorted(dev.ijoka.domain.BoardOrder.of(status)).toList();
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /**
     * One page of the project's features in any of {@code statuses} (every status when the set is empty), ordered
     * by number: the first {@code offset} left out, at most {@code limit}. This default reads the whole project; a
     * store with a query language limits in the query.
     */
    default List<Feature> featuresPage(ProjectId project, java.util.Set<Status> statuses, int offset, int limit) {
        List<Feature> all = features(project).stream()
                .filter(f -> statuses.isEmpty() || statuses.contains(f.status())).toList();
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /** How many of the project's features are in progress; with a session, only those it claims. */
    int countInProgress(ProjectId project, @Nullable SessionId claimedBy);

    /** Features claimed by the session, in any project. */
    List<Feature> featuresClaimedBy(SessionId session);

    /** Features whose claim's lease ends at or before the instant, in any project. */
    List<Feature> featuresWithLeaseBefore(java.time.Instant instant);

    /** Statuses of many features at once (missing ids are left out). */
    java.util.Map<FeatureId, Status> statuses(java.util.Collection<FeatureId> ids);

    /**
     * The project's ready features: pending, with every {@code blocks} dependency complete, highest
     * priority first, then lowest number; at most {@code limit}. The engine asks this instead of
     * loading the whole plan when a process needs one answer (a command-line call).
     */
    List<Feature> ready(ProjectId project, int limit);

    /** How many features {@link #ready} would give with no limit, counted without reading them. */
    int countReady(ProjectId project);

    /** Counts of the project's features by status. */
    dev.ijoka.domain.Progress progress(ProjectId project);

    /** Every edge of the project. */
    List<Dependency> dependencies(ProjectId project);

    /** Edges out of the feature: what it depends on. */
    List<Dependency> dependenciesOf(FeatureId dependent);

    /** Edges into the feature: what depends on it. */
    List<Dependency> dependentsOf(FeatureId dependency);

    /**
     * What {@code feature} waits for, without reading the whole plan: the features it reaches over {@code blocks}
     * edges and those edges ({@link BlocksReach}). A process that asks once (a command-line call) reads this instead
     * of building the plan's snapshot. This default walks {@link #dependenciesOf} one feature at a time; a SQL store
     * answers it with a recursive query.
     */
    default BlocksReach blocksReach(FeatureId feature) {
        java.util.Map<FeatureId, Feature> reached = new java.util.LinkedHashMap<>();
        List<Dependency> edges = new java.util.ArrayList<>();
        java.util.Set<FeatureId> seen = new java.util.HashSet<>(List.of(feature));
        java.util.Deque<FeatureId> toVisit = new java.util.ArrayDeque<>(List.of(feature));
        while (!toVisit.isEmpty()) {
            for (Dependency d : dependenciesOf(toVisit.pop())) {
                if (d.kind() != dev.ijoka.domain.DependencyKind.BLOCKS) {
                    continue;
                }
                edges.add(d);
                if (seen.add(d.dependency())) {
                    feature(d.dependency()).ifPresent(f -> reached.put(f.id(), f));
                    toVisit.push(d.dependency());
                }
            }
        }
        return new BlocksReach(List.copyOf(reached.values()), edges);
    }

    Optional<Session> session(SessionId id);

    /** The project's sessions, most recently seen first. */
    List<Session> sessions(ProjectId project);

    /**
     * A note kept under a session id: what the engine remembers about a session beside its row, such
     * as the session another id continues ({@code continues}) or the HEAD it last saw in a repository.
     * The id need not name a stored session.
     */
    Optional<String> sessionNote(SessionId session, String name);

    /**
     * A session's own todo list for a feature, or for none ({@code feature} null: the list it kept while it
     * held no feature); empty when it has none or an empty one.
     */
    Optional<dev.ijoka.domain.AgentPlan> agentPlan(SessionId session, @Nullable FeatureId feature);

    /** Every session's todo list kept against the feature, most recently changed first. */
    List<dev.ijoka.domain.AgentPlan> agentPlans(FeatureId feature);

    /** Every todo list of the project's sessions (with a feature or without), most recently changed first. */
    List<dev.ijoka.domain.AgentPlan> agentPlans(ProjectId project);

    /** The project's insights, newest first. */
    List<Insight> insights(ProjectId project);

    Optional<Rule> rule(RuleId id);

    /** The rules that apply to the project: its own and the global ones, oldest first. */
    List<Rule> rules(ProjectId project);

    /** The newest sequence number in the log, 0 when it is empty. */
    long lastSequence();

    /** Events of every project with a sequence above {@code after}, oldest first, at most {@code limit}. */
    List<Event> eventsAfter(long after, int limit);

    /** A page of one project's events, newest first. */
    List<Event> events(EventQuery query);
}
