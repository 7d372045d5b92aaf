package dev.ijoka.graph;

import dev.ijoka.domain.FeatureId;
import java.util.List;

/**
 * The part of a plan worth drawing first ({@link DependencyGraph#focus(int)}): the best-ranked features in progress
 * and ready ones, their direct neighbours and the critical path, with the counts a view needs to say
 * truthfully what it shows and what it leaves out.
 *
 * @param shown the chosen features, in rank order, each once
 * @param inProgress the features in progress in the plan
 * @param inProgressShown how many of those are shown as in progress (the best-ranked, up to the limit asked for)
 * @param ready the ready features in the plan
 * @param readyShown how many of those are shown as ready (the best-ranked, up to the limit asked for)
 * @param neighbours features shown only because they are a direct neighbour (either kind, either direction)
 *     of a shown feature in progress or a shown ready one
 * @param criticalPath the length of the critical path
 * @param criticalPathShown the steps of the critical path that are shown, first step first: all of them, or its
 *     first ones when a limit was asked for
 * @param total the features in the plan
 */
public record Focus(
        List<FeatureId> shown, int inProgress, int inProgressShown, int ready, int readyShown, int neighbours, int criticalPath,
        List<FeatureId> criticalPathShown, int total) {

    public Focus {
        shown = List.copyOf(shown);
        criticalPathShown = List.copyOf(criticalPathShown);
    }
}
