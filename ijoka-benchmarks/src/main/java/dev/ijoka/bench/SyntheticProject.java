package dev.ijoka.bench;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import dev.ijoka.graph.DependencyGraph;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic project shared by the benchmarks: {@code size} features and {@code 2 × size}
 * {@code blocks} edges forming a realistic DAG. Generated from a fixed seed, so every run, fork and
 * benchmark sees exactly the same data.
 *
 * <ul>
 *   <li>Feature {@code i} (0-based) has number {@code i + 1} and a random UUID-shaped id; priority is
 *       uniform in 0–5.</li>
 *   <li>Edges always go from a higher index (the dependent) to a lower one (its dependency), so the
 *       graph is acyclic by construction. The dependent is uniform over the features; 90% of edges
 *       point to one of the previous 50 features (layered, long chains), 10% to any earlier feature
 *       (long-range). Repeated edges are redrawn, so there are exactly {@code 2 × size} distinct edges.</li>
 *   <li>Statuses follow the age of the feature, as in a real backlog: feature {@code i} is complete with
 *       probability {@code 0.8 × (1 − i / size)}, otherwise pending, in progress or blocked in the ratio
 *       45 : 10 : 5. Overall that is about 40% complete, 45% pending, 10% in progress, 5% blocked.</li>
 * </ul>
 */
final class SyntheticProject {

    /** The seed every benchmark uses. */
    static final long SEED = 20_240_601L;

    private static final int LOCAL_WINDOW = 50;
    private static final double LONG_RANGE_SHARE = 0.10;

    final int size;
    final FeatureId[] ids;
    /** Feature numbers, {@code i + 1}. */
    final int[] numbers;
    final int[] priorities;
    final Status[] statuses;
    final Category[] categories;
    /** Edge {@code e}: feature {@code dependents[e]} depends on feature {@code dependencies[e]} (indices). */
    final int[] dependents;
    final int[] dependencies;

    private SyntheticProject(int size, long seed) {
        if (size < 2) {
            throw new IllegalArgumentException("a synthetic project needs at least 2 features, got " + size);
        }
        this.size = size;
        SplittableRandom random = new SplittableRandom(seed);
        ids = new FeatureId[size];
        numbers = new int[size];
        priorities = new int[size];
        statuses = new Status[size];
        categories = new Category[size];
        Category[] allCategories = Category.values();
        for (int i = 0; i < size; i++) {
            ids[i] = new FeatureId(new UUID(random.nextLong(), random.nextLong()).toString());
            numbers[i] = i + 1;
            priorities[i] = random.nextInt(6);
            categories[i] = allCategories[random.nextInt(allCategories.length)];
            double completeChance = 0.8 * (1.0 - (double) i / size);
            if (random.nextDouble() < completeChance) {
                statuses[i] = Status.COMPLETE;
            } else {
                int r = random.nextInt(60);
                statuses[i] = r < 45 ? Status.PENDING : r < 55 ? Status.IN_PROGRESS : Status.BLOCKED;
            }
        }
        int edges = 2 * size;
        dependents = new int[edges];
        dependencies = new int[edges];
        Set<Long> seen = new HashSet<>(edges * 2);
        for (int e = 0; e < edges; ) {
            int from = 1 + random.nextInt(size - 1);
            int to = random.nextDouble() < LONG_RANGE_SHARE
                    ? random.nextInt(from)
                    : from - 1 - random.nextInt(Math.min(LOCAL_WINDOW, from));
            if (seen.add(((long) from << 32) | to)) {
                dependents[e] = from;
                dependencies[e] = to;
                e++;
            }
        }
    }

    static SyntheticProject generate(int size) {
        return new SyntheticProject(size, SEED);
    }

    int edgeCount() {
        return dependents.length;
    }

    /** The graph built directly, as the engine's snapshot cache builds it. */
    DependencyGraph graph() {
        DependencyGraph.Builder builder = DependencyGraph.builder(size, edgeCount());
        for (int i = 0; i < size; i++) {
            builder.node(ids[i], numbers[i], priorities[i], statuses[i]);
        }
        for (int e = 0; e < dependents.length; e++) {
            builder.edge(ids[dependents[e]], ids[dependencies[e]], DependencyKind.BLOCKS);
        }
        return builder.build();
    }

    /** A one-line summary for the benchmark log. */
    String describe() {
        int[] counts = new int[Status.values().length];
        for (Status s : statuses) {
            counts[s.ordinal()]++;
        }
        StringBuilder out = new StringBuilder().append(size).append(" features, ").append(edgeCount()).append(" edges;");
        for (Status s : Status.values()) {
            out.append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(counts[s.ordinal()]);
        }
        return out.toString();
    }
}
