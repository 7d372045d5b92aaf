package dev.ijoka.swing.internal.window;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Project;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Add project…": registers a chosen folder through {@code ijoka.projects().open}, the call every face registers
 * projects with. The engine takes any directory (a worktree or a subdirectory opens its repository's project);
 * the window asks more of a folder a person picks from a dialog, which is easily the wrong one (home, Downloads):
 * it must be inside a git checkout. Anything else is refused with a message and nothing is registered.
 * Runs off the event-dispatch thread (it reads the disk and writes the store).
 */
final class ProjectRegistration {

    /** What became of a chosen folder. */
    sealed interface Outcome {
        record Registered(Project project) implements Outcome {}

        record Refused(String message) implements Outcome {}
    }

    private ProjectRegistration() {}

    static Outcome register(Ijoka ijoka, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(dir) && !insideGitCheckout(dir)) {
            return new Outcome.Refused(dir + " is not a code base: it is not inside a git repository. Choose your "
                    + "project's folder (the one holding .git), or run 'git init' there first. Nothing was registered.");
        }
        try {
            return new Outcome.Registered(ijoka.projects().open(dir));
        } catch (IjokaException e) {
            return new Outcome.Refused(e.getMessage()); // the engine's rule and message: e.g. not a directory
        }
    }

    /** A {@code .git} directory or file (a linked worktree, a submodule) here or in a parent. */
    static boolean insideGitCheckout(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }
}
