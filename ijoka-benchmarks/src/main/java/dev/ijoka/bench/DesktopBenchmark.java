package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole-process figures of the desktop app (issue 11): the real {@code ./ijoka desktop} process, on a SQLite store
 * holding the {@link SyntheticProject} of 10,000 features and 20,000 edges, under an X server of the harness's own.
 *
 * <ol>
 *   <li><b>Session</b>: starts Xvfb (1600×1000, 24-bit, on a display it picks itself), a D-Bus session bus and, if
 *       installed, Debian's {@code trayer} as the tray host, as ijoka-swing's tests do; stops them at the end.</li>
 *   <li><b>Start-up</b>, after a warm-up launch, {@code --runs} times (default 5), each a fresh process: the wall time from launching
 *       {@code ./ijoka desktop} to the app's mark that the Board was painted with the project's cards. The mark is
 *       the line {@code ijoka-desktop-trace board-painted …} that the app writes to standard error, only when
 *       {@code IJOKA_DESKTOP_TRACE} is set, from the Board column's {@code paintComponent} once the cards are loaded
 *       (so the frame is on screen, not merely built); the harness timestamps the line as it reads it. The JVM's
 *       own uptime at the mark is printed beside it, and the CPU time the process had used by then. The process is then stopped with SIGTERM (its clean Quit).</li>
 *   <li><b>Memory</b>: one more process, left idle {@code --idle} seconds (default 30) after its first paint,
 *       then VmRSS and VmHWM from {@code /proc/<pid>/status}: the whole process (engine, web server, Swing).</li>
 *   <li><b>Live</b>: in that process, {@code --changes} (default 40) ready features started one at a time by this
 *       JVM, a second engine on the same file (another process as far as the change feed goes), stamping the clock
 *       just before each call; the latency is until the app's mark {@code change-painted number=N} (written after
 *       the column holding the moved card was painted with it). Then VmRSS again.</li>
 *   <li><b>Scrolling</b>: a separate JVM ({@link DesktopScrollProbe}) opens the same window on the same store in
 *       the same X session and scrolls the Board's Pending column and the Table programmatically, timing each frame
 *       on the event-dispatch thread: the view position set, the dirty region painted, the pixels flushed.</li>
 * </ol>
 *
 * Run from the repository root after {@code mvn -q -DskipTests package}:
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.DesktopBenchmark [--features N] [--runs N]
 *     [--changes N] [--idle S] [--frames N] [--scroll-only | --startup-only] [--threads] [--marks]
 *     [--home DIR]
 * </pre>
 * Needs Xvfb and dbus-daemon (Debian: xvfb, dbus); trayer is used when present. The load average is printed
 * before and after: other work on the machine shows up there first.
 */
public final class DesktopBenchmark {

    private DesktopBenchmark() {}

    /** Whether each launch prints its CPU time by thread (JIT compilers, GC, main, event-dispatch, store) at the mark. */
    private static boolean threads;
    /** Whether each launch prints the app's trace marks (desktop-start, window-built, ...) up to the first paint. */
    private static boolean marks;

    /** A line the app wrote, with the harness's clock when it was read. */
    record Mark(String line, long nanos) {}

