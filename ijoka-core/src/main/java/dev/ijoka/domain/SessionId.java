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
        // Neither a lambda nor an indy string concatenation: a relayed hook runs this on every tool call, and the JDK
        // spins classes for the first of each at run time, which no class-data archive keeps (docs/benchmarks.md).
        Optional<java.time.Instant> start = process.info().startInstant();
        if (start.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(new StringBuilder(48).append(PROCESS_PREFIX).append(process.pid()).append('@')
                .append(start.get().toEpochMilli()).toString()));
    }

    /** {@link #ofProcess} of the process's ancestors, its parent first, at most {@code depth} of them. */
    public static List<SessionId> ofAncestors(ProcessHandle process, int depth) {
        List<SessionId> ids = new ArrayList<>();
        Optional<ProcessHandle> at = process.parent();
        for (int i = 0; i < depth && at.isPresent(); i++) {
            Optional<SessionId> id = ofProcess(at.get());
            if (id.isPresent()) {
                ids.add(id.get());
            }
            at = at.get().parent();
        }
        return List.copyOf(ids);
    }

    /** Whether this id stands for a process rather than an agent session. */
    public boolean isProcess() {
        return value.startsWith(PROCESS_PREFIX);
    }

    // Written out for the reason FeatureId gives.
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
