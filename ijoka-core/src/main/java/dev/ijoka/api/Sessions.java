package dev.ijoka.api;

import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.TodoChange;
import java.util.Map;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Agent sessions, their activity, and the leases of their claims. */
public interface Sessions {

    /** Starts (or, if it exists, resumes) a session of {@code agent} on the project. */
    Session start(ProjectId project, SessionId id, String agent);

    /** @throws NotFoundException if there is no such session */
    Session get(SessionId id);

    Optional<Session> find(SessionId id);

    /** The project's sessions, most recently seen first. */
    List<Session> list(ProjectId project);

    /** Marks activity: renews the leases of the session's claims when they are half spent. */
    Session touch(SessionId id);

    /** Records what the agent did (prompt, tool use, commit, stop), linked to its current feature. */
    Session record(SessionId id, EventPayload.Activity activity);

    /** Ends the session and releases its claims; the features stay in progress for others to take. */
    Session end(SessionId id, String reason);

    /** Expires every lapsed lease (an event each) and returns the features it let go. */
    List<Feature> expireLeases();

    /**
     * The session an id stands for: the session it was {@link #link linked} to, else the id itself. A
     * Claude Code session that was cleared ({@code /clear}) or resumed under a new id goes on as the
     * session it continues, so its events and claims stay in one place.
     */
    SessionId resolve(SessionId id);

    /**
     * Records that {@code alias} names {@code session} from now on (following {@code session}'s own
     * link, if it has one). The alias need not be a stored session, and stays one name for it: linking
     * an id to itself, or to a session that stands for it, changes nothing.
     */
    void link(SessionId alias, SessionId session);

    /** The HEAD commit the session last saw in a repository (identified by its top-level directory), if it looked. */
    Optional<String> lastHead(SessionId session, String repository);

    /**
     * Moves the HEAD the session last saw in a repository, compare-and-set, and records what the move
     * meant ({@code activities}: commits gained, a rewrite) against the session's current feature, in one
     * transaction.
     *
     * @param expected the HEAD the caller read with {@link #lastHead}, {@code null} for none
     * @return false, changing nothing, when the stored HEAD is no longer {@code expected} (another hook
     *     of the session looked first)
     * @throws NotFoundException if there is no such session
     */
    boolean moveHead(SessionId session, String repository, @Nullable String expected, String head,
            List<EventPayload.Activity> activities);

    /**
     * Changes the session's own todo list (Claude Code's {@code TodoWrite} list or its tasks), kept
     * against the feature the session works on ({@link Session#currentFeature}), or against the session
     * alone when it works on none. Appends only what changed ({@code todo_added}, {@code todo_changed},
     * {@code todo_removed}): a list written again unchanged appends nothing. These are the agent's items,
     * never the feature's steps.
     *
     * @return the list as it is now
     * @throws NotFoundException if there is no such session
     * @throws InvalidInputException if the list would pass {@link dev.ijoka.domain.Limits#MAX_TODOS}
     */
    AgentPlan changeTodos(SessionId session, TodoChange change);

    /** The session's own todo list for the feature it works on now (or for none, when it works on none). */
    Optional<AgentPlan> todos(SessionId session);

    /**
     * The agent todo list a feature shows: of the lists sessions kept against it, the one most recently
     * changed (the list of the agent that works on it, unless another's changed later).
     */
    Optional<AgentPlan> featureTodos(FeatureId feature);

    /** Every todo list the project's sessions keep, with a feature or without, most recently changed first. */
    List<AgentPlan> todoLists(ProjectId project);

    /** {@link #featureTodos(FeatureId)} of every feature of the project that has a list, in one read. */
    Map<FeatureId, AgentPlan> featureTodos(ProjectId project);
}
