package dev.ijoka.api;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.util.List;
import java.util.Optional;

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
}
