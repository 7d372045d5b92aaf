package dev.ijoka.domain;

import java.util.Objects;

/** An edge of the plan: {@code dependent} depends on {@code dependency}. */
public record Dependency(ProjectId project, FeatureId dependent, FeatureId dependency, DependencyKind kind) {

    public Dependency {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(kind, "kind");
    }
}
