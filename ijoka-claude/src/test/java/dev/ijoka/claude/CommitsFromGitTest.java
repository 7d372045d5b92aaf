package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commits are what git says, not what a command line mentions: real git repositories, and the hook
 * payloads Claude Code sends for Bash (PreToolUse, then PostToolUse or PostToolUseFailure, with
 * {@code tool_input.command} and {@code tool_response}).
 */
class CommitsFromGitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private Path repo;
    private Path other;
    private Ijoka engine;
    private HookHandler handler;
    private Project project;
    private Feature feature;

    @BeforeEach
    void setUp() throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        other = Files.createDirectories(dir.resolve("other"));
        for (Path r : List.of(repo, other)) {
            git(r, "init", "-q", "-b", "main");
            git(r, "config", "user.name", "Ann Agent");
            git(r, "config", "user.email", "ann@example.com");
            git(r, "config", "commit.gpgsign", "false");
            commit(r, "first");
        }
        engine = Ijoka.inMemory();
        handler = new HookHandler(engine, Map.of(), repo);
        project = engine.projects().open(repo);
        feature = engine.features().create(project.id(), NewFeature.of("Login form", Category.UI));
        handle(payload("SessionStart", null, null));
        engine.features().start(feature.id(), SessionId.of("s1"));
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void aCommitIsRecordedWithTheShaSubjectAndAuthorGitGivesAgainstTheClaimedFeature() throws Exception {
        bash("git commit -am 'ignored: git says what the subject is'", () -> commit(repo, "Add the login form"));

        List<Event> commits = events(EventType.COMMIT_MADE);
        assertThat(commits).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new EventPayload.CommitMade(head(repo), "Add the login form",
                    "Ann Agent <ann@example.com>"));
            assertThat(e.feature()).isEqualTo(feature.id());
            assertThat(e.session()).isEqualTo(SessionId.of("s1"));
        });
    }

    @Test
    void commandsThatOnlyMentionACommitRecordNone() throws Exception {
        bash("echo \"git commit\"", () -> { });
        bash("git commit --dry-run -m x", () -> { });
        bash("git status", () -> { });
        assertThat(events(EventType.COMMIT_MADE)).isEmpty();
        assertThat(events(EventType.TOOL_USED)).hasSize(3);
    }

    @Test
    void aCommitOfAnotherRepositoryIsNotTheSessionsAndAScriptsCommitsAreRecordedInOrder() throws Exception {
        bash("cd ../other && git commit -m elsewhere", () -> commit(other, "elsewhere"));
        bash("git -C ../other commit -m again", () -> commit(other, "again"));
        assertThat(events(EventType.COMMIT_MADE)).isEmpty();

        bash("make release", () -> {
            commit(repo, "Bump the version");
            commit(repo, "Tag the release");
        });
        assertThat(events(EventType.COMMIT_MADE)).extracting(e -> ((EventPayload.CommitMade) e.payload()).message())
                .containsExactly("Bump the version", "Tag the release");
    }

    @Test
    void anAmendIsARewriteOfHeadNotANewCommit() throws Exception {
        bash("git commit -m 'Add the form'", () -> commit(repo, "Add the form"));
        String before = head(repo);
        bash("git commit --amend -m 'Add the login form'", () -> git(repo, "commit", "-q", "--amend", "-m", "Add the login form"));

        assertThat(events(EventType.COMMIT_MADE)).hasSize(1);
        assertThat(events(EventType.HEAD_REWRITTEN)).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new EventPayload.HeadRewritten(before, head(repo), "Add the login form"));
            assertThat(e.feature()).isEqualTo(feature.id());
        });
    }

    @Test
    void aFailedBashThatCommittedStillRecordsItsCommitAndOnePostToolUseRecordsItOnce() throws Exception {
        handle(bashPayload("PreToolUse", "git commit -m wip && false", null));
        commit(repo, "wip");
        ObjectNode failure = bashPayload("PostToolUseFailure", "git commit -m wip && false", null);
        failure.put("error", "Exit code 1");
        handle(failure);
        handle(bashPayload("PostToolUse", "true", JSON.createObjectNode().put("stdout", "")));

        assertThat(events(EventType.COMMIT_MADE)).hasSize(1);
        assertThat(events(EventType.TOOL_USED)).extracting(e -> ((EventPayload.ToolUsed) e.payload()).success())
                .containsExactly(dev.ijoka.event.ToolOutcome.FAILED, dev.ijoka.event.ToolOutcome.SUCCEEDED);
    }

    @Test
    void withoutGitNothingIsRecordedAndTheNextLookStillFindsTheCommits() throws Exception {
        HookHandler noGit = new HookHandler(engine, Map.of(), repo, new Git(Duration.ofSeconds(1)) {
            @Override
            java.util.Optional<List<EventPayload.Activity>> moved(String repository, String from, String to) {
                return java.util.Optional.empty(); // git gave no answer in time
            }
        });
        commit(repo, "made while git was slow");
        noGit.handle(bashPayload("PostToolUse", "make", JSON.createObjectNode().put("stdout", "")));
        assertThat(events(EventType.COMMIT_MADE)).isEmpty();

        bash("true", () -> { });
        assertThat(events(EventType.COMMIT_MADE)).extracting(e -> ((EventPayload.CommitMade) e.payload()).message())
                .containsExactly("made while git was slow");
    }

    @Test
    void outsideARepositoryNothingIsRecorded() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        ObjectNode p = bashPayload("PostToolUse", "git commit -m x", JSON.createObjectNode().put("stdout", ""));
        p.put("cwd", plain.toString());
        handle(p);
        assertThat(events(EventType.COMMIT_MADE)).isEmpty();
        assertThat(events(EventType.HEAD_REWRITTEN)).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private interface Work {
        void run() throws Exception;
    }

    /** A Bash tool use as Claude Code reports it: PreToolUse, the command's effect, PostToolUse. */
    private void bash(String command, Work effect) throws Exception {
        handle(bashPayload("PreToolUse", command, null));
        effect.run();
        handle(bashPayload("PostToolUse", command, JSON.createObjectNode().put("stdout", "").put("stderr", "")
                .put("interrupted", false).put("isImage", false)));
    }

    private ObjectNode bashPayload(String event, String command, ObjectNode response) {
        ObjectNode p = payload(event, "Bash", null);
        p.putObject("tool_input").put("command", command).put("description", "run it");
        if (response != null) {
            p.set("tool_response", response);
        }
        p.put("tool_use_id", "toolu_01");
        return p;
    }

    private ObjectNode payload(String event, String tool, String source) {
        ObjectNode p = JSON.createObjectNode();
        p.put("session_id", "s1");
        p.put("transcript_path", "/tmp/t.jsonl");
        p.put("cwd", repo.toString());
        p.put("hook_event_name", event);
        if (tool != null) {
            p.put("tool_name", tool);
        }
        if (event.equals("SessionStart")) {
            p.put("source", source == null ? "startup" : source);
        }
        return p;
    }

    private void handle(ObjectNode payload) {
        handler.handle(payload);
    }

    private List<Event> events(EventType type) {
        return engine.events().query(new EventQuery(project.id(), null, SessionId.of("s1"), Set.of(type), Long.MAX_VALUE, 100))
                .reversed();
    }

    private static void commit(Path r, String subject) throws Exception {
        Files.writeString(r.resolve("file.txt"), subject + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        git(r, "add", "-A");
        git(r, "commit", "-q", "-m", subject);
    }

    private static String head(Path r) throws Exception {
        return git(r, "rev-parse", "HEAD").strip();
    }

    static String git(Path r, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(r.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
