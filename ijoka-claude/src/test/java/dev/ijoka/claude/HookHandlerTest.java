package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.ToolOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HookHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private Ijoka engine;
    private HookHandler handler;
    private Project project;

    @BeforeEach
    void setUp() {
        engine = Ijoka.inMemory();
        handler = new HookHandler(engine, Map.of(), Path.of("/nowhere"));
        project = engine.projects().open(dir);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private ObjectNode payload(String event, String session) {
        ObjectNode p = JSON.createObjectNode();
        p.put("session_id", session);
        p.put("transcript_path", "/tmp/t.jsonl");
        p.put("cwd", dir.toString());
        p.put("hook_event_name", event);
        return p;
    }

    private List<EventPayload> activity(String session) {
        return engine.events().query(new EventQuery(project.id(), null, SessionId.of(session), java.util.Set.of(), Long.MAX_VALUE, 100))
                .stream().map(Event::payload).toList().reversed();
    }

    private static String context(Optional<String> out, String event) {
        assertThat(out).isPresent();
        JsonNode specific = JSON.readTree(out.get()).path("hookSpecificOutput");
        assertThat(specific.path("hookEventName").stringValue()).isEqualTo(event);
        return specific.path("additionalContext").stringValue();
    }

    @Test
    void sessionStartReturnsCurrentAndNextFeaturesProgressRulesAndInsights() {
        Feature a = engine.features().create(project.id(), NewFeature.of("Login form", Category.UI));
        engine.features().create(project.id(), NewFeature.of("Password reset", Category.FUNCTIONAL));
        engine.features().create(project.id(), NewFeature.of("Audit log", Category.SECURITY));
        engine.rules().add(project.id(), new RuleSpec.Context("Run mvn verify before completing."), Enforcement.WARN);
        engine.insights().record(project.id(), NewInsight.of("SQLite needs WAL mode for concurrent readers", InsightKind.SOLUTION), null);
        engine.sessions().start(project.id(), SessionId.of("s1"), HookHandler.AGENT);
        engine.features().start(a.id(), SessionId.of("s1"));

        ObjectNode p = payload("SessionStart", "s1");
        p.put("source", "resume");
        String text = context(handler.handle(p), "SessionStart");

        assertThat(text).contains("Current feature: #1 Login form")
                .contains("Next ready:\n- #2 Password reset\n- #3 Audit log")
                .contains("Progress: 0/3 complete")
                .contains("- Run mvn verify before completing.")
                .contains("- SQLite needs WAL mode");
        assertThat(activity("s1")).anySatisfy(e -> assertThat(e).isInstanceOf(EventPayload.SessionStarted.class));
    }

    @Test
    void sessionStartOnAnEmptyProjectStillAnswers() {
        String text = context(handler.handle(payload("SessionStart", "s0")), "SessionStart");
        assertThat(text).contains("Progress: 0/0 complete").doesNotContain("Current feature");
        assertThat(engine.sessions().find(SessionId.of("s0"))).isPresent();
    }

    @Test
    void promptIsRecordedTruncatedAndUnknownSessionsAreStarted() {
        ObjectNode p = payload("UserPromptSubmit", "s2");
        p.put("prompt", "x".repeat(2_000));
        assertThat(handler.handle(p)).isEmpty();
        assertThat(engine.sessions().get(SessionId.of("s2")).agent()).isEqualTo("claude-code");
        assertThat(activity("s2")).filteredOn(EventPayload.PromptSubmitted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EventPayload.PromptSubmitted) e).prompt()).hasSizeLessThanOrEqualTo(500));
    }

    @Test
    void preToolUseReturnsMatchingRemindersOnly() {
        engine.rules().add(project.id(), new RuleSpec.Reminder("Edit", "**/*.sql", "Add a migration, never edit one."), Enforcement.WARN);
        ObjectNode p = payload("PreToolUse", "s3");
        p.put("tool_name", "Edit");
        p.putObject("tool_input").put("file_path", dir.resolve("db/schema.sql").toString());
        assertThat(context(handler.handle(p), "PreToolUse")).contains("Add a migration, never edit one.");

        ObjectNode other = payload("PreToolUse", "s3");
        other.put("tool_name", "Edit");
        other.putObject("tool_input").put("file_path", dir.resolve("Main.java").toString());
        assertThat(handler.handle(other)).isEmpty();
    }

    @Test
    void postToolUseRecordsToolFilesAndSuccess() {
        ObjectNode ok = payload("PostToolUse", "s4");
        ok.put("tool_name", "Write");
        ok.putObject("tool_input").put("file_path", "/p/a.txt");
        ok.putObject("tool_response").put("success", true);
        ObjectNode failed = payload("PostToolUse", "s4");
        failed.put("tool_name", "Read");
        failed.putObject("tool_input").put("file_path", "/p/b.txt");
        failed.putObject("tool_response").put("error", "no such file");

        assertThat(handler.handle(ok)).isEmpty();
        assertThat(handler.handle(failed)).isEmpty();

        assertThat(activity("s4")).filteredOn(EventPayload.ToolUsed.class::isInstance).containsExactly(
                new EventPayload.ToolUsed("Write", List.of("/p/a.txt"), true),
                new EventPayload.ToolUsed("Read", List.of("/p/b.txt"), false));
    }

    @Test
    void stopsAreRecordedByKind() {
        handler.handle(payload("Stop", "s6"));
        handler.handle(payload("SubagentStop", "s6"));
        ObjectNode compact = payload("PreCompact", "s6");
        compact.put("trigger", "auto");
        handler.handle(compact);
        assertThat(activity("s6")).filteredOn(EventPayload.AgentStopped.class::isInstance).containsExactly(
                new EventPayload.AgentStopped("stop"), new EventPayload.AgentStopped("subagent_stop"),
                new EventPayload.AgentStopped("pre_compact"));
    }

    @Test
    void sessionEndEndsTheSessionAndReleasesItsClaims() {
        Feature a = engine.features().create(project.id(), NewFeature.of("Login form", Category.UI));
        engine.sessions().start(project.id(), SessionId.of("s7"), HookHandler.AGENT);
        engine.features().start(a.id(), SessionId.of("s7"));
        ObjectNode p = payload("SessionEnd", "s7");
        p.put("reason", "logout");
        assertThat(handler.handle(p)).isEmpty();
        assertThat(engine.sessions().get(SessionId.of("s7")).endedAt()).isNotNull();
        assertThat(engine.features().get(a.id()).claim()).isNull();
        assertThat(activity("s7")).contains(new EventPayload.SessionEnded("logout"));
        // a second SessionEnd is harmless
        assertThat(handler.handle(p)).isEmpty();
    }

    @Test
    void unknownEventsAndBadPayloadsAreRefused() {
        assertThatThrownBy(() -> handler.handle(payload("Notification", "s8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.handle(JSON.createArrayNode())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.handle(JSON.createObjectNode())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postToolUseFailureIsAFailedToolUseAndAResponseThatCannotBeReadIsUnknown() {
        ObjectNode failure = payload("PostToolUseFailure", "s9");
        failure.put("tool_name", "Edit");
        failure.putObject("tool_input").put("file_path", "/p/c.txt");
        failure.put("error", "String to replace not found in file.");
        ObjectNode unread = payload("PostToolUse", "s9");
        unread.put("tool_name", "mcp__db__query");
        unread.putObject("tool_input");

        handler.handle(failure);
        handler.handle(unread);

        assertThat(activity("s9")).filteredOn(EventPayload.ToolUsed.class::isInstance).containsExactly(
                new EventPayload.ToolUsed("Edit", List.of("/p/c.txt"), ToolOutcome.FAILED),
                new EventPayload.ToolUsed("mcp__db__query", List.of(), ToolOutcome.UNKNOWN));
    }

    @Test
    void successAndFiles() {
        assertThat(HookHandler.outcome(JSON.readTree("{\"is_error\":true}"))).isEqualTo(ToolOutcome.FAILED);
        assertThat(HookHandler.outcome(JSON.readTree("{\"success\":false}"))).isEqualTo(ToolOutcome.FAILED);
        assertThat(HookHandler.outcome(JSON.readTree("{\"stdout\":\"ok\",\"stderr\":\"\"}"))).isEqualTo(ToolOutcome.SUCCEEDED);
        assertThat(HookHandler.outcome(JSON.readTree("\"plain text\""))).isEqualTo(ToolOutcome.SUCCEEDED);
        assertThat(HookHandler.outcome(JSON.readTree("null"))).isEqualTo(ToolOutcome.UNKNOWN);
        assertThat(HookHandler.outcome(JSON.createObjectNode().path("missing"))).isEqualTo(ToolOutcome.UNKNOWN);
        assertThat(HookHandler.outcome(JSON.readTree("42"))).isEqualTo(ToolOutcome.UNKNOWN);
        assertThat(HookHandler.files(JSON.readTree("{\"path\":\"src\",\"paths\":[\"a\",\"b\"]}"))).containsExactly("src", "a", "b");
    }
}
