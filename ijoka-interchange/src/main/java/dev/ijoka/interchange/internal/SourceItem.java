package dev.ijoka.interchange.internal;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One feature as a reader found it in a file, in Ijoka's terms, before it is matched against the
 * project: what every format's reader produces and the planner consumes.
 *
 * @param id the item's id in the file ({@code 3}, {@code 3.1}, {@code bd-a1b2}; a position where the format has none)
 * @param where how messages name the item, e.g. {@code task 3 (line 17)}
 * @param parentId the file id of its parent, if any
 * @param dependencies what it depends on, by file id
 */
public record SourceItem(String id, String where, NewFeature feature, Status status, @Nullable String blockReason,
        @Nullable String parentId, List<Edge> dependencies) {

    public SourceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(status, "status");
        dependencies = List.copyOf(dependencies);
    }

    /** The item depends on the item with file id {@code target}. */
    public record Edge(String target, DependencyKind kind) {
        public Edge {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
