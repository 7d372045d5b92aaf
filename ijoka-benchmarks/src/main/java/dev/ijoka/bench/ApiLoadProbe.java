package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a JMH benchmark: times loading a {@link SyntheticProject} into a fresh in-memory engine through
 * the public API, two ways. One by one: {@code features().create} for each feature, then {@code
 * dependencies().add} for each edge (statuses left pending), only for sizes up to 10,000, because
 * every {@code blocks} edge added rebuilds the project's snapshot for its cycle check, which makes the
 * load quadratic. And in one batch: {@code features().createAll}, the import path {@link
 * PlanBenchmark} uses (statuses as generated). See docs/benchmarks.md.
 *
 * <p>Run: {@code java -Xmx2g -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.ApiLoadProbe 1000 4000 10000 100000}
 */
public final class ApiLoadProbe {

    private static final int ONE_BY_ONE_LIMIT = 10_000;

    private ApiLoadProbe() {}

    public static void main(String[] args) throws IOException {
        String[] sizes = args.length > 0 ? args : new String[] {"1000", "2000", "4000"};
        for (String arg : sizes) {
            SyntheticProject data = SyntheticProject.generate(Integer.parseInt(arg));
            if (data.size <= ONE_BY_ONE_LIMIT) {
                oneByOne(data);
            }
            batch(data);
        }
    }

    private static void oneByOne(SyntheticProject data) throws IOException {
        Path directory = Files.createTempDirectory("ijoka-api-load");
        try (Ijoka ijoka = Ijoka.inMemory()) {
            ProjectId project = ijoka.projects().open(directory).id();
            long start = System.nanoTime();
            FeatureId[] ids = new FeatureId[data.size];
            for (int i = 0; i < data.size; i++) {
                ids[i] = ijoka.features().create(project,
                        NewFeature.of("Synthetic feature " + data.numbers[i], data.categories[i])
                                .withPriority(data.priorities[i])).id();
            }
            long created = System.nanoTime();
            for (int e = 0; e < data.edgeCount(); e++) {
                ijoka.dependencies().add(ids[data.dependents[e]], ids[data.dependencies[e]], DependencyKind.BLOCKS, null);
            }
            long added = System.nanoTime();
            System.out.printf("one by one: %,d features created in %.1f s; %,d dependencies added in %.1f s (%.2f ms per add)%n",
                    data.size, (created - start) / 1e9, data.edgeCount(), (added - created) / 1e9,
                    (added - created) / 1e6 / data.edgeCount());
        } finally {
            Files.deleteIfExists(directory);
        }
    }

    private static void batch(SyntheticProject data) throws IOException {
        Path directory = Files.createTempDirectory("ijoka-api-load");
        try (Ijoka ijoka = Ijoka.inMemory()) {
            long start = System.nanoTime();
            PlanBenchmark.load(ijoka, directory, data);
            long loaded = System.nanoTime();
            System.out.printf("createAll:  %,d features and %,d dependencies in %.1f s%n",
                    data.size, data.edgeCount(), (loaded - start) / 1e9);
        } finally {
            Files.deleteIfExists(directory);
        }
    }
}
