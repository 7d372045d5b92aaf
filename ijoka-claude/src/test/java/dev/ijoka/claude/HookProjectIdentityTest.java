package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A hook finds its project as every face does: a clone at another path lands on the project of its origin. */
class HookProjectIdentityTest {

    @TempDir
    Path dir;

    @Test
    void aSessionInASecondCloneWorksOnTheExistingProject() throws Exception {
        Path first = repository(dir.resolve("ann/src/shop"), "git@github.com:acme/shop.git");
        Path second = repository(dir.resolve("bob/code/shop"), "https://github.com/acme/shop");
        try (Ijoka engine = Ijoka.inMemory()) {
            Project shop = engine.projects().open(first);
            engine.features().create(shop.id(), NewFeature.of("Login form", Category.UI));
            HookHandler handler = new HookHandler(engine, Map.of(), Path.of("/nowhere"));

            ObjectNode p = JsonMapper.builder().build().createObjectNode();
            p.put("session_id", "bob-1");
            p.put("transcript_path", "/tmp/t.jsonl");
            p.put("cwd", Files.createDirectories(second.resolve("src")).toString());
            p.put("hook_event_name", "SessionStart");
            p.put("source", "startup");
            String out = handler.handle(p).orElseThrow();

            assertThat(out).contains("Login form");
            assertThat(engine.sessions().get(SessionId.of("bob-1")).project()).isEqualTo(shop.id());
            assertThat(engine.projects().list()).hasSize(1);
        }
    }

    private static Path repository(Path at, String origin) throws IOException, InterruptedException {
        Files.createDirectories(at);
        git(at, "init", "-q");
        git(at, "remote", "add", "origin", origin);
        return at;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "git is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", command, output).isZero();
    }
}
