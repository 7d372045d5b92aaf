package dev.ijoka.api;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The edges of the plan. */
public interface Dependencies {

    /**
     * Records that {@code dependent} depends on {@code dependency}. Adding an edge that exists
     * returns it unchanged.
     *
     * @throws CycleException for a self-edge or a {@code blocks} edge that would close a cycle, naming it
     * @throws InvalidInputException if the features belong to different projects
     */
    Dependency add(FeatureRef dependent, FeatureRef dependency, DependencyKind kind, @Nullable SessionId session);

    /** @return whether there was such an edge */
    boolean remove(FeatureRef dependent, FeatureRef dependency, @Nullable SessionId session);

    /** What the feature depends on. */
    List<Dependency> of(FeatureRef feature);

    /** What depends on the feature. */
    List<Dependency> dependentsOf(FeatureRef feature);

    /** Every edge of the project. */
    List<Dependency> list(ProjectId project);
}
