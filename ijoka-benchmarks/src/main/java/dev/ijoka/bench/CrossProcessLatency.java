package dev.ijoka.bench;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process harness for DESIGN.md §8 "a change in one process visible in another process's bus:
 * p95 ≤ 250 ms", on a real store: {@code --store sqlite} (the default) or {@code --store postgres}
 * ({@link BenchStore}: a new database on an embedded PostgreSQL server this process starts). This process
 * opens the engine on a new database and subscribes to its bus; a second JVM (this class in {@code child}
 * mode, same class path) opens the same database and records {@code prompt_submitted} events, one
 * transaction each, 10–30 ms apart (random, so commits do not fall into step with the 50 ms poll of
 * SQLite's {@code data_version} or of PostgreSQL's notifications). For each event the latency is the time it
 * reached this process's subscriber minus the event's own time, which the child's engine takes
 * before its transaction begins: an upper bound on commit-to-delivery. The first {@code warmup}
 * events are not counted.
 *
 * <pre>
 * java -cp ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.CrossProcessLatency [events] [warmup] [--store postgres]
 * </pre>
 *
 * Prints one line: events, p50, p95, p99 and max in milliseconds.
 */
public final class CrossProcessLatency {

    private CrossProcessLatency() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        List<String> numbers = Arrays.stream(args).filter(a -> a.matches("\\d+")).toList();
        int events = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 300;
        int warmup = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 50;
        String store = BenchStore.fromArgs(args);
        Path dir = Files.createTempDirectory("ijoka-latency");
        try {
            measure(BenchStore.newUrl(store, dir), dir, events, warmup);
        } finally {
            AppendBenchmark.deleteTree(dir);
        }
    }

    private static void measure(String url, Path dir, int events, int warmup) throws IOException, InterruptedException {
        Path code = Files.createDirectories(dir.resolve("code"));
        List<Long> micros = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(warmup + events);
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            ijoka.projects().open(code);
            Events.Subscription subscription = ijoka.events().subscribe(e -> {
                if (e.type() == EventType.PROMPT_SUBMITTED) {
                    long latency = Duration.between(e.at(), Instant.now()).toNanos() / 1_000;
                    synchronized (micros) {
                        micros.add(latency);
                    }
                    all.countDown();
                }
            });
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), CrossProcessLatency.class.getName(), "child", url,
                    code.toString(), String.valueOf(warmup + events))
                    .inheritIO()
                    .start();
            boolean done = all.await(10, TimeUnit.MINUTES);
            child.waitFor(1, TimeUnit.MINUTES);
            subscription.close();
            if (!done) {
                throw new IllegalStateException("only " + micros.size() + " of " + (warmup + events) + " events arrived");
            }
        }
        List<Long> measured;
        synchronized (micros) {
            measured = micros.subList(warmup, micros.size()).stream().sorted().toList();
        }
        System.out.printf(Locale.ROOT, "cross-process delivery (%s): %d events, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                url.substring(5, url.indexOf(':', 5)), measured.size(), pct(measured, 50), pct(measured, 95), pct(measured, 99), measured.getLast() / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(sorted.size() * p / 100.0) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void child(String url, Path code, int count) throws InterruptedException {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project p = ijoka.projects().open(code);
            SessionId session = ijoka.sessions().start(p.id(), SessionId.of("latency-child"), "bench").id();
            for (int i = 0; i < count; i++) {
                ijoka.sessions().record(session, new EventPayload.PromptSubmitted("prompt " + i));
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 31));
            }
        }
    }
}
