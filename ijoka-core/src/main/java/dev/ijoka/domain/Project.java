package dev.ijoka.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A code base, registered at its canonical root: the main worktree of its git repository, so that
 * every worktree of one repository shares one project, or the absolute directory without git. Where
 * else it lives and what names it on every machine (its {@link ProjectIdentity}) the store keeps
 * beside it ({@code Projects.identity}, {@code Projects.paths}).
 */
public record Project(ProjectId id, String name, String root, Instant createdAt) {

    public Project {
        Objects.requireNonNull(id, "id");
        Limits.requireText("project name", name, Limits.MAX_NAME);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
