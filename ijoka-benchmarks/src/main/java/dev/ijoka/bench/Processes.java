package dev.ijoka.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Whole-process timing shared by the process benchmarks: run a command, wall and CPU time, medians. */
final class Processes {

    private Processes() {}

    /** GNU time, if the machine has it: it reports the CPU time a run used, which other load disturbs far less than wall time. */
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** The CPU time (user + system) of the last {@link #run}, in nanoseconds; -1 without GNU time. */
    static long lastCpuNanos = -1;

    /** The peak resident memory (VmHWM) of the last {@link #run}'s process, in KiB; -1 without GNU time. */
    static long lastPeakKib = -1;

    /** How long a command may run before it is killed and {@link TimedOut} thrown; 10 minutes unless set. */
    static long timeoutSeconds = 600;

    /** A command that ran longer than {@link #timeoutSeconds}; it was killed, with every process it started. */
    static final class TimedOut extends IllegalStateException {
        TimedOut(String message) {
            super(message);
        }
    }

    /**
     * Put in a run's environment (any value): the launcher may start its background engine (docs/cli.md), which every
     * other run keeps off, so that a benchmark measures what it says and leaves no process behind.
     */
    static final String BACKGROUND_ENGINE = "ijoka.bench.backgroundEngine";

    /** {@code IJOKA_NO_ENGINE=1} unless {@link #BACKGROUND_ENGINE} asks for the engine; the marker never reaches the process. */
    static void engineSwitch(Map<String, String> processEnv) {
        if (processEnv.remove(BACKGROUND_ENGINE) != null) {
            processEnv.remove("IJOKA_NO_ENGINE");
        } else {
            processEnv.put("IJOKA_NO_ENGINE", "1");
        }
    }

    /** Runs a command to its end and returns its wall time; a non-zero exit stops the benchmark. */
    static long run(List<String> commandLine, Map<String, String> env, Path directory, boolean check)
            throws IOException, InterruptedException {
        return run(commandLine, env, directory, check, null);
    }

    /** {@link #run(List, Map, Path, boolean)} with stdin read from {@code input} (a file), if given. */
    static long run(List<String> commandLine, Map<String, String> env, Path directory, boolean check, Path input)
            throws IOException, InterruptedException {
        List<String> command = commandLine;
        Path cpuFile = null;
        if (Files.isExecutable(GNU_TIME)) {
            cpuFile = Files.createTempFile("ijoka-bench-cpu-", ".txt");
            List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-q", "-f", "%U %S %M", "-o", cpuFile.toString()));
            timed.addAll(command);
            command = timed;
        }
        // stderr goes to a file, not a pipe read to its end: reading a pipe would wait for a process that never
        // ends, and the timeout below would never apply.
        Path errFile = Files.createTempFile("ijoka-bench-err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile());
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        pb.environment().remove("IJOKA_DB");
        pb.environment().putAll(env);
        engineSwitch(pb.environment());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(errFile);
            if (cpuFile != null) {
                Files.deleteIfExists(cpuFile);
            }
            throw new TimedOut("did not finish in " + timeoutSeconds + " s: " + String.join(" ", commandLine));
        }
        byte[] err = Files.readAllBytes(errFile);
        Files.deleteIfExists(errFile);
        long elapsed = System.nanoTime() - start;
        lastCpuNanos = -1;
        lastPeakKib = -1;
        if (cpuFile != null) {
            // GNU time writes "Command exited with non-zero status N" first when the command failed.
            List<String> lines = Files.readAllLines(cpuFile);
            String[] cpu = lines.isEmpty() ? new String[0] : lines.getLast().strip().split("\\s+");
            Files.deleteIfExists(cpuFile);
            if (cpu.length == 3) {
                lastCpuNanos = (long) ((Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1])) * 1e9);
                lastPeakKib = Long.parseLong(cpu[2]);
            }
        }
        if (check && p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + new String(err, StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    /**
     * Waits until the launcher's start-up cache for {@code face} (cli, mcp, hook) exists in the data
     * directory {@code home} and no training run is going on: on JDK 25+ the launcher trains it in the
     * background after the first command, and timing runs beside a training run would measure both.
     */
    static void awaitStartupCache(Path home, String face) throws IOException, InterruptedException {
        Path cds = home.resolve("cds");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            List<String> names;
            try (Stream<Path> files = Files.exists(cds) ? Files.list(cds) : Stream.empty()) {
                names = files.map(p -> p.getFileName().toString()).toList();
            }
            boolean ready = names.stream().anyMatch(n -> n.endsWith("-" + face + ".aot") || n.endsWith("-" + face + ".jsa"));
            if (ready && names.stream().noneMatch(n -> n.endsWith(".lock"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no start-up cache for " + face + " in " + cds + " after 3 minutes: " + names);
            }
            Thread.sleep(200);
        }
    }

    static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static void print(String variant, String command, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p90 = sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
        System.out.printf(Locale.ROOT, "%-44s %-10s %6.0f ms %5d ms %5d ms %5d ms%n", variant, command, median / 1e6,
                p90 / 1_000_000, sorted[0] / 1_000_000, sorted[n - 1] / 1_000_000);
    }

    /** The fields of {@code /proc/<pid>/status} (VmRSS, VmHWM, ...), by name. */
    static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
