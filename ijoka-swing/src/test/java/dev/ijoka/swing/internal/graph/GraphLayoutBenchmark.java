package dev.ijoka.swing.internal.graph;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long the Graph takes to lay out (and paint, fitted) a plan at the draw limit: 600 features in 40 waves
 * with 1,200 dependencies. Not a test: run it by hand (its class path is the test class path), e.g.
 * {@code java -cp ijoka-swing/target/test-classes:ijoka-swing/target/classes:... GraphLayoutBenchmark}.
 */
public final class GraphLayoutBenchmark {

    private GraphLayoutBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : GraphView.DRAW_LIMIT;
        GraphData data = synthetic(n, 40, 2 * n, new Random(42));
        for (int i = 0; i < 20; i++) {
            GraphLayout.of(data, true); // warm up
        }
        long[] layout = new long[30];
        for (int i = 0; i < layout.length; i++) {
            long t = System.nanoTime();
            GraphLayout.of(data, true);
            layout[i] = System.nanoTime() - t;
        }
        Arrays.sort(layout);
        System.out.printf("layout of %d nodes, %d edges: median %.1f ms, max %.1f ms%n", n, data.edges().size(),
                layout[layout.length / 2] / 1e6, layout[layout.length - 1] / 1e6);
        GraphCanvas canvas = new GraphCanvas();
        canvas.setSize(1400, 900);
        canvas.set(data, GraphLayout.of(data, true), false);
        BufferedImage image = new BufferedImage(1400, 900, BufferedImage.TYPE_INT_RGB);
        long[] paint = new long[20];
        for (int i = 0; i < paint.length; i++) {
            long t = System.nanoTime();
            var g = image.createGraphics();
            canvas.paint(g);
            g.dispose();
            paint[i] = System.nanoTime() - t;
        }
        Arrays.sort(paint);
        System.out.printf("paint, fitted, 1400x900: median %.1f ms%n", paint[paint.length / 2] / 1e6);
    }

    /** A random plan: nodes spread over waves, each edge from an earlier wave to a later one. */
    static GraphData synthetic(int n, int waves, int edges, Random random) {
        List<GraphData.Node> nodes = new ArrayList<>();
        int[] wave = new int[n];
        for (int i = 0; i < n; i++) {
            wave[i] = i * waves / n;
            nodes.add(new GraphData.Node(new FeatureId("f" + i), i + 1, "#" + (i + 1), "A feature of a large plan, number " + (i + 1),
                    Status.PENDING, random.nextInt(3), wave[i] == 0, false, wave[i]));
        }
        List<GraphData.Edge> out = new ArrayList<>();
        while (out.size() < edges) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (wave[a] < wave[b]) {
                out.add(new GraphData.Edge(a, b, random.nextInt(10) == 0 ? DependencyKind.RELATED : DependencyKind.BLOCKS, false));
            }
        }
        return new GraphData(nodes, out, List.of(), waves);
    }
}
