package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ijoka projects (with each project's identity) and ijoka projects link, on real git checkouts. */
class ProjectsCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void projectsShowsTheIdentityAndAnotherCloneOpensTheSameProject() throws Exception {
        git(cli.project, "init", "-q");
        git(cli.project, "remote", "add", "origin", "https://ann:ghp_secret@github.com/acme/shop.git");
        cli.ok("feature", "add", "User can log in");
        Path clone = repository("elsewhere/shop-2", "git@github.com:acme/shop.git");

        assertThat(cli.ok("feature", "list").out()).contains("User can log in");
        assertThat(cli.runIn(clone, "feature", "list").out()).as("the clone opens the same project").contains("User can log in");
        cli.runIn(clone, "feature", "add", "Dark mode");

        String table = cli.ok("projects").out();
        assertThat(table).contains("IDENTITY", "github.com/acme/shop").doesNotContain("ghp_secret");
        JsonNode projects = cli.ok("projects", "--json").json();
        assertThat(projects.size()).isEqualTo(1);
        JsonNode shop = projects.get(0);
        assertThat(shop.get("identity").asString()).isEqualTo("github.com/acme/shop");
        assertThat(shop.get("paths").size()).isEqualTo(2);
        assertThat(shop.get("paths").get(1).asString()).isEqualTo(clone.toRealPath().toString());
        assertThat(shop.get("progress").get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aDirectoryWithoutGitIsIdentifiedByItsPath() throws Exception {
        cli.ok("feature", "add", "Notes");
        JsonNode shop = cli.ok("projects", "--json").json().get(0);
        assertThat(shop.get("identity").asString()).isEqualTo(cli.project.toRealPath().toString());
    }

    @Test
    void linkMakesACheckoutWithAnotherRemoteOpenTheProject() throws Exception {
        git(cli.project, "init", "-q");
        git(cli.project, "remote", "add", "origin", "git@github.com:acme/shop.git");
        cli.ok("feature", "add", "User can log in");
        Path mirror = repository("mirror", null);
        git(mirror, "remote", "add", "upstream", "git@github.com:acme/shop.git");
        Path docs = Files.createDirectories(mirror.resolve("docs"));

        CliHarness.Result linked = cli.runIn(docs, "projects", "link", "shop");

        assertThat(linked.exit()).as(linked.toString()).isZero();
        assertThat(linked.out()).contains("Linked " + mirror.toRealPath(), "to project shop", "github.com/acme/shop");
        assertThat(cli.runIn(mirror, "feature", "list").out()).contains("User can log in");
        JsonNode shop = cli.ok("projects", "--json").json();
        assertThat(shop.size()).isEqualTo(1);
        assertThat(shop.get(0).get("paths").get(1).asString()).isEqualTo(mirror.toRealPath().toString());
    }

    @Test
    void linkTakesThePathOptionAndTheProjectsId() throws Exception {
        cli.ok("feature", "add", "Notes");
        String id = cli.ok("projects", "--json").json().get(0).get("id").asString();
        Path clone = repository("clone", null);

        cli.ok("projects", "link", id, "--path", clone.toString());

        assertThat(cli.runIn(clone, "feature", "list").out()).contains("Notes");
    }

    @Test
    void linkRefusesAnUnknownProjectAndAFolderThatIsNoCheckoutChangingNothing() throws Exception {
        cli.ok("feature", "add", "Notes");
        Path plain = Files.createDirectories(cli.root.resolve("plain"));
        Path clone = repository("clone", null);
        String before = cli.ok("projects", "--json").out();

        CliHarness.Result unknown = cli.runIn(clone, "projects", "link", "nope");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("there is no project 'nope'", "ijoka projects");

        CliHarness.Result notACheckout = cli.run("projects", "link", "shop", "--path", plain.toString());
        assertThat(notACheckout.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notACheckout.err()).contains(plain.toString(), "is not inside a git checkout");

        CliHarness.Result missing = cli.run("projects", "link", "shop", "--path", "no-such-dir");
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("is not a directory");

        assertThat(cli.ok("projects", "--json").out()).isEqualTo(before);
        assertThat(cli.ok("projects", "link", "--help").out()).contains("--path");
    }

    private Path repository(String path, String origin) throws Exception {
        Path dir = Files.createDirectories(cli.root.resolve(path));
        git(dir, "init", "-q");
        if (origin != null) {
            git(dir, "remote", "add", "origin", origin);
        }
        return dir;
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
