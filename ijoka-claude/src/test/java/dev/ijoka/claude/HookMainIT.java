package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code HookMain} as Claude Code runs it: a process per event, against a SQLite file. */
class HookMainIT {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err, long millis) {}

    private Run hook(String stdin) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), HookMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("IJOKA_DB", "jdbc:sqlite:" + tmp.resolve("ijoka.db"));
        pb.environment().put("IJOKA_HOME", tmp.resolve("home").toString());
        pb.environment().remove("CLAUDE_PROJECT_DIR");
        pb.redirectError(tmp.resolve("err.txt").toFile());
        long started = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run(p.exitValue(), out, Files.readString(tmp.resolve("err.txt")), millis);
    }

    private String payload(String event, String extra) {
        String cwd = JsonMapper.builder().build().writeValueAsString(tmp.resolve("project").toString());
        return "{\"session_id\":\"abc\",\"transcript_path\":\"/tmp/x.jsonl\",\"cwd\":" + cwd + ",\"hook_event_name\":\""
                + event + "\"" + extra + "}";
    }

    @Test
    void everyEventAgainstASqliteFile() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("project"));
        CommitsFromGitTest.git(repo, "init", "-q", "-b", "main");
        CommitsFromGitTest.git(repo, "-c", "user.name=Ann", "-c", "user.email=ann@example.com", "commit", "-q",
                "--allow-empty", "-m", "first");
        Run start = hook(payload("SessionStart", ",\"source\":\"startup\""));
        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(start.out()).as(start.err()).contains("\"hookEventName\":\"SessionStart\"").contains("additionalContext").contains("Progress");
        // The agent's commit, made after the session's first look at HEAD: what the Bash hook below records.
        CommitsFromGitTest.git(repo, "-c", "user.name=Ann", "-c", "user.email=ann@example.com", "commit", "-q",
                "--allow-empty", "-m", "wip");

        for (String p : List.of(
                payload("UserPromptSubmit", ",\"prompt\":\"add a login form\""),
                payload("PreToolUse", ",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"}"),
                payload("PostToolUse", ",\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"/p/a.java\"},\"tool_response\":{\"success\":true}"),
                payload("PostToolUse", ",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git commit -m 'wip'\"},\"tool_response\":{}"),
                payload("Stop", ",\"stop_hook_active\":false"),
                payload("SubagentStop", ""),
                payload("PreCompact", ",\"trigger\":\"manual\""),
                payload("SessionEnd", ",\"reason\":\"exit\""))) {
            Run r = hook(p);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(p).isEmpty();
        }

        try (Ijoka engine = Ijoka.builder().store("jdbc:sqlite:" + tmp.resolve("ijoka.db")).build()) {
            Project project = engine.projects().open(tmp.resolve("project"));
            List<EventType> types = engine.events()
                    .query(new EventQuery(project.id(), null, SessionId.of("abc"), Set.of(), Long.MAX_VALUE, 100))
                    .stream().map(Event::payload).map(e -> e.type()).toList().reversed();
            assertThat(types).containsSubsequence(EventType.SESSION_STARTED, EventType.PROMPT_SUBMITTED,
                    EventType.TOOL_USED, EventType.TOOL_USED, EventType.COMMIT_MADE, EventType.AGENT_STOPPED,
                    EventType.AGENT_STOPPED, EventType.AGENT_STOPPED, EventType.SESSION_ENDED);
            assertThat(engine.sessions().get(SessionId.of("abc")).endedAt()).isNotNull();
        }
    }

    @Test
    void garbageExitsZeroQuicklyWithNothingOnStdout() throws Exception {
        for (String garbage : List.of("", "not json at all", "[1,2,3]", "{\"hook_event_name\":\"Nope\",\"session_id\":\"x\"}",
                "{\"truncated\": ")) {
            Run r = hook(garbage);
            assertThat(r.exit()).as(garbage).isZero();
            assertThat(r.out()).as(garbage).isEmpty();
            assertThat(r.millis()).as(garbage).isLessThan(HookMain.TIME_LIMIT_MS + 2_000);
        }
    }

    @Test
    void anUnopenableStoreExitsZero() throws Exception {
        String bad = "jdbc:sqlite:" + tmp.resolve("no/such/dir" + File.separator + "x.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), HookMain.class.getName());
        pb.environment().put("IJOKA_DB", bad.replace("jdbc:sqlite:", "nosuchstore:"));
        Process p = pb.start();
        p.getOutputStream().write(payload("Stop", "").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).isEmpty();
    }
}