    public static void main(String[] args) throws Exception {
        int features = Processes.intArg(args, "--features", 10_000);
        int runs = Processes.intArg(args, "--runs", 5);
        int changes = Processes.intArg(args, "--changes", 40);
        int idle = Processes.intArg(args, "--idle", 30);
        int frames = Processes.intArg(args, "--frames", 1500);
        boolean scrollOnly = List.of(args).contains("--scroll-only");
        boolean startupOnly = List.of(args).contains("--startup-only"); // the launches alone: no memory, live or scrolling
        threads = List.of(args).contains("--threads"); // each launch's CPU by thread at the mark
        marks = List.of(args).contains("--marks"); // each launch's trace marks up to the first paint, by process age
        String jfr = System.getenv("IJOKA_BENCH_JFR"); // a file: the scroll probe records a flight recording there
        Path repo = Path.of("").toAbsolutePath();
        Path launcher = repo.resolve("ijoka");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(repo.resolve("ijoka-app/target/ijoka.jar"))) {
            System.err.println("Run this from the repository root after 'mvn -q -DskipTests package' (needs ./ijoka and ijoka-app/target/ijoka.jar)");
            System.exit(2);
        }
        // --home DIR: the store (and the start-up cache trained on it) kept in DIR and used again by the next run
        // with the same DIR, for trying JVM options one after the other; by default a fresh temporary directory.
        String kept = homeArg(args);
        Path work = kept != null ? Files.createDirectories(Path.of(kept).toAbsolutePath())
                : Files.createTempDirectory("ijoka-desktop-bench-");
        try (XSession session = XSession.start(Files.createTempDirectory("ijoka-desktop-session-"))) {
            Path home = Files.createDirectories(work.resolve("home"));
            Path projectDir = Files.createDirectories(work.resolve("project"));
            Path db = home.resolve("ijoka.db");
            Path projectFile = work.resolve("project-id");
            SyntheticProject data = SyntheticProject.generate(features);
            ProjectId project;
            long loadStart = System.nanoTime();
            if (kept != null && Files.isRegularFile(projectFile) && Files.isRegularFile(db)) {
                project = ProjectId.of(Files.readString(projectFile).strip());
            } else {
                try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
                    project = PlanBenchmark.load(ijoka, projectDir, data);
                }
                Files.writeString(projectFile, project.value());
            }
            System.out.printf(Locale.ROOT, "Ijoka desktop app, %s, Java %s, load average %s%n", data.describe(),
                    Runtime.version(), Processes.load());
            System.out.printf(Locale.ROOT, "store written in %.1f s (%s, %,d bytes)%n", (System.nanoTime() - loadStart) / 1e9,
                    db, Files.size(db));

