package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClaudeInitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private void existing() throws Exception {
        Files.writeString(dir.resolve(".mcp.json"), """
                {"mcpServers": {"other": {"command": "other-server", "args": ["--x"]}}, "extra": 1}
                """);
        Files.createDirectories(dir.resolve(".claude"));
        Files.writeString(dir.resolve(".claude/settings.json"), """
                {"permissions": {"allow": ["Bash(mvn:*)"]},
                 "hooks": {"PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "fmt.sh"}]}],
                           "Notification": [{"hooks": [{"type": "command", "command": "notify.sh"}]}]}}
                """);
    }

    @Test
    void mergesAndKeepsEveryExistingEntry() throws Exception {
        existing();
        try (Ijoka engine = Ijoka.inMemory()) {
            ClaudeInit.Result result = ClaudeInit.run(engine, dir, false);
            assertThat(result.project()).isNotNull();
            assertThat(engine.projects().find(dir)).isPresent();
        }
        JsonNode mcp = JSON.readTree(Files.readString(dir.resolve(".mcp.json")));
        assertThat(mcp.path("extra").asInt()).isEqualTo(1);
        assertThat(mcp.path("mcpServers").path("other").path("command").stringValue()).isEqualTo("other-server");
        assertThat(mcp.path("mcpServers").path("ijoka").toString()).isEqualTo("{\"command\":\"ijoka\",\"args\":[\"mcp\"]}");

        JsonNode settings = JSON.readTree(Files.readString(dir.resolve(".claude/settings.json")));
        assertThat(settings.path("permissions").path("allow").get(0).stringValue()).isEqualTo("Bash(mvn:*)");
        JsonNode hooks = settings.path("hooks");
        assertThat(hooks.path("Notification").get(0).path("hooks").get(0).path("command").stringValue()).isEqualTo("notify.sh");
        assertThat(hooks.path("PostToolUse")).hasSize(2);
        assertThat(hooks.path("PostToolUse").get(0).path("hooks").get(0).path("command").stringValue()).isEqualTo("fmt.sh");
        assertThat(hooks.path("PostToolUse").get(1).toString())
                .isEqualTo("{\"matcher\":\"*\",\"hooks\":[{\"type\":\"command\",\"command\":\"ijoka hook\",\"timeout\":10}]}");
        for (String event : ClaudeInit.EVENTS) {
            assertThat(hooks.path(event).toString()).as(event).contains("ijoka hook");
        }
        assertThat(hooks.path("SessionStart").get(0).has("matcher")).isFalse();
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        existing();
        try (Ijoka engine = Ijoka.inMemory()) {
            ClaudeInit.run(engine, dir, false);
            String mcp = Files.readString(dir.resolve(".mcp.json"));
            String settings = Files.readString(dir.resolve(".claude/settings.json"));
            ClaudeInit.Result again = ClaudeInit.run(engine, dir, false);
            assertThat(again.changes()).noneMatch(ClaudeInit.FileChange::changed);
            assertThat(Files.readString(dir.resolve(".mcp.json"))).isEqualTo(mcp);
            assertThat(Files.readString(dir.resolve(".claude/settings.json"))).isEqualTo(settings);
        }
    }

    @Test
    void onASettingsFileWrittenBeforePostToolUseFailureARunAddsThatHookAndChangesNothingElse() throws Exception {
        Files.createDirectories(dir.resolve(".claude"));
        StringBuilder hooks = new StringBuilder();
        for (String event : java.util.List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "Stop",
                "SubagentStop", "PreCompact", "SessionEnd")) { // what ijoka init wrote before
            boolean tool = event.endsWith("ToolUse");
            hooks.append(hooks.isEmpty() ? "" : ",").append('"').append(event).append("\":[{")
                    .append(tool ? "\"matcher\":\"*\"," : "")
                    .append("\"hooks\":[{\"type\":\"command\",\"command\":\"ijoka hook\",\"timeout\":10}]}]");
        }
        Files.writeString(dir.resolve(".claude/settings.json"), "{\"model\":\"opus\",\"hooks\":{" + hooks + "}}");
        JsonNode before = JSON.readTree(Files.readString(dir.resolve(".claude/settings.json")));

        ClaudeInit.run(Ijoka.inMemory(), dir, false);

        JsonNode after = JSON.readTree(Files.readString(dir.resolve(".claude/settings.json")));
        assertThat(after.path("hooks").path("PostToolUseFailure").toString())
                .isEqualTo("[{\"matcher\":\"*\",\"hooks\":[{\"type\":\"command\",\"command\":\"ijoka hook\",\"timeout\":10}]}]");
        tools.jackson.databind.node.ObjectNode withoutIt = ((tools.jackson.databind.node.ObjectNode) after.deepCopy());
        ((tools.jackson.databind.node.ObjectNode) withoutIt.path("hooks")).remove(
                java.util.List.of("PostToolUseFailure", "TaskCreated", "TaskCompleted"));
        assertThat(withoutIt).isEqualTo(before);
    }

    @Test
    void anExistingSetUpGainsTheTaskEventsOnceAndTheUsersOwnHooksStayUntouched() throws Exception {
        Files.createDirectories(dir.resolve(".claude"));
        StringBuilder hooks = new StringBuilder();
        for (String event : java.util.List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse",
                "PostToolUseFailure", "Stop", "SubagentStop", "PreCompact", "SessionEnd")) { // Ijoka's set-up before issue 14
            boolean tool = event.contains("ToolUse");
            hooks.append(hooks.isEmpty() ? "" : ",").append('"').append(event).append("\":[")
                    .append(event.equals("PostToolUse") // the user's own hook on the todo tool, beside ours
                            ? "{\"matcher\":\"TodoWrite\",\"hooks\":[{\"type\":\"command\",\"command\":\"todo-log.sh\"}]}," : "")
                    .append("{").append(tool ? "\"matcher\":\"*\"," : "")
                    .append("\"hooks\":[{\"type\":\"command\",\"command\":\"ijoka hook\",\"timeout\":10}]}]");
        }
        hooks.append(",\"TaskCompleted\":[{\"hooks\":[{\"type\":\"command\",\"command\":\"check-tests.sh\"}]}]");
        Files.writeString(dir.resolve(".claude/settings.json"), "{\"model\":\"opus\",\"hooks\":{" + hooks + "}}");
        JsonNode before = JSON.readTree(Files.readString(dir.resolve(".claude/settings.json")));

        try (Ijoka engine = Ijoka.inMemory()) {
            ClaudeInit.run(engine, dir, false);
            String once = Files.readString(dir.resolve(".claude/settings.json"));
            JsonNode after = JSON.readTree(once);
            String ours = "{\"hooks\":[{\"type\":\"command\",\"command\":\"ijoka hook\",\"timeout\":10}]}";
            assertThat(after.path("hooks").path("TaskCreated").toString()).isEqualTo("[" + ours + "]");
            assertThat(after.path("hooks").path("TaskCompleted").toString()).as("the user's own hook first, then ours")
                    .isEqualTo("[{\"hooks\":[{\"type\":\"command\",\"command\":\"check-tests.sh\"}]}," + ours + "]");
            tools.jackson.databind.node.ObjectNode rest = (tools.jackson.databind.node.ObjectNode) after.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) rest.path("hooks")).remove("TaskCreated");
            ((tools.jackson.databind.node.ArrayNode) rest.path("hooks").path("TaskCompleted")).remove(1);
            assertThat(rest).as("everything else as it was, the user's TodoWrite hook included").isEqualTo(before);

            assertThat(ClaudeInit.run(engine, dir, false).changes()).noneMatch(ClaudeInit.FileChange::changed);
            assertThat(Files.readString(dir.resolve(".claude/settings.json"))).isEqualTo(once);
        }
    }

    @Test
    void createsTheFilesInAnEmptyProject() throws Exception {
        try (Ijoka engine = Ijoka.inMemory()) {
            ClaudeInit.run(engine, dir, false);
        }
        assertThat(Files.readString(dir.resolve(".mcp.json"))).contains("\"ijoka\"");
        assertThat(Files.readString(dir.resolve(".claude/settings.json"))).contains("\"SessionEnd\"");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        existing();
        String before = Files.readString(dir.resolve(".mcp.json"));
        try (Ijoka engine = Ijoka.inMemory()) {
            ClaudeInit.Result result = ClaudeInit.run(engine, dir, true);
            assertThat(result.project()).isNull();
            assertThat(result.changes()).allMatch(ClaudeInit.FileChange::changed);
            assertThat(ClaudeInit.describe(result.changes())).contains(".mcp.json: updated to").contains("ijoka hook");
            assertThat(engine.projects().find(dir)).isEmpty();
        }
        assertThat(Files.readString(dir.resolve(".mcp.json"))).isEqualTo(before);
        assertThat(Files.readString(dir.resolve(".claude/settings.json"))).doesNotContain("ijoka");
    }

    @Test
    void malformedFilesAreRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve(".mcp.json"), "{\"mcpServers\": {\"other\": ");
        try (Ijoka engine = Ijoka.inMemory()) {
            assertThatThrownBy(() -> ClaudeInit.run(engine, dir, false)).isInstanceOf(ClaudeInit.InitException.class)
                    .hasMessageContaining(".mcp.json is not valid JSON");
            assertThat(engine.projects().find(dir)).isEmpty();
        }
        assertThat(dir.resolve(".claude/settings.json")).doesNotExist();

        Files.writeString(dir.resolve(".mcp.json"), "[]");
        assertThatThrownBy(() -> ClaudeInit.plan(dir)).hasMessageContaining("is not a JSON object");
        Files.writeString(dir.resolve(".mcp.json"), "{\"mcpServers\": []}");
        assertThatThrownBy(() -> ClaudeInit.plan(dir)).hasMessageContaining("\"mcpServers\" is not a JSON object");
    }
}
