package dev.ijoka.internal.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Finds a directory's canonical project root without running git: the main worktree of the git
 * repository that contains it, or the directory itself outside git.
 *
 * <p>A linked worktree has a {@code .git} file pointing at {@code <main>/.git/worktrees/<name>},
 * whose {@code commondir} file leads back to the main repository's {@code .git} directory. A
 * submodule's {@code .git} file points into its superproject and has no {@code commondir}: the
 * submodule is a project of its own.
 */
final class ProjectRoots {

    private ProjectRoots() {}

    static Path canonicalRoot(Path directory) {
        Path start = real(directory.toAbsolutePath().normalize());
        for (Path at = start; at != null; at = at.getParent()) {
            Path dotGit = at.resolve(".git");
            if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                return at;
            }
            if (Files.isRegularFile(dotGit)) {
                Path main = mainWorktree(at, dotGit);
                return main != null ? main : at;
            }
        }
        return start;
    }

    private static @Nullable Path mainWorktree(Path worktree, Path dotGitFile) {
        try {
            String content = Files.readString(dotGitFile).strip();
            if (!content.startsWith("gitdir:")) {
                return null;
            }
            Path gitDir = worktree.resolve(content.substring("gitdir:".length()).strip()).normalize();
            Path commonDirFile = gitDir.resolve("commondir");
            if (!Files.isRegularFile(commonDirFile)) {
                return null;
            }
            Path common = real(gitDir.resolve(Files.readString(commonDirFile).strip()).normalize());
            return common.getFileName() != null && common.getFileName().toString().equals(".git") ? common.getParent() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path real(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p, e);
        }
    }
}
