package dev.ijoka.api;

import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Projects: code bases known to the store.
 *
 * <p>Every face finds the project of a directory through {@link #open} or {@link #find}: first by the
 * identity of the checkout that holds it (its {@code origin} remote, {@link ProjectIdentity}), so that
 * a clone at another path or on another machine sharing the store opens the existing project; then by
 * the paths projects have been seen at. A project keeps every path it has been opened or linked at.
 */
public interface Projects {

    /**
     * The project of a directory, registered on first use. Any directory inside a git repository or
     * any of its worktrees opens the same project: the one rooted at the main worktree. A checkout whose
     * {@code origin} names a known project's repository opens that project wherever it is, and its path
     * is recorded for the project; a new project records its identity and its root.
     */
    Project open(Path directory);

    /** The project of a directory if it is registered, found as {@link #open} finds it; registers nothing. */
    Optional<Project> find(Path directory);

    /** @throws NotFoundException if there is no such project */
    Project get(ProjectId id);

    /** Every registered project, by name. */
    List<Project> list();

    /** The canonical root {@link #open} would use for the directory, without registering it. */
    Path canonicalRoot(Path directory);

    /** The project's identity; empty while unknown (registered before identities existed and not opened since). */
    Optional<ProjectIdentity> identity(ProjectId id);

    /** The paths the project has been opened or linked at, oldest first. */
    List<String> paths(ProjectId id);

    /**
     * Links the git checkout that holds {@code directory} to an existing project by hand: from then on
     * the checkout opens that project. For a checkout that {@link #open} cannot match by itself: no
     * {@code origin}, its remote under another name, or an {@code origin} spelled in a way not read.
     * When the checkout's {@code origin} names a repository and the project has no remote identity yet,
     * the project takes it.
     *
     * @throws NotFoundException if there is no such project
     * @throws InvalidInputException if the directory is not inside a git checkout, or the checkout's
     *     {@code origin} is another project's identity (it opens that project already)
     */
    Project link(ProjectId project, Path directory);
}
