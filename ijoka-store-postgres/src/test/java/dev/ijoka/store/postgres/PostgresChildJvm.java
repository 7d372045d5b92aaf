package dev.ijoka.store.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real other process: this JVM's {@code java} and class path running {@link PostgresChild}. Its
 * standard output is collected line by line as it comes; standard error goes to a file, shown when a
 * test fails.
 */
final class PostgresChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;
    private final Path stderr;

    private PostgresChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.pump = Thread.ofPlatform().daemon().name("child-stdout-" + process.pid()).start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child died (as it is meant to in the kill -9 test): what it printed is kept.
            }
        });
    }

    static PostgresChildJvm start(Path workDir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: these children live seconds, and the machine's two cores are shared.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PostgresChild.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path stderr = Files.createTempFile(workDir, "child-", ".stderr");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new PostgresChildJvm(process, stderr);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until a line equal to {@code expected} has arrived; false on time-out or when the child ended without it. */
    boolean awaitLine(String expected, long timeoutMillis) throws InterruptedException {
        return awaitLine(expected::equals, timeoutMillis);
    }

    /** Waits until some line matches; false on time-out or when the child ended without one. */
    boolean awaitLine(Predicate<String> matching, long timeoutMillis) throws InterruptedException {
        return awaitLines(matching, 1, timeoutMillis);
    }

    /** Waits until {@code count} lines match; false on time-out or when the child ended with fewer. */
    boolean awaitLines(Predicate<String> matching, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (lines.stream().filter(matching).count() >= count) {
                return true;
            }
            if (!process.isAlive() && !pump.isAlive()) {
                return lines.stream().filter(matching).count() >= count;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** SIGKILL, as {@code kill -9}: the child gets no chance to clean up or to close its connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(10_000);
    }

    /** Waits for the child to end by itself and returns its exit code. */
    int await(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("child " + pid() + " did not finish within " + timeoutSeconds + " s:\n" + stderr());
        }
        pump.join(10_000);
        return process.exitValue();
    }

    /** Every line printed so far (complete once the child has ended). */
    List<String> lines() {
        return List.copyOf(lines);
    }

    String stderr() {
        try {
            String text = Files.readString(stderr, StandardCharsets.UTF_8);
            return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
