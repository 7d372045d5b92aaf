package dev.ijoka.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole-process timing of the command line (DESIGN.md §8: {@code ijoka next} and {@code ijoka status}
 * on a 10,000-feature store, median ≤ 700 ms), on SQLite or, with {@code --store postgres}, on a new
 * database of an embedded PostgreSQL server that this JVM starts ({@link BenchStore}), named to every
 * command by {@code IJOKA_DB}. Not JMH: what matters is the time from
 * launching a process to its exit, as a person or a script sees it.
 *
 * <ol>
 *   <li>Writes a Task Master {@code tasks.json} of {@code --features} tasks (default 10,000) with two
 *       {@code blocks} dependencies each on earlier tasks (so about 20,000 edges, a DAG), statuses by
 *       age (about 40% done, 10% in progress, 5% blocked, 45% pending) and random priorities, from a
 *       fixed seed.</li>
 *   <li>Imports it with {@code ijoka import} into a fresh store (SQLite: in a temporary
 *       {@code IJOKA_HOME}) (timed: this is also the bulk import's figure), then waits for the
 *       launcher's start-up cache (on JDK 25+ trained in the background after that first command).</li>
 *   <li>For each variant (the launcher as shipped; the launcher without its start-up cache; a plain
 *       {@code java -jar} with no tuning): two warm-up runs, then
 *       {@code --runs} runs (default 20) of {@code next} and of {@code status}, alternating, and
 *       prints the median, 90th percentile, minimum and maximum wall time, and (where GNU
 *       {@code /usr/bin/time} exists) the same of the CPU time each run used, user plus system: on a
 *       machine that other work keeps busy, CPU time is the steadier figure.</li>
 * </ol>
 *
 * Run from the repository root after building ({@code mvn -q -DskipTests package}):
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.CliBenchmark [--features N] [--runs N] [--quick] [--store postgres]
 * </pre>
 * {@code --quick} measures the shipped launcher only. The 1-minute load average is printed before
 * and after: other work on the machine shows up there first.
 */
public final class CliBenchmark {

    private CliBenchmark() {}

    /** How a command is started. */
    private record Variant(String name, List<String> prefix, Map<String, String> env) {}

    public static void main(String[] args) throws Exception {
        int features = Processes.intArg(args, "--features", 10_000);
        int runs = Processes.intArg(args, "--runs", 20);
        boolean quick = Arrays.asList(args).contains("--quick");
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        Path jar = repo.resolve("ijoka-app/target/ijoka.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            System.err.println("Run this from the repository root after 'mvn -q -DskipTests package' (needs ./ijoka and " + jar + ")");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("ijoka-cli-bench-");
        try {
            Path project = Files.createDirectories(work.resolve("project"));
            Path home = work.resolve("home");
            Path tasks = project.resolve("tasks.json");
            Files.writeString(tasks, tasksJson(features, new Random(42)), StandardCharsets.UTF_8);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Map<String, String> env = new HashMap<>();
            env.put("IJOKA_HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            String store = BenchStore.fromArgs(args);
            if (!store.equals(BenchStore.SQLITE)) {
                env.put("IJOKA_DB", BenchStore.newUrl(store, home));
            }

            System.out.printf(Locale.ROOT, "Ijoka command line, %d features on %s, Java %s, load average %s%n", features, store,
                    Runtime.version(), Processes.load());
            long importNanos = Processes.run(List.of(launcher.toString(), "import", "tasks.json"), env, project, true);
            System.out.printf(Locale.ROOT, "import tasks.json (%,d bytes, first run, without a start-up cache): %.2f s%n",
                    Files.size(tasks), importNanos / 1e9);
            Processes.awaitStartupCache(home, "cli");

            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("./ijoka (start-up cache, C1, serial GC)", List.of(launcher.toString()), env));
            if (!quick) {
                Map<String, String> noCds = new HashMap<>(env);
                noCds.put("IJOKA_NO_CDS", "1");
                variants.add(new Variant("./ijoka without its start-up cache", List.of(launcher.toString()), noCds));
                variants.add(new Variant("java -jar ijoka.jar (no tuning)",
                        List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()), env));
            }
            System.out.printf(Locale.ROOT, "%-44s %-10s %8s %8s %8s %8s%n", "variant", "command", "median", "p90", "min", "max");
            for (Variant v : variants) {
                for (int i = 0; i < 2; i++) {
                    Processes.run(concat(v.prefix(), "next"), v.env(), project, true);
                }
                List<Long> next = new ArrayList<>();
                List<Long> status = new ArrayList<>();
                List<Long> nextCpu = new ArrayList<>();
                List<Long> statusCpu = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    next.add(Processes.run(concat(v.prefix(), "next"), v.env(), project, true));
                    nextCpu.add(Processes.lastCpuNanos);
                    status.add(Processes.run(concat(v.prefix(), "status"), v.env(), project, true));
                    statusCpu.add(Processes.lastCpuNanos);
                }
                Processes.print(v.name(), "next", next);
                Processes.print(v.name(), "status", status);
                if (nextCpu.stream().allMatch(c -> c >= 0)) {
                    Processes.print(v.name(), "next cpu", nextCpu);
                    Processes.print(v.name(), "status cpu", statusCpu);
                }
            }
            System.out.printf(Locale.ROOT, "load average afterwards: %s%n", Processes.load());
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> concat(List<String> prefix, String command) {
        List<String> all = new ArrayList<>(prefix);
        all.add(command);
        return all;
    }

    /** A Task Master file: task i depends on two earlier tasks, mostly recent ones; older tasks are more often done. */
    static String tasksJson(int count, Random random) {
        StringBuilder out = new StringBuilder(count * 220);
        out.append("{\n  \"tasks\": [\n");
        String[] priorities = {"high", "medium", "medium", "low"};
        for (int i = 1; i <= count; i++) {
            double age = 1.0 - (double) i / count;
            double r = random.nextDouble();
            String status = r < age * 0.8 ? "done" : r < age * 0.8 + 0.1 ? "in-progress" : r < age * 0.8 + 0.15 ? "blocked" : "pending";
            Set<Integer> deps = new LinkedHashSet<>();
            for (int d = 0; d < 2 && i > 2; d++) {
                int target = random.nextDouble() < 0.9 ? Math.max(1, i - 1 - random.nextInt(Math.min(50, i - 1)))
                        : 1 + random.nextInt(i - 1);
                deps.add(target);
            }
            out.append("    {\"id\": ").append(i)
                    .append(", \"title\": \"Task ").append(i).append(": a feature of the synthetic plan\"")
                    .append(", \"description\": \"Generated for the command-line benchmark.\"")
                    .append(", \"details\": \"\", \"testStrategy\": \"- It works\\n- It is tested\"")
                    .append(", \"status\": \"").append(status).append('"')
                    .append(", \"priority\": \"").append(priorities[random.nextInt(priorities.length)]).append('"')
                    .append(", \"dependencies\": ").append(deps)
                    .append(", \"subtasks\": []}")
                    .append(i < count ? ",\n" : "\n");
        }
        return out.append("  ]\n}\n").toString();
    }
}
