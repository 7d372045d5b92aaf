package dev.ijoka.swing.internal.ui;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of events changed for a view of features (Board, Table): the shown project's features the
 * events name, and those features as they are now. Views reread only these, and reload whole above a limit.
 */
public final class ChangedFeatures {

    private ChangedFeatures() {}

    /** The features of {@code project} that the events name, in the order first named. */
    public static Set<FeatureId> in(ProjectId project, List<Event> events) {
        Set<FeatureId> ids = new LinkedHashSet<>();
        for (Event e : events) {
            if (project.equals(e.project()) && e.feature() != null) {
                ids.add(e.feature());
            }
        }
        return ids;
    }

    /** Those features as the store has them now (a deleted one is left out); a store call: never on the EDT. */
    public static List<Feature> read(Ijoka ijoka, Set<FeatureId> ids) {
        List<Feature> fresh = new ArrayList<>();
        for (FeatureId id : ids) {
            ijoka.features().find(id).ifPresent(fresh::add);
        }
        return fresh;
    }
}
