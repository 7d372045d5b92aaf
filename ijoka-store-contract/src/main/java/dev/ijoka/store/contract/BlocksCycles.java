package dev.ijoka.store.contract;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Finds a cycle of {@code blocks} edges the slow, obvious way: from every feature, search for a way back. */
final class BlocksCycles {

    private BlocksCycles() {}

    /** A feature that can reach itself over blocks edges, if there is one. */
    static Optional<FeatureId> featureOnACycle(Collection<Dependency> edges) {
        for (Dependency start : edges) {
            if (start.kind() == DependencyKind.BLOCKS && reaches(edges, start.dependency(), start.dependent())) {
                return Optional.of(start.dependent());
            }
        }
        return Optional.empty();
    }

    private static boolean reaches(Collection<Dependency> edges, FeatureId from, FeatureId goal) {
        Set<FeatureId> seen = new HashSet<>();
        Deque<FeatureId> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            FeatureId at = todo.pop();
            if (at.equals(goal)) {
                return true;
            }
            if (seen.add(at)) {
                for (Dependency d : edges) {
                    if (d.kind() == DependencyKind.BLOCKS && d.dependent().equals(at)) {
                        todo.push(d.dependency());
                    }
                }
            }
        }
        return false;
    }
}
