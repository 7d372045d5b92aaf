package dev.ijoka.claude;

import dev.ijoka.domain.SessionId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hook hands to {@link HookHandler} of its process: the few environment variables it reads, and
 * the ids of the hook process's ancestors, by which the handler finds the session of the Claude Code
 * process the hook runs under. Computed in the hook process (the relay server's ancestors are not the
 * hook's) and sent with a relayed request. JDK classes only, beside {@link SessionId}: the relay client
 * uses it before anything heavy loads.
 */
final class HookEnvironment {

    /** The environment variable naming the project when the payload has no {@code cwd}. */
    static final String PROJECT_DIR = "CLAUDE_PROJECT_DIR";
    /** The environment variable in which Claude Code gives hooks and MCP servers its session id. */
    static final String SESSION = "CLAUDE_CODE_SESSION_ID";
    /** Not a variable of Claude Code's: the hook process's ancestors ({@link SessionId#ofAncestors}), comma-separated. */
    static final String PROCESSES = "IJOKA_HOOK_PROCESSES";
    /** Everything {@link HookHandler} reads. */
    static final List<String> NAMES = List.of(PROJECT_DIR, SESSION, PROCESSES);
    /** How many ancestors are looked at: the shell Claude Code runs a hook in, a wrapper or two, Claude Code. */
    static final int ANCESTORS = 6;

    private HookEnvironment() {}

    /** The variables {@link HookHandler} reads from {@code processEnvironment}, and this process's ancestors. */
    static Map<String, String> of(Map<String, String> processEnvironment) {
        return of(processEnvironment, ProcessHandle.current());
    }

    /**
     * The variables {@link HookHandler} reads from {@code processEnvironment}, and the ancestors of {@code hook}, the hook
     * process (none if it is gone): what the relay server computes for the launcher's bash client, which sends its own
     * process id, the id its JVM would have had.
     */
    static Map<String, String> of(Map<String, String> processEnvironment, java.util.@org.jspecify.annotations.Nullable Optional<ProcessHandle> hook) {
        return of(processEnvironment, hook == null ? null : hook.orElse(null));
    }

    private static Map<String, String> of(Map<String, String> processEnvironment, @org.jspecify.annotations.Nullable ProcessHandle hook) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of(PROJECT_DIR, SESSION)) {
            String value = processEnvironment.get(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        // A loop rather than a stream: a relayed hook's path has no lambda (docs/benchmarks.md, "Jars opened, not classes loaded").
        StringBuilder processes = new StringBuilder();
        for (SessionId id : hook == null ? List.<SessionId>of() : SessionId.ofAncestors(hook, ANCESTORS)) {
            if (!processes.isEmpty()) {
                processes.append(',');
            }
            processes.append(id.value());
        }
        out.put(PROCESSES, processes.toString());
        return out;
    }

    /** The ancestors' ids sent in {@code env}, parent first. */
    static List<SessionId> processes(Map<String, String> env) {
        List<SessionId> ids = new ArrayList<>();
        for (String p : env.getOrDefault(PROCESSES, "").split(",")) {
            sessionId(p).filter(SessionId::isProcess).ifPresent(ids::add);
        }
        return ids;
    }

    /** {@code text} as a session id, or empty when it cannot be one (blank, too long): a hint, never a failure. */
    static java.util.Optional<SessionId> sessionId(@org.jspecify.annotations.Nullable String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(SessionId.of(text.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
