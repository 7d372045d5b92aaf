package dev.ijoka.claude;

import static dev.ijoka.fuzzing.FuzzJson.BOOL;
import static dev.ijoka.fuzzing.FuzzJson.TEXT;
import static dev.ijoka.fuzzing.FuzzJson.arr;
import static dev.ijoka.fuzzing.FuzzJson.obj;
import static dev.ijoka.fuzzing.FuzzJson.oneOf;
import static dev.ijoka.fuzzing.FuzzJson.words;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.fuzzing.FuzzJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes a hook's stdin (docs/fuzzing.md) through {@link HookMain#run}, the whole run of {@code ijoka hook}
 * but the process: the event is read, parsed and recorded in a real SQLite file. Whatever comes in, the run
 * returns normally (the process exits 0), stdout carries one hook answer (a JSON object) or nothing, and a
 * refused event is said in words on stderr, not as an internal exception, and records nothing.
 */
class HookFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FuzzJson.Shape TOOL_INPUT = obj(
            "file_path", oneOf(words("src/Main.java", "/etc/passwd", "../outside.txt", ""), TEXT),
            "notebook_path", TEXT,
            "path", TEXT,
            "paths", arr(TEXT, 3),
            "command", oneOf(words("git commit -m x", "echo \"git commit\"", "ls", "git -C /tmp commit -m y"), TEXT),
            "content", TEXT,
            "old_string", TEXT,
            "new_string", TEXT);

    private static final FuzzJson.Shape PAYLOAD = obj(
            "session_id", words("claude-abc", "claude-def", "", " ", "x"),
            "transcript_path", words("/tmp/t.jsonl"),
            "cwd", words("PROJECT", "/", "/nowhere", ""),
            "hook_event_name", words("SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "PostToolUseFailure",
                    "Stop", "SubagentStop", "SessionEnd", "PreCompact", "Notification"),
            "source", words("startup", "resume", "clear", "compact"),
            "reason", words("clear", "logout", "prompt_input_exit", "other"),
            "prompt", TEXT,
            "tool_name", words("Edit", "Write", "MultiEdit", "NotebookEdit", "Bash", "Read", "Grep",
                    "mcp__ijoka__ijoka_start_feature"),
            "tool_input", TOOL_INPUT,
            "tool_response", oneOf(obj("success", BOOL, "is_error", BOOL, "error", TEXT, "stdout", TEXT), TEXT),
            "error", TEXT,
            "is_interrupt", BOOL,
            "trigger", words("manual", "auto"),
            "stop_hook_active", BOOL);

    private static Path dir;
    private static Path project;
    private static Map<String, String> env;
    private static Ijoka ijoka;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("ijoka-hook-fuzz-");
        project = Files.createDirectories(dir.resolve("project"));
        String store = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        env = Map.of("IJOKA_DB", store, "IJOKA_HOME", dir.resolve("home").toString(),
                "CLAUDE_PROJECT_DIR", project.toString());
        ijoka = Ijoka.builder().store(store).build();
        ijoka.features().create(ijoka.projects().open(project).id(), NewFeature.of("Login", Category.FUNCTIONAL));
    }

    @AfterAll
    static void stop() throws IOException {
        ijoka.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Any bytes on stdin. */
    @FuzzTest(maxDuration = "5m")
    void stdinBytes(byte[] stdin) {
        run(stdin);
    }

    /** A hook event shaped as Claude Code sends them, straying from that now and then. */
    @FuzzTest(maxDuration = "5m")
    void events(FuzzedDataProvider data) {
        Object payload = new FuzzJson(data).build(PAYLOAD);
        String text = JSON.writeValueAsString(payload).replace("\"PROJECT\"", JSON.writeValueAsString(project.toString()));
        run(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void run(byte[] stdin) {
        long mark = ijoka.events().lastSequence();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        HookMain.run(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, project);

        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        if (!stdout.isBlank()) {
            JsonNode answer = JSON.readTree(stdout);
            assertThat(answer.isObject()).as("stdout is one hook answer: %s", stdout).isTrue();
            assertThat(stdout.strip()).as("one line").doesNotContain("\n");
        }
        if (!stderr.isBlank()) {
            assertThat(stderr).as("a refusal is said in words, not as an internal error")
                    .startsWith("ijoka hook: ")
                    .doesNotContain("Exception", "\tat ");
            assertThat(ijoka.events().lastSequence()).as("a refused event records nothing: %s", stderr).isEqualTo(mark);
        }
    }
}
