package dev.ijoka.graph;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link DependencyGraph#validate()} found wrong with a graph, typically imported data. Every list
 * is immutable and in a deterministic order (priority desc, number asc of the features involved).
 *
 * @param cycles every strongly connected component of two or more features over BLOCKS edges, once
 * @param selfEdges edges of either kind from a feature to itself
 * @param duplicateEdges edges given more than once with the same kind (the graph keeps one)
 * @param stuckBehindCycles incomplete features, not themselves on a cycle or self edge, that depend
 *     through incomplete features on one, so they can never become ready ({@link
 *     DependencyGraph#waves()} leaves them out)
 */
public record ValidationReport(
        List<Cycle> cycles, List<Edge> selfEdges, List<DuplicateEdge> duplicateEdges, List<FeatureId> stuckBehindCycles) {

    public ValidationReport {
        cycles = List.copyOf(cycles);
        selfEdges = List.copyOf(selfEdges);
        duplicateEdges = List.copyOf(duplicateEdges);
        stuckBehindCycles = List.copyOf(stuckBehindCycles);
    }

    /** {@code dependent} depends on {@code dependency}. */
    public record Edge(FeatureId dependent, FeatureId dependency, DependencyKind kind) {
        public Edge {
            Objects.requireNonNull(dependent, "dependent");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A tangle of BLOCKS dependencies.
     *
     * @param path a closed path {@code [a, b, ..., a]}, each feature depending on the next, through
     *     {@code members.get(0)}; it need not visit every member
     * @param members every feature of the strongly connected component, at least two
     */
    public record Cycle(List<FeatureId> path, List<FeatureId> members) {
        public Cycle {
            path = List.copyOf(path);
            members = List.copyOf(members);
        }
    }

    /** An edge that was given {@code count} (at least two) times. */
    public record DuplicateEdge(Edge edge, int count) {
        public DuplicateEdge {
            Objects.requireNonNull(edge, "edge");
        }
    }

    /** True when nothing was found. */
    public boolean isValid() {
        return cycles.isEmpty() && selfEdges.isEmpty() && duplicateEdges.isEmpty() && stuckBehindCycles.isEmpty();
    }

    /** One human-readable sentence per finding, naming features by id; empty when {@link #isValid()}. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Cycle c : cycles) {
            String path = c.path().stream().map(FeatureId::value).collect(Collectors.joining(" -> "));
            String message = "dependency cycle: " + path + " (each depends on the next)";
            if (c.members().size() > c.path().size() - 1) {
                message += "; the cycle is part of a tangle of " + c.members().size() + " features: "
                        + c.members().stream().map(FeatureId::value).collect(Collectors.joining(", "));
            }
            out.add(message);
        }
        for (Edge e : selfEdges) {
            out.add("self edge: " + e.dependent() + " depends on itself (" + e.kind().wireName() + ")");
        }
        for (DuplicateEdge d : duplicateEdges) {
            Edge e = d.edge();
            out.add("duplicate edge: " + e.dependent() + " depends on " + e.dependency() + " ("
                    + e.kind().wireName() + ") " + d.count() + " times");
        }
        for (FeatureId f : stuckBehindCycles) {
            out.add(f + " can never become ready: it depends on a dependency cycle");
        }
        return List.copyOf(out);
    }
}
