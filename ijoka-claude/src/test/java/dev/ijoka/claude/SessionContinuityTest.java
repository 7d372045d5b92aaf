package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Claude Code session that goes on under a new id ({@code /clear}, a resume) stays one Ijoka session,
 * found through what the store holds: the link an {@code ijoka mcp} made from its Claude Code process to
 * its session, or the id in the hook's environment. A new Claude Code process is a new session.
 */
class SessionContinuityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SessionId CLAUDE = SessionId.of("process:4242@1700000000000");
    private static final SessionId OUTER_CLAUDE = SessionId.of("process:42@1600000000000");

    @TempDir
    Path dir;
    private Ijoka engine;
    private Project project;
    private Feature feature;

    @BeforeEach
    void setUp() {
        engine = Ijoka.inMemory();
        project = engine.projects().open(dir);
        feature = engine.features().create(project.id(), NewFeature.of("Login form", Category.UI));
        // What ijoka mcp does with CLAUDE_CODE_SESSION_ID=claude-abc: its session, linked from its parent, holds the claim.
        engine.sessions().start(project.id(), SessionId.of("claude-abc"), "claude-code");
        engine.sessions().link(CLAUDE, SessionId.of("claude-abc"));
        engine.features().start(feature.id(), SessionId.of("claude-abc"));
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void afterAClearTheNewIdContinuesTheSessionOfItsClaudeCodeProcessWithItsClaim() {
        HookHandler hooks = handler("claude-def", CLAUDE);
        ObjectNode end = payload("claude-abc", "SessionEnd").put("reason", "clear");
        hooks.handle(end);
        hooks.handle(payload("claude-def", "SessionStart").put("source", "clear"));
        hooks.handle(edit("claude-def"));

        assertThat(engine.sessions().get(SessionId.of("claude-abc")).endedAt()).as("not ended by the clear").isNull();
        assertThat(engine.sessions().find(SessionId.of("claude-def"))).isEmpty();
        assertThat(engine.sessions().resolve(SessionId.of("claude-def"))).isEqualTo(SessionId.of("claude-abc"));
        assertThat(engine.features().get(feature.id()).claim().session()).isEqualTo(SessionId.of("claude-abc"));
        assertThat(toolUses()).singleElement().satisfies(e -> {
            assertThat(e.session()).isEqualTo(SessionId.of("claude-abc"));
            assertThat(e.feature()).isEqualTo(feature.id());
        });
    }

    @Test
    void theIdInTheHooksEnvironmentIsContinuedWhenNoServerLinkedTheProcess() {
        HookHandler hooks = new HookHandler(engine, Map.of(HookEnvironment.SESSION, "claude-abc"), dir);
        hooks.handle(edit("claude-resumed"));
        assertThat(toolUses()).singleElement().satisfies(e -> assertThat(e.session()).isEqualTo(SessionId.of("claude-abc")));
    }

    @Test
    void aNewClaudeCodeProcessIsANewSessionEvenUnderALinkedOne() {
        HookHandler hooks = handler("claude-xyz", CLAUDE);
        hooks.handle(payload("claude-xyz", "SessionStart").put("source", "startup"));
        hooks.handle(edit("claude-xyz"));
        assertThat(toolUses()).singleElement().satisfies(e -> {
            assertThat(e.session()).isEqualTo(SessionId.of("claude-xyz"));
            assertThat(e.feature()).isNull();
        });
    }

    @Test
    void theNearestLinkedAncestorDecidesSoAClaudeCodeRunByAnotherKeepsToItsOwnSession() {
        engine.sessions().start(project.id(), SessionId.of("claude-inner"), "claude-code");
        SessionId inner = SessionId.of("process:777@1800000000000");
        engine.sessions().link(inner, SessionId.of("claude-inner"));
        HookHandler hooks = handler("claude-inner-2", inner, CLAUDE);
        hooks.handle(payload("claude-inner-2", "SessionStart").put("source", "clear"));
        assertThat(engine.sessions().resolve(SessionId.of("claude-inner-2"))).isEqualTo(SessionId.of("claude-inner"));
    }

    @Test
    void aClearWithoutAServerOfTheProcessEndsTheSessionAsBefore() {
        engine.sessions().start(project.id(), SessionId.of("claude-solo"), "claude-code");
        HookHandler hooks = handler("claude-solo", OUTER_CLAUDE);
        hooks.handle(payload("claude-solo", "SessionEnd").put("reason", "clear"));
        assertThat(engine.sessions().get(SessionId.of("claude-solo")).endedAt()).isNotNull();
    }

    private HookHandler handler(String envSession, SessionId... ancestors) {
        return new HookHandler(engine, Map.of(HookEnvironment.SESSION, envSession, HookEnvironment.PROCESSES,
                String.join(",", List.of(ancestors).stream().map(SessionId::value).toList())), dir);
    }

    private ObjectNode edit(String session) {
        ObjectNode p = payload(session, "PostToolUse").put("tool_name", "Edit");
        p.putObject("tool_input").put("file_path", dir.resolve("A.java").toString());
        p.putObject("tool_response").put("filePath", dir.resolve("A.java").toString());
        return p;
    }

    private ObjectNode payload(String session, String event) {
        ObjectNode p = JSON.createObjectNode();
        p.put("session_id", session);
        p.put("transcript_path", "/tmp/" + session + ".jsonl");
        p.put("cwd", dir.toString());
        p.put("hook_event_name", event);
        return p;
    }

    private List<Event> toolUses() {
        return engine.events().query(new EventQuery(project.id(), null, null, Set.of(EventType.TOOL_USED), Long.MAX_VALUE, 100));
    }
}
