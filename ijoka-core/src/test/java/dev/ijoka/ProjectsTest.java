package dev.ijoka;

import static dev.ijoka.event.EventType.PROJECT_REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.event.EventPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects are found by their canonical root (the directory, or the main worktree of its git repository),
 * and across paths by their identity: the normalized URL of the checkout's origin.
 */
class ProjectsTest {

    private final Ijoka ijoka = Ijoka.builder().store("memory:").clock(new MutableClock(Fixture.T0)).build();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        ijoka.close();
    }

    @Test
    void openingAPlainDirectoryRegistersItUnderItsRealPath() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));

        Project p = ijoka.projects().open(dir);

        assertThat(p.root()).isEqualTo(dir.toRealPath().toString());
        assertThat(p.name()).isEqualTo("shop");
        assertThat(p.createdAt()).isEqualTo(Fixture.T0);
        List<dev.ijoka.event.Event> log = ijoka.events().after(0, 10);
        assertThat(log).extracting(dev.ijoka.event.Event::type).containsExactly(PROJECT_REGISTERED);
        assertThat(log.getFirst().payload()).isEqualTo(new EventPayload.ProjectRegistered(p));
        assertThat(ijoka.projects().get(p.id())).isEqualTo(p);
    }

    @Test
    void reopeningReturnsTheSameProjectWithoutRegisteringAgain() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));
        Project first = ijoka.projects().open(dir);
        long mark = ijoka.events().lastSequence();

        Project again = ijoka.projects().open(dir.resolve(".").resolve("..").resolve("shop"));

        assertThat(again).isEqualTo(first);
        assertThat(ijoka.events().lastSequence()).isEqualTo(mark);
        assertThat(ijoka.projects().list()).containsExactly(first);
    }

    @Test
    void aSymlinkToADirectoryOpensTheSameProject() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here");
            return;
        }

        assertThat(ijoka.projects().open(link)).isEqualTo(ijoka.projects().open(dir));
    }

    @Test
    void findAndCanonicalRootRegisterNothing() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));

        assertThat(ijoka.projects().find(dir)).isEmpty();
        assertThat(ijoka.projects().canonicalRoot(dir)).isEqualTo(dir.toRealPath());
        assertThat(ijoka.projects().list()).isEmpty();
        assertThat(ijoka.events().lastSequence()).isZero();

        Project p = ijoka.projects().open(dir);
        assertThat(ijoka.projects().find(dir)).contains(p);
    }

    @Test
    void listIsOrderedByName() throws IOException {
        Project zoo = ijoka.projects().open(Files.createDirectory(tmp.resolve("zoo")));
        Project app = ijoka.projects().open(Files.createDirectory(tmp.resolve("app")));

        assertThat(ijoka.projects().list()).containsExactly(app, zoo);
    }

    @Test
    void aFileOrAMissingDirectoryIsNotAProject() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "hi");

        assertThatThrownBy(() -> ijoka.projects().open(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("is not a directory: give the directory of the code base");
        assertThatThrownBy(() -> ijoka.projects().open(tmp.resolve("missing")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownProjectIdIsNotFound() {
        assertThatThrownBy(() -> ijoka.projects().get(ProjectId.of("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("there is no project nope: list the projects to see their ids");
    }

    // --- git ----------------------------------------------------------------------------------------

    @Test
    void aDirectoryInsideAGitRepositoryOpensTheRepositorysProject() throws Exception {
        Path repo = Files.createDirectory(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Path deep = Files.createDirectories(repo.resolve("src/main/java"));

        Project p = ijoka.projects().open(deep);

        assertThat(p.root()).isEqualTo(repo.toRealPath().toString());
        assertThat(p.name()).isEqualTo("repo");
        assertThat(ijoka.projects().open(repo)).isEqualTo(p);
    }

    @Test
    void aLinkedWorktreeOpensTheMainWorktreesProject() throws Exception {
        Path main = Files.createDirectory(tmp.resolve("main"));
        git(main, "init", "-q");
        Files.writeString(main.resolve("README.md"), "hello\n");
        git(main, "add", "README.md");
        git(main, "commit", "-q", "-m", "first");
        Path worktree = tmp.resolve("feature-wt");
        git(main, "worktree", "add", "-q", "--detach", worktree.toString());
        assertThat(worktree.resolve(".git")).isRegularFile();
        Path inside = Files.createDirectories(worktree.resolve("src"));

        Project fromWorktree = ijoka.projects().open(inside);

        assertThat(fromWorktree.root()).isEqualTo(main.toRealPath().toString());
        assertThat(ijoka.projects().open(main)).isEqualTo(fromWorktree);
        assertThat(ijoka.projects().list()).hasSize(1);
    }

    @Test
    void aNestedRepositoryIsItsOwnProject() throws Exception {
        Path outer = Files.createDirectory(tmp.resolve("outer"));
        git(outer, "init", "-q");
        Path inner = Files.createDirectories(outer.resolve("vendor/inner"));
        git(inner, "init", "-q");

        assertThat(ijoka.projects().open(inner).root()).isEqualTo(inner.toRealPath().toString());
        assertThat(ijoka.projects().list()).hasSize(1);
    }

    // --- identity across machines ---------------------------------------------------------------------

    @Test
    void twoClonesOfOneRepositoryAtDifferentPathsOpenOneProject() throws Exception {
        Path here = clone("src/shop", "git@github.com:acme/shop.git");
        Path there = clone("code/shop", "https://dev:ghp_token@github.com/acme/shop/");

        Project first = ijoka.projects().open(here);
        Project second = ijoka.projects().open(Files.createDirectories(there.resolve("lib")));

        assertThat(second).isEqualTo(first);
        assertThat(ijoka.projects().list()).hasSize(1);
        assertThat(ijoka.projects().identity(first.id())).contains(new ProjectIdentity("github.com/acme/shop"));
        assertThat(ijoka.projects().paths(first.id()))
                .containsExactly(here.toRealPath().toString(), there.toRealPath().toString());
        assertThat(ijoka.projects().find(there)).contains(first);
        assertThat(ijoka.events().after(0, 10)).extracting(dev.ijoka.event.Event::type).containsExactly(PROJECT_REGISTERED);
    }

    @Test
    void aLinkedWorktreeOfACloneReadsTheMainRepositorysOrigin() throws Exception {
        Path main = clone("main", "https://github.com/acme/shop.git");
        git(main, "commit", "-q", "--allow-empty", "-m", "first");
        Path worktree = tmp.resolve("wt");
        git(main, "worktree", "add", "-q", "--detach", worktree.toString());
        Path other = clone("elsewhere", "ssh://git@github.com/acme/shop");

        Project p = ijoka.projects().open(worktree);

        assertThat(ijoka.projects().identity(p.id())).contains(new ProjectIdentity("github.com/acme/shop"));
        assertThat(ijoka.projects().open(other)).isEqualTo(p);
    }

    @Test
    void withoutAnOriginTheIdentityIsThePathAndAnOriginAddedLaterReplacesIt() throws Exception {
        Path repo = clone("shop", null);
        Project p = ijoka.projects().open(repo);
        assertThat(ijoka.projects().identity(p.id())).contains(new ProjectIdentity(repo.toRealPath().toString()));

        git(repo, "remote", "add", "origin", "git@github.com:acme/shop.git");
        assertThat(ijoka.projects().open(repo)).isEqualTo(p);

        assertThat(ijoka.projects().identity(p.id())).contains(new ProjectIdentity("github.com/acme/shop"));
        assertThat(ijoka.projects().open(clone("second", "https://github.com/acme/shop"))).isEqualTo(p);
    }

    @Test
    void aPlainDirectoryIsIdentifiedByItsPath() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("notes"));
        Project p = ijoka.projects().open(dir);
        assertThat(ijoka.projects().identity(p.id())).contains(new ProjectIdentity(dir.toRealPath().toString()));
        assertThat(ijoka.projects().identity(p.id()).orElseThrow().isRemote()).isFalse();
    }

    @Test
    void differentRepositoriesStayDifferentProjects() throws Exception {
        Project shop = ijoka.projects().open(clone("shop", "git@github.com:acme/shop.git"));
        Project fork = ijoka.projects().open(clone("fork", "git@github.com:someone/shop.git"));
        assertThat(fork.id()).isNotEqualTo(shop.id());
    }

    @Test
    void linkingACheckoutWithAnotherRemoteNameMakesItOpenTheProject() throws Exception {
        Project shop = ijoka.projects().open(clone("shop", "git@github.com:acme/shop.git"));
        Path mirror = clone("mirror", null);
        git(mirror, "remote", "add", "upstream", "git@github.com:acme/shop.git");

        Project linked = ijoka.projects().link(shop.id(), Files.createDirectories(mirror.resolve("docs")));

        assertThat(linked).isEqualTo(shop);
        assertThat(ijoka.projects().open(mirror)).isEqualTo(shop);
        assertThat(ijoka.projects().list()).hasSize(1);
        assertThat(ijoka.projects().paths(shop.id())).endsWith(mirror.toRealPath().toString());
        assertThat(ijoka.projects().identity(shop.id())).contains(new ProjectIdentity("github.com/acme/shop"));
    }

    @Test
    void linkingMovesAPathFromTheProjectItOpenedByMistake() throws Exception {
        Project shop = ijoka.projects().open(clone("shop", "git@github.com:acme/shop.git"));
        Path fresh = clone("fresh", null);
        Project mistake = ijoka.projects().open(fresh);

        ijoka.projects().link(shop.id(), fresh);

        assertThat(ijoka.projects().open(fresh)).isEqualTo(shop);
        assertThat(ijoka.projects().paths(mistake.id())).isEmpty();
    }

    @Test
    void linkingGivesAProjectWithoutARemoteTheCheckoutsOrigin() throws Exception {
        Project notes = ijoka.projects().open(Files.createDirectory(tmp.resolve("notes")));
        Path clone = clone("notes-clone", "https://github.com/acme/notes.git");

        ijoka.projects().link(notes.id(), clone);

        assertThat(ijoka.projects().identity(notes.id())).contains(new ProjectIdentity("github.com/acme/notes"));
        assertThat(ijoka.projects().open(clone("notes-elsewhere", "git@github.com:acme/notes"))).isEqualTo(notes);
    }

    @Test
    void linkingRefusesAnUnknownProjectAFolderThatIsNoCheckoutAndAnotherProjectsClone() throws Exception {
        Project shop = ijoka.projects().open(clone("shop", "git@github.com:acme/shop.git"));
        Project blog = ijoka.projects().open(clone("blog", "git@github.com:acme/blog.git"));
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        long mark = ijoka.events().lastSequence();

        assertThatThrownBy(() -> ijoka.projects().link(ProjectId.of("nope"), clone("x", null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("there is no project nope");
        assertThatThrownBy(() -> ijoka.projects().link(shop.id(), plain))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not inside a git checkout");
        assertThatThrownBy(() -> ijoka.projects().link(shop.id(), tmp.resolve("missing")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> ijoka.projects().link(shop.id(), tmp.resolve("blog")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("github.com/acme/blog")
                .hasMessageContaining(blog.id().value());

        assertThat(ijoka.projects().paths(shop.id())).containsExactly(tmp.resolve("shop").toRealPath().toString());
        assertThat(ijoka.projects().open(tmp.resolve("blog"))).isEqualTo(blog);
        assertThat(ijoka.events().lastSequence()).isEqualTo(mark);
    }

    /** A new repository at {@code tmp/<path>}, with an origin when one is given. */
    private Path clone(String path, String origin) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(path));
        git(dir, "init", "-q");
        if (origin != null) {
            git(dir, "remote", "add", "origin", origin);
        }
        return dir;
    }

    /** Runs git in {@code dir} with a clean environment; skips the test when git is not installed. */
    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Ijoka Test", "-c", "user.email=test@ijoka.dev",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
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
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", command).isTrue();
        assertThat(process.exitValue()).as("git %s failed: %s", command, output).isZero();
    }
}
