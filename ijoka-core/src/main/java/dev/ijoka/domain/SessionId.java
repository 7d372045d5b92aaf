package dev.ijoka.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An agent session: Claude Code's {@code session_id}, or an id made for one MCP connection. */
public record SessionId(String value) {

    private static final String PROCESS_PREFIX = "process:";

    public SessionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a session id must not be blank");
        }
        Limits.checkLength("session id", value, Limits.MAX_NAME);
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /**
     * The id that stands for a running process, from its pid and start time (so that a reused pid is
     * another id): {@code process:<pid>@<start, epoch milliseconds>}. An {@code ijoka mcp} links its
     * own parent, the Claude Code process that started it, to its session; a hook looks up its
     * ancestors' ids to find the session of the Claude Code process it runs under.
     *
     * @return empty when the platform does not tell the process's start time
     */
    public static Optional<SessionId> ofProcess(ProcessHandle process) {
        return process.info().startInstant()
                .map(start -> new SessionId(PROCESS_PREFIX + process.pid() + "@" + start.toEpochMilli()));
    }

    /** {@link #ofProcess} of the process's ancestors, its parent first, at most {@code depth} of them. */
    public static List<SessionId> ofAncestors(ProcessHandle process, int depth) {
        List<SessionId> ids = new ArrayList<>();
        Optional<ProcessHandle> at = process.parent();
        for (int i = 0; i < depth && at.isPresent(); i++) {
            ofProcess(at.get()).ifPresent(ids::add);
            at = at.get().parent();
        }
        return List.copyOf(ids);
    }

    /** Whether this id stands for a process rather than an agent session. */
    public boolean isProcess() {
        return value.startsWith(PROCESS_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
