package dev.ijoka.claude;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.ToolOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acts on one Claude Code hook event: records the agent's activity in its session and answers with
 * what Claude Code should add to the agent's context. Input shapes as Claude Code documents them
 * ({@code session_id}, {@code cwd}, {@code hook_event_name} and the event's own fields).
 *
 * <p>One Claude Code session is one Ijoka session. {@code ijoka mcp} takes Claude Code's session id
 * ({@code CLAUDE_CODE_SESSION_ID}) as its own, so hook events land in the session that holds the
 * agent's claims. An id seen for the first time (after {@code /clear}, or a resume under a new id)
 * continues the session of the same Claude Code process, found through the store: the session the
 * hook's {@code CLAUDE_CODE_SESSION_ID} names, else the one an {@code ijoka mcp} linked its parent
 * process (the Claude Code process this hook also runs under) to. The direct path and the relay do
 * the same lookups on the same store, so they record the same thing.
 *
 * <p>Commits are what git says: after each Bash tool use (failed ones too) the handler asks git for the
 * HEAD of the repository of the payload's {@code cwd} and records the commits it gained since the
 * session last looked (or that it was rewritten), never what the command line merely mentions.
 *
 * <p>The handler throws on a store failure; {@link HookRun} turns every failure into a log line (and,
 * inside the relay, an answer that sends the hook down its direct path).
 *
 * <p>The environment it reads is {@link HookEnvironment}; the relay forwards exactly that.
 */
public final class HookHandler {

    /** The agent name of sessions seen through hooks. */
    public static final String AGENT = "claude-code";
    /** The environment variable naming the project when the payload has no {@code cwd}. */
    static final String PROJECT_DIR_VARIABLE = HookEnvironment.PROJECT_DIR;
    static final int MAX_PROMPT = 500;
    static final int MAX_MESSAGE = 500;
    private static final int NEXT_FEATURES = 3;
    private static final int TOP_INSIGHTS = 3;
    private static final JsonMapper JSON = HookRun.JSON;

    private final Ijoka engine;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Git git;

    /**
     * @param env the hook's environment, as {@link HookEnvironment#of} gives it
     * @param workingDirectory the project directory when the payload names none
     * @param git how git is asked about HEAD
     */
    HookHandler(Ijoka engine, Map<String, String> env, Path workingDirectory, Git git) {
        this.engine = engine;
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.git = git;
    }

    /** A handler that gives each git process a second. */
    public HookHandler(Ijoka engine, Map<String, String> env, Path workingDirectory) {
        this(engine, env, workingDirectory, new Git(java.time.Duration.ofSeconds(1)));
    }

    /**
     * Handles one event.
     *
     * @return what to print on stdout (a JSON object), or empty for nothing
     * @throws IllegalArgumentException if the payload is not a hook event this handler knows
     */
    public Optional<String> handle(JsonNode payload) {
        if (!payload.isObject()) {
            throw new IllegalArgumentException("a hook payload is a JSON object");
        }
        String event = text(payload, "hook_event_name");
        String sessionText = text(payload, "session_id");
        if (event == null || sessionText == null || sessionText.isBlank()) {
            throw new IllegalArgumentException("a hook payload needs hook_event_name and session_id");
        }
        // A SessionStart of a new Claude Code process ("startup") is a new session; any other first sight of
        // an id (a /clear, a resume, or an event whose SessionStart went missing) may continue one.
        boolean newProcess = event.equals("SessionStart") && "startup".equals(text(payload, "source"));
        SessionId session = sessionFor(SessionId.of(sessionText), !newProcess);
        return switch (event) {
            case "SessionStart" -> Optional.of(sessionStart(payload, session));
            case "UserPromptSubmit" -> {
                String prompt = Optional.ofNullable(text(payload, "prompt")).orElse("");
                record(payload, session, new EventPayload.PromptSubmitted(truncate(prompt, MAX_PROMPT)));
                yield Optional.empty();
            }
            case "PreToolUse" -> preToolUse(payload, session);
            case "PostToolUse" -> {
                toolUsed(payload, session, outcome(payload.path("tool_response")));
                changeTodos(session, TodoPayloads.afterToolUse(payload), payload);
                yield Optional.empty();
            }
            case "TaskCreated", "TaskCompleted" -> {
                ensureSession(payload, session);
                changeTodos(session, Optional.of(TodoPayloads.taskEvent(payload, event.equals("TaskCompleted"))), payload);
                yield Optional.empty();
            }
            case "PostToolUseFailure" -> {
                toolUsed(payload, session, ToolOutcome.FAILED);
                yield Optional.empty();
            }
            case "Stop" -> stopped(payload, session, "stop");
            case "SubagentStop" -> stopped(payload, session, "subagent_stop");
            case "PreCompact" -> stopped(payload, session, "pre_compact");
            case "SessionEnd" -> {
                Session s = ensureSession(payload, session);
                String reason = Optional.ofNullable(text(payload, "reason")).orElse("other");
                if (reason.equals("clear") && servedByMcp(session)) {
                    // The same Claude Code process goes on under a new id, which will continue this session.
                    engine.sessions().record(session, new EventPayload.AgentStopped("clear"));
                } else if (s.endedAt() == null) {
                    engine.sessions().end(session, truncate(reason, MAX_MESSAGE));
                }
                yield Optional.empty();
            }
            default -> throw new IllegalArgumentException("unknown hook event '" + event + "'");
        };
    }

    /**
     * The Ijoka session an id of Claude Code's stands for: the session it was linked to; itself, if it
     * is a session already; else, on first sight, the session of the same Claude Code process that it
     * continues (linked then, so that later hooks and the other path find it at once); else itself.
     */
    private SessionId sessionFor(SessionId id, boolean mayContinue) {
        SessionId resolved = engine.sessions().resolve(id);
        if (!resolved.equals(id) || !mayContinue || engine.sessions().find(id).isPresent()) {
            return resolved;
        }
        for (SessionId candidate : continued()) {
            SessionId target = engine.sessions().resolve(candidate);
            if (!target.equals(id) && !target.isProcess()
                    && engine.sessions().find(target).filter(s -> s.endedAt() == null).isPresent()) {
                engine.sessions().link(id, target);
                return target;
            }
        }
        return id;
    }

    /**
     * What a new id may continue: the id in the hook's environment, then the session of the nearest
     * ancestor an {@code ijoka mcp} linked (its Claude Code process; a farther one would be another Claude
     * Code that this one runs under).
     */
    private List<SessionId> continued() {
        List<SessionId> candidates = new ArrayList<>();
        HookEnvironment.sessionId(env.get(HookEnvironment.SESSION)).ifPresent(candidates::add);
        for (SessionId process : processes()) {
            if (!engine.sessions().resolve(process).equals(process)) {
                candidates.add(process);
                break;
            }
        }
        return candidates;
    }

    private List<SessionId> processes() {
        return HookEnvironment.processes(env);
    }

    /** Whether an {@code ijoka mcp} of the Claude Code process this hook runs under serves the session. */
    private boolean servedByMcp(SessionId session) {
        for (SessionId process : processes()) {
            SessionId target = engine.sessions().resolve(process);
            if (!target.equals(process)) {
                return target.equals(session);
            }
        }
        return false;
    }

    private String sessionStart(JsonNode payload, SessionId id) {
        Project project = project(payload);
        Session session = engine.sessions().start(project.id(), id, AGENT);
        lookAtHead(payload, id);
        String context = contextText(project, session);
        ObjectNode out = JSON.createObjectNode();
        ObjectNode specific = out.putObject("hookSpecificOutput");
        specific.put("hookEventName", "SessionStart");
        specific.put("additionalContext", context);
        return JSON.writeValueAsString(out);
    }

    /** The compact text an agent gets at session start. */
    String contextText(Project project, Session session) {
        StringBuilder b = new StringBuilder();
        b.append("Ijoka (project ").append(project.name()).append("): plan your work with the ijoka MCP tools.\n");
        Feature current = session.currentFeature() == null ? null
                : engine.features().find(session.currentFeature()).orElse(null);
        if (current != null) {
            b.append("Current feature: ").append(line(current)).append('\n');
        }
        List<Feature> next = new ArrayList<>();
        for (Feature f : engine.plan().ready(project.id(), NEXT_FEATURES + 1)) { // one more, should the current be among them
            if (current == null || !f.id().equals(current.id())) {
                next.add(f);
            }
            if (next.size() == NEXT_FEATURES) {
                break;
            }
        }
        if (!next.isEmpty()) {
            b.append("Next ready:\n");
            next.forEach(f -> b.append("- ").append(line(f)).append('\n'));
        }
        Progress p = engine.plan().progress(project.id());
        b.append("Progress: ").append(p.complete()).append('/').append(p.total()).append(" complete (")
                .append(p.percentComplete()).append("%), ").append(p.inProgress()).append(" in progress, ")
                .append(p.blocked()).append(" blocked, ").append(p.pending()).append(" pending\n");
        List<String> rules = engine.rules().contextFor(project.id(), session.id());
        if (!rules.isEmpty()) {
            b.append("Rules:\n");
            rules.forEach(r -> b.append("- ").append(r).append('\n'));
        }
        List<Insight> insights = engine.insights().top(project.id(), TOP_INSIGHTS);
        if (!insights.isEmpty()) {
            b.append("Insights:\n");
            insights.forEach(i -> b.append("- ").append(i.text()).append('\n'));
        }
        return b.toString().strip();
    }

    private static String line(Feature f) {
        StringBuilder b = new StringBuilder().append('#').append(f.number()).append(' ').append(f.description());
        if (!f.steps().isEmpty()) {
            b.append(" (steps ").append(f.stepsDone()).append('/').append(f.steps().size()).append(')');
        }
        return b.toString();
    }

    private Optional<String> preToolUse(JsonNode payload, SessionId id) {
        Session s = ensureSession(payload, id);
        String tool = Optional.ofNullable(text(payload, "tool_name")).orElse("");
        if (tool.equals("Bash")) {
            lookAtHead(payload, id); // the baseline before the command, if the session has none yet
        }
        List<String> reminders = engine.rules().remindersFor(s.project(), id, tool, files(payload.path("tool_input")));
        if (reminders.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode specific = out.putObject("hookSpecificOutput");
        specific.put("hookEventName", "PreToolUse");
        specific.put("additionalContext", "Ijoka reminders:\n- " + String.join("\n- ", reminders));
        return Optional.of(JSON.writeValueAsString(out));
    }

    private void toolUsed(JsonNode payload, SessionId id, ToolOutcome outcome) {
        String tool = Optional.ofNullable(text(payload, "tool_name")).orElse("unknown");
        record(payload, id, new EventPayload.ToolUsed(tool, files(payload.path("tool_input")), outcome));
        if (tool.equals("Bash")) {
            lookAtHead(payload, id);
        }
    }

    /**
     * Records what HEAD of the payload directory's repository did since the session last looked there:
     * the commits it gained, or that it was rewritten; nothing the first time (that look is the
     * baseline), when it did not move, or when git does not answer (unknown stays unknown, and the next
     * look tries again from the same baseline).
     */
    private void lookAtHead(JsonNode payload, SessionId id) {
        Optional<Git.Head> head = git.head(directory(payload));
        if (head.isEmpty()) {
            return;
        }
        String repository = head.get().repository();
        String now = head.get().sha();
        for (int attempt = 0; attempt < 2; attempt++) { // a concurrent hook of the session may move it first
            String last = engine.sessions().lastHead(id, repository).orElse(null);
            if (now.equals(last)) {
                return;
            }
            List<EventPayload.Activity> what = last == null ? List.of()
                    : git.moved(repository, last, now).orElse(null);
            if (what == null || engine.sessions().moveHead(id, repository, last, now, what)) {
                return;
            }
        }
    }

    /**
     * Mirrors a change of the agent's own todo list onto the feature its session holds (or the session
     * alone). A subagent's list (its events carry {@code agent_id}) is its own, not the session's: left out.
     */
    private void changeTodos(SessionId id, Optional<TodoChange> change, JsonNode payload) {
        String subagent = text(payload, "agent_id");
        if (change.isPresent() && (subagent == null || subagent.isBlank())) {
            engine.sessions().changeTodos(id, change.get());
        }
    }

    private Optional<String> stopped(JsonNode payload, SessionId id, String kind) {
        record(payload, id, new EventPayload.AgentStopped(kind));
        return Optional.empty();
    }

    private void record(JsonNode payload, SessionId id, EventPayload.Activity activity) {
        ensureSession(payload, id);
        engine.sessions().record(id, activity);
    }

    /** The session, started on first sight (a hook may see a session whose SessionStart it missed). */
    private Session ensureSession(JsonNode payload, SessionId id) {
        Optional<Session> known = engine.sessions().find(id);
        if (known.isPresent()) {
            return known.get();
        }
        return engine.sessions().start(project(payload).id(), id, AGENT);
    }

    private Project project(JsonNode payload) {
        return engine.projects().open(directory(payload));
    }

    private Path directory(JsonNode payload) {
        String cwd = text(payload, "cwd");
        if (cwd == null || cwd.isBlank()) {
            cwd = env.get(PROJECT_DIR_VARIABLE);
        }
        return cwd == null || cwd.isBlank() ? workingDirectory : Path.of(cwd).toAbsolutePath();
    }

    /** The files a tool's input names: {@code file_path}, {@code notebook_path}, {@code path}, {@code paths}. */
    static List<String> files(JsonNode input) {
        Set<String> files = new LinkedHashSet<>();
        for (String field : List.of("file_path", "notebook_path", "path")) {
            String f = text(input, field);
            if (f != null && !f.isBlank()) {
                files.add(f);
            }
        }
        JsonNode paths = input.path("paths");
        if (paths.isArray()) {
            for (JsonNode p : paths) {
                if (p.isString() && !p.stringValue().isBlank()) {
                    files.add(p.stringValue());
                }
            }
        }
        return List.copyOf(files);
    }

    /**
     * How a tool ended, from its {@code tool_response}: failed if the response says so ({@code success:
     * false}, {@code is_error}, an error); succeeded for any other response Claude Code sent (it sends
     * PostToolUse for tools that completed); unknown when there is no response to read.
     */
    static ToolOutcome outcome(JsonNode response) {
        if (response.isString() || response.isArray()) {
            return ToolOutcome.SUCCEEDED;
        }
        if (!response.isObject()) {
            return ToolOutcome.UNKNOWN; // missing, null, or a bare number or boolean: says nothing readable
        }
        JsonNode success = response.path("success");
        if (success.isBoolean()) {
            return ToolOutcome.of(success.booleanValue());
        }
        if (response.path("is_error").isBoolean() && response.path("is_error").booleanValue()) {
            return ToolOutcome.FAILED;
        }
        JsonNode error = response.path("error");
        boolean noError = error.isMissingNode() || error.isNull() || (error.isString() && error.stringValue().isBlank());
        return ToolOutcome.of(noError);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isString() ? n.stringValue() : null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
