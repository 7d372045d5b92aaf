package dev.ijoka.claude;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acts on one Claude Code hook event: records the agent's activity in its session and answers with
 * what Claude Code should add to the agent's context. Input shapes as Claude Code documents them
 * ({@code session_id}, {@code cwd}, {@code hook_event_name} and the event's own fields).
 *
 * <p>The handler throws on a store failure; {@link HookRun} turns every failure into a log line (and,
 * inside the relay, an answer that sends the hook down its direct path).
 *
 * <p>The environment it reads is {@link #PROJECT_DIR_VARIABLE} only; the relay forwards exactly that.
 */
public final class HookHandler {

    /** The agent name of sessions seen through hooks. */
    public static final String AGENT = "claude-code";
    /** The environment variable naming the project when the payload has no {@code cwd}: the one variable read here. */
    static final String PROJECT_DIR_VARIABLE = "CLAUDE_PROJECT_DIR";
    static final int MAX_PROMPT = 500;
    static final int MAX_MESSAGE = 500;
    private static final int NEXT_FEATURES = 3;
    private static final int TOP_INSIGHTS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern COMMIT_MESSAGE = Pattern.compile("(?:-m|--message)(?:\\s+|=)(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private final Ijoka engine;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Function<Path, Optional<String>> headCommit;

    /**
     * @param env the process environment ({@code CLAUDE_PROJECT_DIR})
     * @param workingDirectory the project directory when the payload names none
     * @param headCommit the sha of {@code HEAD} in a directory, if it can be read quickly
     */
    public HookHandler(Ijoka engine, Map<String, String> env, Path workingDirectory,
            Function<Path, Optional<String>> headCommit) {
        this.engine = engine;
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.headCommit = headCommit;
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
        SessionId session = SessionId.of(sessionText);
        return switch (event) {
            case "SessionStart" -> Optional.of(sessionStart(payload, session));
            case "UserPromptSubmit" -> {
                String prompt = Optional.ofNullable(text(payload, "prompt")).orElse("");
                record(payload, session, new EventPayload.PromptSubmitted(truncate(prompt, MAX_PROMPT)));
                yield Optional.empty();
            }
            case "PreToolUse" -> preToolUse(payload, session);
            case "PostToolUse" -> {
                postToolUse(payload, session);
                yield Optional.empty();
            }
            case "Stop" -> stopped(payload, session, "stop");
            case "SubagentStop" -> stopped(payload, session, "subagent_stop");
            case "PreCompact" -> stopped(payload, session, "pre_compact");
            case "SessionEnd" -> {
                Session s = ensureSession(payload, session);
                String reason = Optional.ofNullable(text(payload, "reason")).orElse("other");
                if (s.endedAt() == null) {
                    engine.sessions().end(session, truncate(reason, MAX_MESSAGE));
                }
                yield Optional.empty();
            }
            default -> throw new IllegalArgumentException("unknown hook event '" + event + "'");
        };
    }

    private String sessionStart(JsonNode payload, SessionId id) {
        Project project = project(payload);
        Session session = engine.sessions().start(project.id(), id, AGENT);
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
        for (Feature f : engine.plan().ready(project.id())) {
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

    private void postToolUse(JsonNode payload, SessionId id) {
        String tool = Optional.ofNullable(text(payload, "tool_name")).orElse("unknown");
        JsonNode input = payload.path("tool_input");
        record(payload, id, new EventPayload.ToolUsed(tool, files(input), success(payload.path("tool_response"))));
        String command = text(input, "command");
        if (tool.equals("Bash") && command != null && command.contains("git commit")) {
            Path dir = directory(payload);
            String sha = headCommit.apply(dir).orElse("unknown");
            record(payload, id, new EventPayload.CommitMade(sha, truncate(commitMessage(command), MAX_MESSAGE)));
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

    /** A tool succeeded unless its response says otherwise ({@code success: false}, an error). */
    static boolean success(JsonNode response) {
        if (!response.isObject()) {
            return true;
        }
        JsonNode success = response.path("success");
        if (success.isBoolean()) {
            return success.booleanValue();
        }
        if (response.path("is_error").isBoolean() && response.path("is_error").booleanValue()) {
            return false;
        }
        JsonNode error = response.path("error");
        return error.isMissingNode() || error.isNull() || (error.isString() && error.stringValue().isBlank());
    }

    /** The message of {@code git commit -m "..."}, or "" when the command has none. */
    static String commitMessage(String command) {
        Matcher m = COMMIT_MESSAGE.matcher(command.substring(command.indexOf("git commit")));
        if (!m.find()) {
            return "";
        }
        if (m.group(1) != null) {
            return m.group(1).replace("\\\"", "\"");
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isString() ? n.stringValue() : null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
