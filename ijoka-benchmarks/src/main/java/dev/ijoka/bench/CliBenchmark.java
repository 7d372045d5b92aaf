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
 * Whole-process timing of the command line, issue 13's table: {@code next}, {@code status}, {@code feature list}
 * (plain, {@code --json}, {@code --ready --json}), {@code feature show}, {@code feature add} with two dependencies,
 * {@code dep add} and a status change ({@code feature block}), each on a plan of 1,000, 10,000 or 100,000
 * features, on SQLite (default) or, with {@code --store postgres}, on a new database of an embedded PostgreSQL
 * server that this JVM starts ({@link BenchStore}), named to every command by {@code IJOKA_DB}. With
 * {@code --peers}, Task Master and Backlog.md (installed from npm into
 * {@code ijoka-benchmarks/target/peers} on first use; see {@link Peers}) are measured on the same plan in the same
 * run, each on its own default store. Not JMH: what matters is the time from launching a process to its exit, as a
 * person or a script sees it.
 *
 * <ol>
 *   <li>Writes a Task Master {@code tasks.json} of N tasks ({@link #tasksJson}: two {@code blocks}
 *       dependencies each on earlier tasks, about 2N edges, a DAG; statuses by age, about 40% done, 10% in
 *       progress, 5% blocked, 45% pending; random priorities; a fixed seed).</li>
 *   <li>Imports it with {@code ijoka import} into a fresh store (SQLite: in a temporary {@code IJOKA_HOME}), timed
 *       (the bulk import's figure), then waits for the launcher's start-up cache (on JDK 25+ trained in the
 *       background after that first command).</li>
 *   <li>Two warm-up rounds, then {@code --runs} rounds (default 10) of every command, interleaved (one of each
 *       per round, so that a burst of other load on the machine spreads over all of them). Commands that
 *       change the plan change a different feature each time. Prints, per command, the median, 90th
 *       percentile, minimum and maximum wall time and (where GNU {@code /usr/bin/time} exists) the median CPU
 *       time (user plus system, the steadier figure on a busy machine) and the median peak resident memory.</li>
 *   <li>With {@code --variants}: {@code next} and {@code status} again without the start-up cache and with a
 *       plain {@code java -jar}.</li>
 *   <li>With {@code --warm mcp} or {@code --warm serve}: every row again while that process holds the store's engine
 *       warm, so that the commands are handed to it, beside the cold figures.</li>
 *   <li>With {@code --warm engine}: the launcher's background engine on ({@link #measureEngine}): the first command,
 *       which finds no engine, runs cold and starts one; the rows then run as the cold ones did, handed to it. Prints
 *       the first command's figures, when the engine listened, the rows, and the engine's resident memory once idle.
 *       Every other pass runs with the engine off.</li>
 * </ol>
 *
 * Run from the repository root after building ({@code mvn -q -DskipTests package}):
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.CliBenchmark [--sizes 1000,10000,100000] [--runs N]
 *     [--peers] [--variants] [--warm mcp|serve|engine] [--timeout SECONDS] [--store postgres]
 * </pre>
 * A command that runs longer than {@code --timeout} (default 600 s) is killed and its row shown as such, and left out
 * of later rounds.
 * {@code --features N} is {@code --sizes N}. The 1-minute load average is printed before and after each size:
 * other work on the machine shows up there first.
 */
public final class CliBenchmark {

    private CliBenchmark() {}

    /** How a command is started. */
    private record Variant(String name, List<String> prefix, Map<String, String> env) {}

    /** One row of the table: what a tool runs for it in round {@code k} (0, 1, ...), or null where it has no such command. */
    record Row(String name, java.util.function.IntFunction<List<String>> line) {}

    /** The plan a run measures: its size and which features are pending, in the order they may be changed. */
    record Plan(List<Task> tasks, List<Integer> pending) {
        int size() {
            return tasks.size();
        }
    }

    /** A tool as measured: how to start it, where, with what environment, and its command per row. */
    record Tool(String name, List<String> prefix, Path directory, Map<String, String> env, List<Row> rows) {}

    /** The rows of issue 13's table, with Ijoka's command for each. */
    static List<Row> ijokaRows(Plan plan) {
        int n = plan.size();
        return List.of(
                new Row("next", k -> List.of("next")),
                new Row("status", k -> List.of("status")),
                new Row("feature list", k -> List.of("feature", "list")),
                new Row("feature list --json", k -> List.of("feature", "list", "--json")),
                new Row("feature list --ready --json", k -> List.of("feature", "list", "--ready", "--json")),
                new Row("feature show", k -> List.of("feature", "show", "#" + n / 2)),
                new Row("feature add, 2 deps", k -> List.of("feature", "add", "Benchmark feature " + k,
                        "--depends-on", "#" + (n - 1 - k), "--depends-on", "#" + (n / 2 + k))),
                new Row("dep add", k -> List.of("dep", "add", "#" + (n - k), "#" + (n / 2 - 1 - k))),
                new Row("status change", k -> List.of("feature", "block", "#" + plan.pending().get(k), "--reason", "benchmark")));
    }

    /**
     * {@code --commands next,status}: only the rows named, for Ijoka and the peers alike (a 100,000-feature run of
     * the whole table takes long, and so does the peer comparison at 10,000).
     */
    static List<Row> only(List<Row> rows, String[] args) {
        List<String> argList = Arrays.asList(args);
        int at = argList.indexOf("--commands");
        if (at < 0 || at + 1 >= args.length) {
            return rows;
        }
        // ';' separates the names when one holds a comma ("feature add, 2 deps"); ',' otherwise
        String separator = args[at + 1].contains(";") ? ";" : ",";
        List<String> names = Arrays.stream(args[at + 1].split(separator)).map(String::strip).toList();
        return rows.stream().filter(r -> names.contains(r.name())).toList();
    }

    public static void main(String[] args) throws Exception {
        int runs = Processes.intArg(args, "--runs", 10);
        Processes.timeoutSeconds = Processes.intArg(args, "--timeout", 600);
        List<String> argList = Arrays.asList(args);
        boolean variants = argList.contains("--variants");
        boolean peers = argList.contains("--peers");
        int warmAt = argList.indexOf("--warm");
        String warm = warmAt >= 0 && warmAt + 1 < args.length ? args[warmAt + 1] : null;
        if (warm != null && !warm.equals("mcp") && !warm.equals("serve") && !warm.equals("engine")) {
            System.err.println("--warm takes mcp, serve or engine, got " + warm);
            System.exit(2);
        }
        List<Integer> sizes = new ArrayList<>();
        int sizesAt = argList.indexOf("--sizes");
        if (sizesAt >= 0 && sizesAt + 1 < args.length) {
            for (String size : args[sizesAt + 1].split(",")) {
                sizes.add(Integer.parseInt(size.strip().replace("_", "")));
            }
        } else {
            sizes.add(Processes.intArg(args, "--features", 10_000));
        }
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        Path jar = repo.resolve("ijoka-app/target/ijoka.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            System.err.println("Run this from the repository root after 'mvn -q -DskipTests package' (needs ./ijoka and " + jar + ")");
            System.exit(2);
        }
        Peers peerTools = peers ? Peers.install(repo.resolve("ijoka-benchmarks/target/peers")) : null;
        for (int size : sizes) {
            measure(size, runs, variants, peerTools, warm, launcher, jar, args);
        }
    }

    private static void measure(int features, int runs, boolean variants, Peers peers, String warm,
            Path launcher, Path jar, String[] args) throws Exception {
        Path work = Files.createTempDirectory("ijoka-cli-bench-");
        try {
            Path project = Files.createDirectories(work.resolve("project"));
            Path home = work.resolve("home");
            Path tasks = project.resolve("tasks.json");
            List<Task> all = tasks(features, new Random(42));
            Files.writeString(tasks, tasksJson(all), StandardCharsets.UTF_8);
            // Status changes take pending features, the newest first.
            Plan plan = new Plan(all, all.reversed().stream().filter(t -> t.status().equals("pending")).map(Task::id).toList());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Map<String, String> env = new HashMap<>();
            env.put("IJOKA_HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            String store = BenchStore.fromArgs(args);
            if (!store.equals(BenchStore.SQLITE)) {
                env.put("IJOKA_DB", BenchStore.newUrl(store, home));
            }

            System.out.printf(Locale.ROOT, "%nIjoka command line, %,d features on %s, Java %s, %d runs, load average %s%n", features,
                    store, Runtime.version(), runs, Processes.load());
            long importNanos = Processes.run(List.of(launcher.toString(), "import", "tasks.json"), env, project, true);
            System.out.printf(Locale.ROOT, "import tasks.json (%,d bytes, first run, without a start-up cache): %.2f s, peak %s%n",
                    Files.size(tasks), importNanos / 1e9, mib(Processes.lastPeakKib));
            Processes.awaitStartupCache(home, "cli");

            List<Tool> tools = new ArrayList<>();
            tools.add(new Tool("ijoka", List.of(launcher.toString()), project, env, only(ijokaRows(plan), args)));
            if (peers != null) {
                // --commands applies to every tool: a long peer comparison can run one row (or a few) per pass
                for (Tool peer : peers.prepare(work, tasks, plan)) {
                    tools.add(new Tool(peer.name(), peer.prefix(), peer.directory(), peer.env(), only(peer.rows(), args)));
                }
            }
            Map<String, Map<String, Double>> medians = new java.util.LinkedHashMap<>();
            for (Tool tool : tools) {
                medians.put(tool.name(), measure(tool, runs));
            }
            if (tools.size() > 1) {
                printRatios(tools, medians);
            }
            if ("engine".equals(warm)) {
                measureEngine(runs, tools.getFirst(), medians.get(tools.getFirst().name()), launcher, home);
            } else if (warm != null) {
                measureWarm(warm, runs, plan, tools.getFirst(), medians.get(tools.getFirst().name()), launcher, home);
            }

            if (variants) {
                Map<String, String> noCds = new HashMap<>(env);
                noCds.put("IJOKA_NO_CDS", "1");
                for (Variant v : List.of(new Variant("./ijoka without its start-up cache", List.of(launcher.toString()), noCds),
                        new Variant("java -jar ijoka.jar (no tuning)",
                                List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()), env))) {
                    List<Row> rows = ijokaRows(plan).subList(0, 2);
                    measure(new Tool(v.name(), v.prefix(), project, v.env(), rows), runs);
                }
            }
            System.out.printf(Locale.ROOT, "load average afterwards: %s%n", Processes.load());
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The same rows while an {@code ijoka mcp} or {@code ijoka serve} holds the store's engine warm, so that the commands
     * are handed to it (docs/architecture.md, "Command lines through the relay"); printed beside the cold figures.
     * The writes take features the cold rounds did not touch.
     */
    private static void measureWarm(String face, int runs, Plan plan, Tool cold, Map<String, Double> coldMedians,
            Path launcher, Path home) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), face));
        if (face.equals("serve")) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                command.addAll(List.of("--port", Integer.toString(free.getLocalPort())));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(cold.directory().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("IJOKA_DB");
        pb.environment().putAll(cold.env());
        Processes.engineSwitch(pb.environment()); // an ijoka mcp that no engine took would start one (10 s later)
        Process server = pb.start(); // its stdin stays open: an MCP client's would
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                try (Stream<Path> files = Files.exists(home.resolve("relay")) ? Files.walk(home.resolve("relay")) : Stream.empty()) {
                    if (files.anyMatch(f -> f.toString().endsWith(".sock"))) {
                        break;
                    }
                }
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("ijoka " + face + " did not start its relay");
                }
                Thread.sleep(50);
            }
            // Two clients hand the commands over: the launcher itself, in bash, with no JVM (in a UTF-8 locale, which it
            // needs to know the output's encoding), and the JVM's (IJOKA_NO_FAST_RELAY=1), which starts on the relay's
            // start-up cache: made by the first such run, in the background.
            Map<String, String> launcherEnv = new java.util.HashMap<>(cold.env());
            launcherEnv.put("LC_ALL", "C.UTF-8");
            Map<String, String> javaEnv = new java.util.HashMap<>(launcherEnv);
            javaEnv.put("IJOKA_NO_FAST_RELAY", "1");
            Processes.run(List.of(launcher.toString(), "status"), javaEnv, cold.directory(), true);
            Processes.awaitStartupCache(home, "relay");
            Map<String, Map<String, Double>> medians = new java.util.LinkedHashMap<>();
            medians.put(cold.name(), coldMedians);
            List<Tool> tools = new ArrayList<>(List.of(cold));
            int round = 2;
            for (Map.Entry<String, Map<String, String>> client : List.of(Map.entry("", launcherEnv),
                    Map.entry(", JVM client", javaEnv))) {
                int offset = round++ * (runs + 2);
                List<Row> rows = cold.rows().stream()
                        .map(r -> new Row(r.name(), r.line() == null ? null : k -> r.line().apply(k + offset))).toList();
                Tool warmTool = new Tool("ijoka, " + face + " running" + client.getKey(), cold.prefix(), cold.directory(),
                        client.getValue(), rows);
                medians.put(warmTool.name(), measure(warmTool, runs));
                tools.add(warmTool);
            }
            printRatios(tools, medians);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The rows with the launcher's background engine on (docs/cli.md, "The background engine"), as a user of the command
     * line alone meets it. First the relay's start-up cache is made (an engine started, one command handed to it, the
     * engine stopped): a user has it after their first day. Then, with no engine running: one {@code next}, which runs
     * cold and starts the engine (its figures printed: this is what the first command of a session costs), and at once,
     * without waiting, the warm-up and measured rounds, handed over once the engine listens. The engine's resident
     * memory is read after 30 s without a request (its G1 gives the heap back after 5 s), then it is stopped.
     */
    private static void measureEngine(int runs, Tool cold, Map<String, Double> coldMedians, Path launcher, Path home)
            throws Exception {
        Map<String, String> env = new HashMap<>(cold.env());
        env.put(Processes.BACKGROUND_ENGINE, "on");
        Path relay = home.resolve("relay");
        // The relay's start-up cache, as a user has it: made by the first handed-over command, in the background.
        Processes.run(List.of(launcher.toString(), "status"), env, cold.directory(), true);
        awaitEngine(relay, 120);
        // Through the JVM's relay client: the launcher's own (bash) client needs no cache and would never make one.
        Map<String, String> javaClient = new HashMap<>(env);
        javaClient.put("IJOKA_NO_FAST_RELAY", "1");
        Processes.run(List.of(launcher.toString(), "status"), javaClient, cold.directory(), true);
        Processes.awaitStartupCache(home, "relay");
        Processes.run(List.of(launcher.toString(), "engine", "--stop"), env, cold.directory(), true);

        System.out.printf(Locale.ROOT, "%nThe background engine: first command cold (load average %s)%n", Processes.load());
        long launched = System.nanoTime();
        long first = Processes.run(List.of(launcher.toString(), "next"), env, cold.directory(), true);
        System.out.printf(Locale.ROOT, "first command (next, no engine yet; starts one): %.0f ms wall, %.0f ms CPU, peak %s%n",
                first / 1e6, Processes.lastCpuNanos / 1e6, mib(Processes.lastPeakKib));
        // At once, as a script would: handed over only if the engine listens by then.
        long second = Processes.run(List.of(launcher.toString(), "status"), env, cold.directory(), true);
        System.out.printf(Locale.ROOT, "second command (status, started as the first ended): %.0f ms wall, %.0f ms CPU, peak %s%n",
                second / 1e6, Processes.lastCpuNanos / 1e6, mib(Processes.lastPeakKib));
        long engine = awaitEngine(relay, 120);
        System.out.printf(Locale.ROOT, "the engine (pid %d) listened %.2f s after the first command was launched%n", engine,
                (System.nanoTime() - launched) / 1e9);
        try {
            int offset = 4 * (runs + 2);
            List<Row> rows = cold.rows().stream()
                    .map(r -> new Row(r.name(), r.line() == null ? null : k -> r.line().apply(k + offset))).toList();
            Tool handed = new Tool("ijoka, background engine", cold.prefix(), cold.directory(), env, rows);
            Map<String, Map<String, Double>> medians = new java.util.LinkedHashMap<>();
            medians.put(cold.name(), coldMedians);
            medians.put(handed.name(), measure(handed, runs));
            printRatios(List.of(cold, handed), medians);
            Thread.sleep(30_000);
            System.out.printf(Locale.ROOT, "the engine after 30 s without a request: %s resident (load average %s)%n",
                    residentMemory(engine), Processes.load());
        } finally {
            Processes.run(List.of(launcher.toString(), "engine", "--stop"), env, cold.directory(), false);
        }
    }

    /** Waits until a relay socket listens under {@code relay} and returns its process id (its name). */
    private static long awaitEngine(Path relay, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.exists(relay) ? Files.walk(relay) : Stream.empty()) {
                java.util.Optional<Path> socket = files.filter(f -> f.toString().endsWith(".sock")).findFirst();
                if (socket.isPresent()) {
                    String name = socket.get().getFileName().toString();
                    return Long.parseLong(name.substring(0, name.length() - ".sock".length()).replaceFirst("-\\d+$", ""));
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no background engine listened under " + relay + " after " + seconds + " s");
    }

    /** VmRSS of a process, from /proc. */
    private static String residentMemory(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return mib(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
        return "unknown";
    }

    /** Warm-ups, then interleaved rounds of every row; prints the table and returns the median wall time per row, in ms. */
    private static Map<String, Double> measure(Tool tool, int runs) throws IOException, InterruptedException {
        List<Row> rows = tool.rows().stream().filter(r -> r.line() != null).toList();
        int warmUps = 2;
        Map<String, String> failedWarmUp = new HashMap<>();
        for (int w = 0; w < warmUps; w++) {
            for (Row row : rows) {
                if (failedWarmUp.containsKey(row.name())) {
                    continue;
                }
                try {
                    Processes.run(concat(tool.prefix(), row.line().apply(runs + w)), tool.env(), tool.directory(), true);
                } catch (Processes.TimedOut e) {
                    failedWarmUp.put(row.name(), "> " + Processes.timeoutSeconds + " s");
                }
            }
        }
        Map<String, List<Long>> wall = new HashMap<>();
        Map<String, List<Long>> cpu = new HashMap<>();
        Map<String, List<Long>> peak = new HashMap<>();
        Map<String, String> failed = new HashMap<>(failedWarmUp); // rows that ran out of time, left out of later rounds
        for (int k = 0; k < runs; k++) {
            for (Row row : rows) {
                if (failed.containsKey(row.name())) {
                    continue;
                }
                try {
                    long nanos = Processes.run(concat(tool.prefix(), row.line().apply(k)), tool.env(), tool.directory(), true);
                    wall.computeIfAbsent(row.name(), x -> new ArrayList<>()).add(nanos);
                    cpu.computeIfAbsent(row.name(), x -> new ArrayList<>()).add(Processes.lastCpuNanos);
                    peak.computeIfAbsent(row.name(), x -> new ArrayList<>()).add(Processes.lastPeakKib);
                } catch (Processes.TimedOut e) {
                    failed.put(row.name(), "> " + Processes.timeoutSeconds + " s");
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %-28s %8s %8s %8s %8s %8s %9s%n", tool.name(), "command", "median", "p90", "min", "max",
                "CPU", "peak RSS");
        Map<String, Double> medians = new java.util.LinkedHashMap<>();
        for (Row row : tool.rows()) {
            if (row.line() == null) {
                System.out.printf(Locale.ROOT, "%-28s %-28s %8s%n", tool.name(), row.name(), "—");
                continue;
            }
            if (!wall.containsKey(row.name())) {
                System.out.printf(Locale.ROOT, "%-28s %-28s %8s (killed)%n", tool.name(), row.name(), failed.get(row.name()));
                medians.put(row.name(), Double.POSITIVE_INFINITY);
                continue;
            }
            long[] sorted = wall.get(row.name()).stream().mapToLong(Long::longValue).sorted().toArray();
            double median = Processes.median(wall.get(row.name()));
            medians.put(row.name(), median / 1e6);
            double cpuMedian = Processes.median(cpu.get(row.name()));
            double peakMedian = Processes.median(peak.get(row.name()));
            System.out.printf(Locale.ROOT, "%-28s %-28s %5.0f ms %5d ms %5d ms %5d ms %5.0f ms %9s%n", tool.name(), row.name(),
                    median / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)] / 1_000_000,
                    sorted[0] / 1_000_000, sorted[sorted.length - 1] / 1_000_000, cpuMedian < 0 ? Double.NaN : cpuMedian / 1e6,
                    mib((long) peakMedian));
        }
        return medians;
    }

    private static void printRatios(List<Tool> tools, Map<String, Map<String, Double>> medians) {
        System.out.printf(Locale.ROOT, "%nmedian wall time, and how many times Ijoka's%n%-28s", "command");
        tools.forEach(t -> System.out.printf(Locale.ROOT, " %22s", t.name()));
        System.out.println();
        for (Row row : tools.getFirst().rows()) {
            System.out.printf(Locale.ROOT, "%-28s", row.name());
            Double ours = medians.get(tools.getFirst().name()).get(row.name());
            for (Tool t : tools) {
                Double theirs = medians.get(t.name()).get(row.name());
                String cell = theirs == null ? "—"
                        : theirs.isInfinite() ? "> " + Processes.timeoutSeconds + " s"
                        : t == tools.getFirst() ? String.format(Locale.ROOT, "%.0f ms", theirs)
                        : String.format(Locale.ROOT, "%.0f ms (%.1f×)", theirs, theirs / ours);
                System.out.printf(Locale.ROOT, " %22s", cell);
            }
            System.out.println();
        }
    }

    static String mib(long kib) {
        return kib < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", kib / 1024.0);
    }

    private static List<String> concat(List<String> prefix, List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return all;
    }

    /** One task of the synthetic plan: its number, Task Master status and priority, and the tasks it depends on. */
    record Task(int id, String status, String priority, List<Integer> dependencies) {}

    /** A Task Master file: task i depends on two earlier tasks, mostly recent ones; older tasks are more often done. */
    static String tasksJson(int count, Random random) {
        return tasksJson(tasks(count, random));
    }

    /** The synthetic plan ({@link #tasksJson(int, Random)} writes it). */
    static List<Task> tasks(int count, Random random) {
        List<Task> tasks = new ArrayList<>(count);
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
            tasks.add(new Task(i, status, priorities[random.nextInt(priorities.length)], List.copyOf(deps)));
        }
        return tasks;
    }

    static String tasksJson(List<Task> tasks) {
        StringBuilder out = new StringBuilder(tasks.size() * 220);
        out.append("{\n  \"tasks\": [\n");
        for (Task t : tasks) {
            out.append("    {\"id\": ").append(t.id())
                    .append(", \"title\": \"Task ").append(t.id()).append(": a feature of the synthetic plan\"")
                    .append(", \"description\": \"Generated for the command-line benchmark.\"")
                    .append(", \"details\": \"\", \"testStrategy\": \"- It works\\n- It is tested\"")
                    .append(", \"status\": \"").append(t.status()).append('"')
                    .append(", \"priority\": \"").append(t.priority()).append('"')
                    .append(", \"dependencies\": ").append(t.dependencies())
                    .append(", \"subtasks\": []}")
                    .append(t.id() < tasks.size() ? ",\n" : "\n");
        }
        return out.append("  ]\n}\n").toString();
    }
}
