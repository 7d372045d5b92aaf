package dev.ijoka.api;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.SessionId;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.graph.ValidationReport;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Questions about the dependency graph. Answers come from a snapshot of the project that is reused
 * until the log moves on, so asking again is cheap.
 */
public interface Plan {

    /** Pending features whose {@code blocks} dependencies are all complete, highest priority first. */
    List<Feature> ready(ProjectId project);

    /** The first {@code limit} of {@link #ready}: where no snapshot is held, only those are read. */
    List<Feature> ready(ProjectId project, int limit);

    /** How many features are {@link #ready}: where no snapshot is held, counted by the store without reading them. */
    int readyCount(ProjectId project);

    /**
     * What to work on next. For a session: the feature it is already working on if it holds one,
     * else the first ready feature, if the rules would let the session start it.
     */
    Optional<Feature> next(ProjectId project, @Nullable SessionId session);

    /** Every incomplete feature that stands in the way of this one, transitively, dependencies first. */
    List<Feature> blockedBy(FeatureRef feature);

    /** Everything downstream of this feature. */
    List<Feature> dependents(FeatureRef feature);

    /** What completing this feature would make ready. */
    List<Feature> unlockedBy(FeatureRef feature);

    /** The incomplete features in layers that can run in parallel, first layer first. */
    List<List<Feature>> waves(ProjectId project);

    /** The longest chain of incomplete {@code blocks} dependencies, first step first. */
    List<Feature> criticalPath(ProjectId project);

    /** Cycles and other problems of the whole graph (for imported data). */
    ValidationReport validate(ProjectId project);

    Progress progress(ProjectId project);

    /** The current snapshot, for views that draw the graph. */
    DependencyGraph graph(ProjectId project);
}
