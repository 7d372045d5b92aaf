package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Whole-process figures of the web dashboard (DESIGN.md §8): first render of the Kanban and Table
 * pages with 10,000 features (≤ 1 s), a change committed by another process visible in an open page
 * (p95 ≤ 300 ms from the committing call), and the idle server's resident memory (≤ 200 MB).
 *
 * <ol>
 *   <li>Writes the {@link CliBenchmark#tasksJson} plan of {@code --features} tasks (default 10,000),
 *       imports it with {@code ./ijoka import} into a fresh data directory, and starts
 *       {@code ./ijoka serve} on it (its own process, a free port).</li>
 *   <li><b>Render</b>: {@code --runs} (default 10) loads of each page in a headless Chromium (Debian's
 *       {@code chromium} and {@code chromium-driver}, as the browser tests use), reading the Navigation
 *       Timing entry ({@code performance.getEntriesByType('navigation')}): time to the response's last
 *       byte, to {@code DOMContentLoaded} handled, and to {@code load} handled, all from the start of the
 *       navigation. The first load (cold caches in the browser and the server) is printed apart. Also the
 *       HTML alone, fetched {@code --runs} times with java.net.http (request to last byte).</li>
 *   <li><b>Graph</b>: {@code --runs} loads of the Graph view, by default (the part of the plan that matters) and
 *       whole ({@code ?all=1}): the time from the navigation's start to the frame after the laid-out graph was
 *       handed to cytoscape (graph.js stamps it), and the layout's time in its Web Worker.</li>
 *   <li><b>Live</b>: a JVM of its own ({@link Committer}) opens the same SQLite store through the engine and
 *       starts {@code --changes} ready features (default 40), one at a time, stamping the wall clock just
 *       before each call. The open Kanban page carries a MutationObserver (installed by this harness) that
 *       stamps {@code performance.timeOrigin + performance.now()} when the feature's card lands in the
 *       In progress column. The latency is the difference (one machine, one clock). Then
 *       {@code --cli-changes} (default 10) more through the command line, {@code ./ijoka feature start N},
 *       measured from the process launch: what a person sees, JVM start-up included.</li>
 *   <li><b>Memory</b>: for each JVM variant, a fresh {@code serve}, three loads of each page, {@code --idle}
 *       seconds (default 30) without requests, then VmRSS (and VmHWM, the peak) from
 *       {@code /proc/<pid>/status}.</li>
 * </ol>
 *
 * Run from the repository root after {@code mvn -q -DskipTests package}:
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.WebBenchmark [--features N] [--runs N]
 *     [--changes N] [--cli-changes N] [--idle S] [--only render,graph,live,memory]
 * </pre>
 */
public final class WebBenchmark {

    private WebBenchmark() {}

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** A JVM set-up for the memory comparison: java -jar with these options, or the launcher when null. */
    private record Variant(String name, List<String> jvmOptions) {}

    public static void main(String[] args) throws Exception {
        int features = Processes.intArg(args, "--features", 10_000);
        int runs = Processes.intArg(args, "--runs", 10);
        int changes = Processes.intArg(args, "--changes", 40);
        int cliChanges = Processes.intArg(args, "--cli-changes", 10);
        int idle = Processes.intArg(args, "--idle", 30);
        // --only render,graph: the parts named, comma-separated; all of them without it
        Set<String> parts = Set.of(stringArg(args, "--only", "render,graph,live,memory").split(","));
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        Path jar = repo.resolve("ijoka-app/target/ijoka.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            System.err.println("Run this from the repository root after 'mvn -q -DskipTests package' (needs ./ijoka and " + jar + ")");
            System.exit(2);
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("Needs Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver");
            System.exit(2);
        }
        // --data DIR keeps the imported plan there and reuses it on the next run (a 100,000-feature import is long)
        String kept = stringArg(args, "--data", "");
        Path work = kept.isEmpty() ? Files.createTempDirectory("ijoka-web-bench-") : Path.of(kept).toAbsolutePath();
        Path chromiumProfile = Files.createTempDirectory("ijoka-web-chromium-");
        try (Browser browser = new Browser(chromiumProfile)) {
            Path project = Files.createDirectories(work.resolve("project"));
            Path home = work.resolve("home");
            Map<String, String> env = new HashMap<>();
            env.put("IJOKA_HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            System.out.printf(Locale.ROOT, "Ijoka web dashboard, %d features, Java %s, %s, load average %s%n", features,
                    Runtime.version(), browser.version(), Processes.load());
            if (Files.isRegularFile(work.resolve("imported"))) {
                System.out.println("reusing the plan imported in " + work);
            } else {
                Files.writeString(project.resolve("tasks.json"), CliBenchmark.tasksJson(features, new Random(42)), StandardCharsets.UTF_8);
                long took = Processes.run(List.of(launcher.toString(), "import", "tasks.json"), env, project, true);
                System.out.printf(Locale.ROOT, "import: %d ms (load average %s)%n", took / 1_000_000, Processes.load());
                Files.writeString(work.resolve("imported"), Integer.toString(features));
            }
            Processes.awaitStartupCache(home, "cli");

            if (parts.contains("render") || parts.contains("live") || parts.contains("graph")) {
                try (Server server = Server.start(List.of(launcher.toString()), "", env, project)) {
                    if (parts.contains("render")) {
                        render(server, browser, runs);
                    }
                    if (parts.contains("graph")) {
                        graph(server, browser, runs, Arrays.asList(args).contains("--graph-profile"),
                                Arrays.asList(args).contains("--graph-focus-only"));
                    }
                    if (parts.contains("live")) {
                        live(server, browser, "jdbc:sqlite:" + home.resolve("ijoka.db"), project, changes);
                        liveCli(server, browser, launcher, env, project, cliChanges);
                    }
                }
            }
            if (parts.contains("memory")) {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                List<String> cli = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m");
                List<Variant> variants = List.of(
                        new Variant("java -jar (JVM defaults: G1, C2)", List.of()),
                        new Variant("java -jar, command-line flags (C1, serial GC)", cli),
                        new Variant("java -jar, command-line flags and -Xmx64m", concat(cli, "-Xmx64m")),
                        new Variant("./ijoka serve (C1, G1 periodic GC, -Xms16m)", null));
                System.out.printf(Locale.ROOT, "%nIdle resident memory after 3 loads of each page and %d s idle%n", idle);
                System.out.printf(Locale.ROOT, "%-52s %10s %10s %12s%n", "variant", "VmRSS", "VmHWM", "load avg");
                for (Variant v : variants) {
                    List<String> prefix = new ArrayList<>();
                    if (v.jvmOptions() == null) {
                        prefix.add(launcher.toString());
                    } else {
                        prefix.add(java);
                        prefix.addAll(v.jvmOptions());
                        prefix.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
                    }
                    try (Server server = Server.start(prefix, "", env, project)) {
                        for (int i = 0; i < 3; i++) {
                            browser.load(server.page("kanban"));
                            browser.load(server.page("table"));
                        }
                        browser.load("about:blank");
                        Thread.sleep(TimeUnit.SECONDS.toMillis(idle)); // the idle period is what is measured
                        Map<String, String> status = server.procStatus();
                        System.out.printf(Locale.ROOT, "%-52s %10s %10s %12s%n", v.name(), status.get("VmRSS"),
                                status.get("VmHWM"), Processes.load());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "load average afterwards: %s%n", Processes.load());
        } finally {
            deleteTree(chromiumProfile);
            if (kept.isEmpty()) {
                deleteTree(work);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // --- render --------------------------------------------------------------------------------

    private static void render(Server server, Browser browser, int runs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(Locale.ROOT, "%nFirst render, %d loads per page after the first (median, p90, min, max)%n", runs);
        for (String page : List.of("kanban", "table")) {
            String url = server.page(page);
            Map<String, Double> first = browser.load(url);
            List<Long> response = new ArrayList<>();
            List<Long> dcl = new ArrayList<>();
            List<Long> load = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                browser.load("about:blank");
                Map<String, Double> t = browser.load(url);
                response.add(millisToNanos(t.get("responseEnd")));
                dcl.add(millisToNanos(t.get("domContentLoadedEventEnd")));
                load.add(millisToNanos(t.get("loadEventEnd")));
            }
            List<Long> html = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
                html.add(System.nanoTime() - start);
                bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            }
            System.out.printf(Locale.ROOT, "%s: first load (cold): response end %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms; HTML %,d bytes%n",
                    page, first.get("responseEnd"), first.get("domContentLoadedEventEnd"), first.get("loadEventEnd"), bytes);
            Processes.print("  " + page + " Chromium", "response", response);
            Processes.print("  " + page + " Chromium", "DCL", dcl);
            Processes.print("  " + page + " Chromium", "load", load);
            // In order, so that one slow load among them can be placed (the Table's second question, which starts the
            // engine's snapshot build, waited for it before that build ran in the background: docs/benchmarks.md).
            System.out.printf(Locale.ROOT, "  %s Chromium load, in order: %s ms%n", page,
                    load.stream().map(n -> Long.toString(n / 1_000_000)).toList());
            Processes.print("  " + page + " java.net.http", "HTML", html);
        }
    }

    /**
     * The Graph view's first drawing: from the start of the navigation to the frame after the laid-out elements
     * were handed to cytoscape (graph.js stamps {@code data-drawn-at} with {@code performance.now()}, whose origin
     * is the navigation's start). The default drawing (the part of the plan that matters), then the whole plan.
     */
    private static void graph(Server server, Browser browser, int runs, boolean profile, boolean focusOnly) {
        System.out.printf(Locale.ROOT, "%nGraph view, first drawing, %d loads after the first (median, p90, min, max)%n", runs);
        // --graph-focus-only: the default drawing alone, without the whole plan's (a shorter run while working)
        for (String query : focusOnly ? List.of("") : List.of("", "?all=1")) {
            String url = server.page("graph") + query;
            String what = query.isEmpty() ? "graph, what matters" : "graph, whole plan";
            double first = drawing(browser, url);
            List<Long> drawn = new ArrayList<>();
            List<Long> layout = new ArrayList<>();
            Map<String, List<Long>> phases = new java.util.LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                browser.load("about:blank");
                drawn.add(millisToNanos(drawing(browser, url)));
                layout.add(millisToNanos(((Number) browser.script(
                        "return Number(document.getElementById('graph').dataset.layoutMs);")).doubleValue()));
                graphPhases(browser).forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(millisToNanos(v)));
            }
            System.out.printf(Locale.ROOT, "%s: %s nodes, %s edges drawn, renderer %s; first load %.0f ms; \"%s\"%n", what,
                    browser.script("return document.getElementById('graph').dataset.nodeCount;"),
                    browser.script("return document.getElementById('graph').dataset.edgeCount;"),
                    browser.script("return document.getElementById('graph').dataset.renderer;"), first,
                    browser.script("return document.getElementById('graph-scope').textContent.trim().replace(/\\s+/g, ' ');"));
            Processes.print("  " + what, "first drawing", drawn);
            Processes.print("  " + what, "layout (worker)", layout);
            System.out.printf(Locale.ROOT, "  %s, where the time went (medians, ms from the navigation's start):%n", what);
            phases.forEach((phase, values) -> System.out.printf(Locale.ROOT, "    %-28s %8.0f%n", phase,
                    values.stream().mapToLong(Long::longValue).sorted().toArray()[values.size() / 2] / 1e6));
            if (profile) {
                profileGraph(browser, url);
            }
        }
        System.out.printf(Locale.ROOT, "load average: %s%n", Processes.load());
    }

    /**
     * Where a drawing's time went, in ms from the navigation's start: the page's scripts run (DOMContentLoaded), the
     * graph's answer started and ended (Resource Timing) and was parsed, the layout came back from the worker, the
     * elements were added, fitted, the lists beside the drawing filled, and the frame after it (graph.js's marks).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> graphPhases(Browser browser) {
        Map<String, Object> t = (Map<String, Object>) browser.script("""
                const g = document.getElementById('graph').dataset;
                const n = performance.getEntriesByType('navigation')[0];
                const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.name.includes('/graph')).pop();
                return {'1 DOMContentLoaded': n.domContentLoadedEventEnd, '2 graph request sent': r.requestStart,
                  '3 graph answer starts': r.responseStart, '4 graph answer ends': r.responseEnd,
                  'graph answer KB': r.decodedBodySize / 1024, '5 JSON parsed': Number(g.fetchedAt),
                  '6 layout back': Number(g.laidOutAt), '7 cytoscape add done': Number(g.addedAt),
                  '8 fitted': Number(g.fittedAt), '10 lists filled': Number(g.listedAt),
                  '9 frame done (drawn)': Number(g.drawnAt)};
                """);
        Map<String, Double> ms = new java.util.TreeMap<>(Comparator.comparingInt(
                (String k) -> k.matches("\\d+ .*") ? Integer.parseInt(k.substring(0, k.indexOf(' '))) : 0).thenComparing(k -> k));
        t.forEach((k, v) -> ms.put(k, ((Number) v).doubleValue()));
        return ms;
    }

    /**
     * One more load of the page under Chrome's JavaScript sampling profiler (DevTools protocol through the driver):
     * the main thread's self time by function, the top 25, so that a phase above is explained by what ran in it.
     */
    @SuppressWarnings("unchecked")
    private static void profileGraph(Browser browser, String url) {
        browser.load("about:blank");
        browser.driver.executeCdpCommand("Profiler.enable", Map.of());
        browser.driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 500));
        browser.driver.executeCdpCommand("Profiler.start", Map.of());
        double at = drawing(browser, url);
        Map<String, Object> result = browser.driver.executeCdpCommand("Profiler.stop", Map.of());
        browser.driver.executeCdpCommand("Profiler.disable", Map.of());
        Map<String, Object> profile = (Map<String, Object>) result.get("profile");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
        List<Number> samples = (List<Number>) profile.get("samples");
        List<Number> deltas = (List<Number>) profile.get("timeDeltas");
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> node : nodes) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String file = String.valueOf(frame.get("url"));
            file = file.substring(file.lastIndexOf('/') + 1);
            String fn = String.valueOf(frame.get("functionName"));
            names.put(((Number) node.get("id")).longValue(), (fn.isEmpty() ? "(anonymous)" : fn) + " " + file + ":"
                    + (((Number) frame.get("lineNumber")).intValue() + 1));
        }
        Map<String, Double> self = new HashMap<>();
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            double d = deltas.get(Math.min(i + 1, deltas.size() - 1)).doubleValue() / 1000;
            self.merge(names.get(samples.get(i).longValue()), d, Double::sum);
            total += d;
        }
        System.out.printf(Locale.ROOT, "  profiled load: drawn at %.0f ms; %.0f ms sampled, self time by function:%n", at, total);
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %7.1f ms  %s%n", e.getValue(), e.getKey()));
    }

    /** Opens the Graph view and waits (up to 3 minutes) for its first drawing; ms from the navigation's start. */
    private static double drawing(Browser browser, String url) {
        browser.driver.get(url);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            Object at = browser.script("return document.getElementById('graph').dataset.drawnAt;");
            if (at != null) {
                return Double.parseDouble(at.toString());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the graph was not drawn in 3 minutes: " + url);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long millisToNanos(double ms) {
        return (long) (ms * 1e6);
    }

    // --- live ----------------------------------------------------------------------------------

    /** Stamps the time a card lands in the In progress column, per awaited feature id. */
    private static final String OBSERVER = """
            window.ijokaWanted = new Set();
            window.ijokaSeen = {};
            const check = () => {
              for (const id of window.ijokaWanted) {
                const el = document.getElementById('card-' + id);
                if (el && el.dataset.status === 'in_progress' && el.closest('ol.cards')?.dataset.status === 'in_progress') {
                  window.ijokaSeen[id] = performance.timeOrigin + performance.now();
                  window.ijokaWanted.delete(id);
                }
              }
            };
            new MutationObserver(check).observe(document.body,
                { childList: true, subtree: true, attributes: true, attributeFilter: ['data-status'] });
            """;

    private static void live(Server server, Browser browser, String storeUrl, Path project, int changes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process committer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Committer.class.getName(), storeUrl, project.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(committer.getInputStream(), StandardCharsets.UTF_8));
                PrintStream out = new PrintStream(committer.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String[] ready = in.readLine().split(" ");
            if (ready.length - 1 < changes) {
                throw new IllegalStateException("only " + (ready.length - 1) + " ready features for " + changes + " changes");
            }
            browser.load(server.page("kanban"));
            browser.awaitTrue("return document.body.dataset.live === 'live';");
            browser.script(OBSERVER);
            Random random = new Random(7);
            List<Long> latency = new ArrayList<>();
            List<Long> commit = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String id = ready[1 + i];
                browser.script("window.ijokaWanted.add(arguments[0]);", id);
                out.println(id);
                String[] done = in.readLine().split(" "); // id, micros before the call, micros after it returned
                double seen = browser.awaitNumber("return window.ijokaSeen[arguments[0]] ?? null;", id);
                long before = Long.parseLong(done[1]);
                latency.add((long) ((seen * 1000 - before) * 1000));
                commit.add((Long.parseLong(done[2]) - before) * 1000);
                Thread.sleep(50 + random.nextInt(200)); // changes at irregular moments, not in step with any polling
            }
            out.println("quit");
            System.out.printf(Locale.ROOT, "%nLive: %d starts committed by another JVM through the engine, until the open Kanban page shows them%n", changes);
            printPercentiles("commit call to card in its new column", latency);
            printPercentiles("the commit call alone (in the other JVM)", commit);
        } finally {
            if (!committer.waitFor(30, TimeUnit.SECONDS)) {
                committer.destroyForcibly();
            }
        }
    }

    private static void liveCli(Server server, Browser browser, Path launcher, Map<String, String> env, Path project, int changes)
            throws Exception {
        if (changes == 0) {
            return;
        }
        List<Long> latency = new ArrayList<>();
        try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + Path.of(env.get("IJOKA_HOME")).resolve("ijoka.db")).build()) {
            Project p = ijoka.projects().open(project);
            List<Feature> ready = ijoka.plan().ready(p.id());
            for (int i = 0; i < changes; i++) {
                Feature f = ready.get(ready.size() - 1 - i);
                browser.script("window.ijokaWanted.add(arguments[0]);", f.id().value());
                double launched = Instant.now().toEpochMilli();
                Processes.run(List.of(launcher.toString(), "feature", "start", Integer.toString(f.number())), env, project, true);
                double seen = browser.awaitNumber("return window.ijokaSeen[arguments[0]] ?? null;", f.id().value());
                latency.add((long) ((seen - launched) * 1e6));
            }
        }
        System.out.printf(Locale.ROOT, "Live: %d starts by ./ijoka feature start N, from the process launch to the card in its new column%n", changes);
        printPercentiles("launch to card in its new column", latency);
    }

    private static void printPercentiles(String what, List<Long> nanos) {
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = s.length;
        System.out.printf(Locale.ROOT, "  %-44s p50 %5.0f ms  p95 %5.0f ms  min %5.0f ms  max %5.0f ms  (n=%d)%n", what,
                s[(int) Math.ceil(0.50 * n) - 1] / 1e6, s[(int) Math.ceil(0.95 * n) - 1] / 1e6, s[0] / 1e6, s[n - 1] / 1e6, n);
    }

    /**
     * The other process of the live measurement: prints the ready features ("ready id id ..."), then for
     * each feature id read from stdin starts it and prints "id micros-before micros-after" (wall clock).
     */
    public static final class Committer {

        private Committer() {}

        public static void main(String[] args) throws IOException {
            try (Ijoka ijoka = Ijoka.builder().store(args[0]).build();
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                Project p = ijoka.projects().open(Path.of(args[1]));
                StringBuilder ready = new StringBuilder("ready");
                for (Feature f : ijoka.plan().ready(p.id())) {
                    ready.append(' ').append(f.id().value());
                }
                System.out.println(ready);
                System.out.flush();
                for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                    long before = micros();
                    ijoka.features().start(FeatureId.of(line), null);
                    long after = micros();
                    System.out.println(line + " " + before + " " + after);
                    System.out.flush();
                }
            }
        }

        private static long micros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
    }

    // --- the server and the browser ------------------------------------------------------------

    /** {@code ijoka serve} in a process of its own, on a free port, until closed. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final String origin;
        final String projectPath;

        private Server(Process process, String origin, String projectPath) {
            this.process = process;
            this.origin = origin;
            this.projectPath = projectPath;
        }

        static Server start(List<String> prefix, String javaOpts, Map<String, String> env, Path project) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of("serve", "--port", Integer.toString(port)));
            ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().remove("IJOKA_DB");
            pb.environment().putAll(env);
            if (!javaOpts.isEmpty()) {
                pb.environment().put("IJOKA_JAVA_OPTS", javaOpts);
            }
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("Ijoka dashboard: ")) {
                p.destroyForcibly();
                throw new IllegalStateException("ijoka serve did not start: " + line);
            }
            // the rest of its output is not needed, but must not fill the pipe
            Thread.ofVirtual().start(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the server ended
                }
            });
            String origin = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<Void> root = http.send(HttpRequest.newBuilder(URI.create(origin + "/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = root.headers().firstValue("Location").orElseThrow(); // /p/{project}/kanban
            return new Server(p, origin, location.substring(0, location.lastIndexOf('/')));
        }

        String page(String view) {
            return origin + projectPath + "/" + view;
        }

        /** The fields of /proc/{pid}/status (the launcher execs java, so the process is the JVM). */
        Map<String, String> procStatus() throws IOException {
            return Processes.procStatus(process.pid());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the server stops and closes the store
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A headless Chromium with the flags a closed network needs, driven by Debian's chromedriver (never downloaded). */
    private static final class Browser implements AutoCloseable {
        final ChromeDriverService service;
        final ChromeDriver driver;

        Browser(Path profile) {
            service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,900");
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(30));
        }

        String version() {
            return "Chromium " + driver.getCapabilities().getBrowserVersion();
        }

        Object script(String js, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(js, args);
        }

        /** Navigates (returning after the load event) and reads the navigation's timing, in ms from its start. */
        @SuppressWarnings("unchecked")
        Map<String, Double> load(String url) {
            driver.get(url);
            if (url.startsWith("about:")) {
                return Map.of();
            }
            // loadEventEnd is set just after the load handlers return; driver.get may come back a moment before
            awaitTrue("return performance.getEntriesByType('navigation')[0].loadEventEnd > 0;");
            Map<String, Object> t = (Map<String, Object>) script(
                    "const n = performance.getEntriesByType('navigation')[0];"
                    + "return {responseEnd: n.responseEnd, domContentLoadedEventEnd: n.domContentLoadedEventEnd, loadEventEnd: n.loadEventEnd};");
            Map<String, Double> ms = new HashMap<>();
            t.forEach((k, v) -> ms.put(k, ((Number) v).doubleValue()));
            return ms;
        }

        void awaitTrue(String js) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Boolean.TRUE.equals(script(js))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for: " + js);
                }
                Thread.onSpinWait();
            }
        }

        double awaitNumber(String js, Object... args) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                Object v = script(js, args);
                if (v instanceof Number n) {
                    return n.doubleValue();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the page did not show the change in 30 s: " + Arrays.toString(args));
                }
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                service.stop();
            }
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
