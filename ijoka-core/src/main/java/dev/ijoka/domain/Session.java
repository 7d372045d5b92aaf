package dev.ijoka.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One agent run: a Claude Code session seen through hooks, or one MCP connection.
 *
 * @param agent who runs it, e.g. {@code claude-code} or the MCP client's name
 * @param currentFeature the feature it works on, if any
 * @param eventCount how often it has been active: commands, tool uses, prompts and touches
 */
public record Session(
        SessionId id,
        ProjectId project,
        String agent,
        Instant startedAt,
        Instant lastSeenAt,
        @Nullable Instant endedAt,
        @Nullable FeatureId currentFeature,
        long eventCount) {

    /** Quiet for this long: idle. */
    public static final Duration IDLE_AFTER = Duration.ofMinutes(5);
    /** Quiet for this long: stale, probably gone without saying goodbye. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(30);

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        agent = Limits.requireText("agent", agent, Limits.MAX_NAME);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public SessionState state(Instant now) {
        if (endedAt != null) {
            return SessionState.ENDED;
        }
        Duration quiet = Duration.between(lastSeenAt, now);
        if (quiet.compareTo(STALE_AFTER) >= 0) {
            return SessionState.STALE;
        }
        return quiet.compareTo(IDLE_AFTER) >= 0 ? SessionState.IDLE : SessionState.ACTIVE;
    }

    public Session seen(Instant at) {
        return new Session(id, project, agent, startedAt, at, endedAt, currentFeature, eventCount + 1);
    }

    public Session working(@Nullable FeatureId feature) {
        return new Session(id, project, agent, startedAt, lastSeenAt, endedAt, feature, eventCount);
    }

    public Session ended(Instant at) {
        return new Session(id, project, agent, startedAt, at, at, null, eventCount + 1);
    }
}
