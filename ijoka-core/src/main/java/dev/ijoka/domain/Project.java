package dev.ijoka.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A code base, identified by its canonical root: the main worktree of its git repository, so that
 * every worktree of one repository shares one project, or the absolute directory without git.
 */
public record Project(ProjectId id, String name, String root, Instant createdAt) {

    public Project {
        Objects.requireNonNull(id, "id");
        Limits.requireText("project name", name, Limits.MAX_NAME);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