            Map<String, String> env = new HashMap<>(session.env());
            env.put("IJOKA_HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("IJOKA_DESKTOP_TRACE", "1");
            env.put("IJOKA_THEME", "light");

            if (!scrollOnly) {
                launches(launcher, env, projectDir, db, project, features, runs, changes, idle, startupOnly);
            }
            if (startupOnly) {
                System.out.printf(Locale.ROOT, "%nload average afterwards: %s%n", Processes.load());
                return;
            }
            System.out.printf(Locale.ROOT, "%nScrolling (DesktopScrollProbe, %d frames per view)%n", frames);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED"));
            if (jfr != null) {
                command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), DesktopScrollProbe.class.getName(),
                    db.toString(), home.resolve("probe").toString(), Integer.toString(frames)));
            ProcessBuilder probe = new ProcessBuilder(command).inheritIO();
            probe.environment().putAll(env);
            Process p = probe.start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("the scroll probe failed");
            }
            System.out.printf(Locale.ROOT, "%nload average afterwards: %s%n", Processes.load());
        } finally {
            if (kept == null) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void launches(Path launcher, Map<String, String> env, Path projectDir, Path db, ProjectId project,
            int features, int runs, int changes, int idle, boolean startupOnly) throws Exception {
        // Start-up: a warm-up launch (the OS's file cache, as on a machine where Ijoka ran before), then the runs.
        List<Long> wall = new ArrayList<>();
        List<Long> uptime = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            try (Desktop d = Desktop.launch(launcher, env, projectDir)) {
                List<Mark> seen = new ArrayList<>();
                Mark painted = d.await("board-painted", 120, seen);
                long cpuNanos = d.cpuNanos();
                String byThread = threads ? d.cpuByThread() : "";
                if (i > 0) {
                    cpu.add(cpuNanos);
                    wall.add(painted.nanos() - d.started);
                    uptime.add(TimeUnit.MILLISECONDS.toNanos(uptimeMillis(painted.line())));
                }
                System.out.printf(Locale.ROOT, "  launch %d%s: board painted after %d ms (process age %d ms, CPU %d ms), load %s%n", i,
                        i == 0 ? " (warm-up)" : "", (painted.nanos() - d.started) / 1_000_000, uptimeMillis(painted.line()),
                        cpuNanos / 1_000_000, Processes.load());
                if (marks) {
                    System.out.println("    marks (process age, ms): " + seen.stream()
                            .map(m -> m.line().substring("ijoka-desktop-trace ".length()).replaceAll(" [a-z]+=[0-9]+ uptime-ms=", " "))
                            .collect(java.util.stream.Collectors.joining(", ")));
                }
                if (!byThread.isEmpty()) {
                    System.out.println("    CPU by thread (ms): " + byThread);
                }
                Thread.sleep(1000);
            }
            if (i == 0 && Runtime.version().feature() >= 25 && !env.containsKey("IJOKA_NO_CDS")
                    && System.getenv("IJOKA_NO_CDS") == null) {
                // The warm-up launch made the launcher train the desktop's start-up cache in the background: the timed
                // launches start with it, as every launch after a person's first does, and not beside the training.
                Path home = Path.of(env.get("IJOKA_HOME"));
                Processes.awaitStartupCache(home, "desktop");
                try (Stream<Path> files = Files.list(home.resolve("cds"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".aot")).toList()) {
                        System.out.printf(Locale.ROOT, "  start-up cache %s: %,d bytes%n", f.getFileName(), Files.size(f));
                    }
                }
            }
        }
        if (wall.isEmpty()) {
            return; // --runs 0: the warm-up launch alone (e.g. with IJOKA_JAVA_OPTS recording a profile)
        }
        System.out.printf(Locale.ROOT, "%nStart-up: launch to the Board painted with %,d features (%d runs)%n", features, runs);
        System.out.printf(Locale.ROOT, "%-44s %-10s %8s %8s %8s %8s%n", "", "", "median", "p90", "min", "max");
        Processes.print("./ijoka desktop", "wall", wall);
        Processes.print("./ijoka desktop", "process age", uptime);
        Processes.print("./ijoka desktop", "CPU", cpu);
        if (startupOnly) {
            return;
        }

        try (Desktop d = Desktop.launch(launcher, env, projectDir)) {
            d.await("board-painted", 120);
            Thread.sleep(TimeUnit.SECONDS.toMillis(idle)); // the idle period is what is measured
            Map<String, String> status = d.procStatus();
            System.out.printf(Locale.ROOT, "%nIdle resident memory, %d s after the first paint: VmRSS %s, VmHWM %s (load %s)%n",
                    idle, status.get("VmRSS"), status.get("VmHWM"), Processes.load());

            List<Long> latencies = live(db, project, d, changes);
            if (latencies.isEmpty()) {
                return;
            }
            System.out.printf(Locale.ROOT, "%nLive: another process starts a feature -> the Board painted with it (%d changes)%n",
                    latencies.size());
            System.out.printf(Locale.ROOT, "%-44s %-10s %8s %8s %8s %8s%n", "", "", "median", "p90", "min", "max");
            Processes.print("commit to painted", "latency", latencies);
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "p95 %d ms%n", sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1_000_000);
            Thread.sleep(5000);
            status = d.procStatus();
            System.out.printf(Locale.ROOT, "After the live changes and 5 s: VmRSS %s, VmHWM %s%n", status.get("VmRSS"), status.get("VmHWM"));
        }
    }

    private static List<Long> live(Path db, ProjectId project, Desktop d, int changes) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        try (Ijoka other = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            List<Feature> ready = other.plan().ready(project);
            for (int i = 0; i < changes && i < ready.size(); i++) {
                Feature f = ready.get(i);
                d.marks.clear();
                long start = System.nanoTime();
                other.features().start(f.id(), null);
                Mark painted = d.await("change-painted number=" + f.number() + " ", 10);
                latencies.add(painted.nanos() - start);
                Thread.sleep(300); // apart, as people and agents make changes
            }
        }
        return latencies;
    }

    private static @org.jspecify.annotations.Nullable String homeArg(String[] args) {
        int at = List.of(args).indexOf("--home");
        return at >= 0 && at + 1 < args.length ? args[at + 1] : null;
    }

    private static long uptimeMillis(String line) {
        int at = line.indexOf("uptime-ms=");
        return at < 0 ? -1 : Long.parseLong(line.substring(at + "uptime-ms=".length()).strip());
    }

    /** One {@code ./ijoka desktop} process, its trace lines read as they come. */
    static final class Desktop implements AutoCloseable {
        final Process process;
        final long started;
        final BlockingQueue<Mark> marks = new LinkedBlockingQueue<>();

        private Desktop(Process process, long started) {
            this.process = process;
            this.started = started;
            Thread.ofPlatform().daemon().name("desktop-stderr").start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        long now = System.nanoTime();
                        if (line.startsWith("ijoka-desktop-trace ")) {
                            marks.add(new Mark(line, now));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        static Desktop launch(Path launcher, Map<String, String> env, Path directory) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "desktop").directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().remove("IJOKA_DB");
            pb.environment().putAll(env);
            long started = System.nanoTime();
            Process process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return new Desktop(process, started);
        }

        Mark await(String contains, int seconds) throws InterruptedException {
            return await(contains, seconds, new ArrayList<>());
        }

        /** The same, adding every mark read on the way (the one awaited included) to {@code seen}. */
        Mark await(String contains, int seconds, List<Mark> seen) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                Mark m = marks.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new IllegalStateException("no '" + contains + "' from the desktop app in " + seconds + " s"
                            + (process.isAlive() ? "" : "; it exited " + process.exitValue()));
                }
                seen.add(m);
                if (m.line().contains(contains)) {
                    return m;
                }
            }
        }

        /**
         * The CPU time (user + system, all threads) the process has used so far, from {@code /proc/<pid>/stat}: on a
         * machine other work keeps busy, the steadier figure.
         */
        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        /**
         * The CPU time of each of the process's threads so far ({@code /proc/<pid>/task/<tid>/stat}), largest first,
         * threads of one kind summed (the JIT's compiler threads, G1's workers, ...): where a launch's CPU went.
         */
        String cpuByThread() throws IOException {
            Map<String, Long> byName = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+$", "#").replaceAll("#[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    byName.merge(name, ticks * 10L, Long::sum);
                }
            }
            return byName.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }

        /** The fields of /proc/{pid}/status (the launcher execs java, so the process is the JVM). */
        Map<String, String> procStatus() throws IOException {
            return Processes.procStatus(process.pid());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the app quits cleanly and closes the store
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Xvfb, a D-Bus session bus and (when installed) trayer, as ijoka-swing's test session starts them. */
    static final class XSession implements AutoCloseable {
        private final List<Process> processes = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();

        static XSession start(Path dir) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            XSession s = new XSession();
            Runtime.getRuntime().addShutdownHook(new Thread(s::close)); // also when the harness itself is stopped
            Path display = dir.resolve("display");
            s.processes.add(new ProcessBuilder("bash", "-c", "exec Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>'"
                    + display + "'").redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start());
            s.env.put("DISPLAY", ":" + firstLine(display, "Xvfb"));
            Path bus = dir.resolve("bus");
            s.processes.add(new ProcessBuilder("bash", "-c", "exec dbus-daemon --session --nofork --nopidfile --print-address=4 4>'"
                    + bus + "'").redirectErrorStream(true).redirectOutput(dir.resolve("dbus.log").toFile()).start());
            s.env.put("DBUS_SESSION_BUS_ADDRESS", firstLine(bus, "dbus-daemon"));
            if (Files.isExecutable(Path.of("/usr/bin/trayer"))) {
                ProcessBuilder trayer = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                        "request", "--height", "24").redirectErrorStream(true).redirectOutput(dir.resolve("trayer.log").toFile());
                trayer.environment().putAll(s.env);
                s.processes.add(trayer.start());
                Thread.sleep(1000); // its panel window appears within this; the app asks for the tray at start
            }
            return s;
        }

        private static String firstLine(Path file, String what) throws IOException, InterruptedException {
            for (int i = 0; i < 200; i++) {
                if (Files.exists(file) && Files.size(file) > 0) {
                    return Files.readAllLines(file).getFirst().strip();
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(what + " did not start (needs Debian's xvfb and dbus)");
        }

        Map<String, String> env() {
            return env;
        }

        @Override
        public void close() {
            for (Process p : processes.reversed()) {
                p.destroy();
            }
        }
    }
}
