package dev.ijoka.bench;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.graph.DependencyGraph;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The planning queries of {@link DependencyGraph} on one in-memory snapshot, with no engine, store or
 * cache around it: {@code ready}, {@code next} (the first ready feature, with an always-true filter),
 * {@code waves}, {@code criticalPath}, and {@code build}, the cost of building the snapshot itself
 * from {@code size} nodes and {@code 2 × size} edges (what the engine pays after every change).
 * The data is a {@link SyntheticProject} (fixed seed) of {@code size} = 10,000 or 100,000 features.
 *
 * <p>Relates to DESIGN.md §8 "ready/next on 10,000 features, 20,000 edges, warm ≤ 2 ms; 100,000 /
 * 200,000 ≤ 30 ms": this is the lower bound that the engine's warm path ({@link PlanBenchmark}) adds
 * its lookups to.
 *
 * <p>Run just this: {@code java -jar ijoka-benchmarks/target/benchmarks.jar GraphQueryBenchmark -p size=10000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GraphQueryBenchmark {

    @Param({"10000", "100000"})
    public int size;

    private SyntheticProject project;
    private DependencyGraph graph;

    @Setup(Level.Trial)
    public void setUp() {
        project = SyntheticProject.generate(size);
        graph = project.graph();
        System.out.printf("%n[GraphQueryBenchmark] %s; ready=%d, waves=%d, critical path=%d%n", project.describe(),
                graph.ready().size(), graph.waves().size(), graph.criticalPath().size());
    }

    @Benchmark
    public List<FeatureId> ready() {
        return graph.ready();
    }

    @Benchmark
    public Optional<FeatureId> next() {
        return graph.next(id -> true);
    }

    @Benchmark
    public List<List<FeatureId>> waves() {
        return graph.waves();
    }

    @Benchmark
    public List<FeatureId> criticalPath() {
        return graph.criticalPath();
    }

    /** Builder calls for every node and edge, then {@code build()}: a whole snapshot. */
    @Benchmark
    public void build(Blackhole bh) {
        bh.consume(project.graph());
    }
}
