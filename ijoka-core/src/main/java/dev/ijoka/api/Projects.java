package dev.ijoka.api;

import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Projects: code bases known to the store. */
public interface Projects {

    /**
     * The project of a directory, registered on first use. Any directory inside a git repository or
     * any of its worktrees opens the same project: the one rooted at the main worktree.
     */
    Project open(Path directory);

    /** The project of a directory if it is registered; registers nothing. */
    Optional<Project> find(Path directory);

    /** @throws NotFoundException if there is no such project */
    Project get(ProjectId id);

    /** Every registered project, by name. */
    List<Project> list();

    /** The canonical root {@link #open} would use for the directory, without registering it. */
    Path canonicalRoot(Path directory);
}
