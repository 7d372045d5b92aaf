package dev.ijoka.store.sqlite;

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
import java.util.function.Consumer;

/**
 * Another process for the multi-process tests: this JVM's {@code java} and class path running
 * {@link Child}. Its standard output is collected line by line; standard error goes to a file,
 * shown when a test fails.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr, Consumer<String> onLine) {
        this.process = process;
        this.stderr = stderr;
        this.pump = Thread.ofPlatform().daemon().name("child-stdout-" + process.pid()).start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // The child died (as it is meant to in the durability test): what it printed is kept.
            }
        });
    }

    /** Starts {@code Child} with the arguments; {@code onLine} sees each line as it arrives. */
    static ChildJvm start(Path workDir, Consumer<String> onLine, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path stderr = Files.createTempFile(workDir, "child-", ".stderr");
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
        return new ChildJvm(process, stderr, onLine);
    }

    static ChildJvm start(Path workDir, String... args) throws IOException {
        return start(workDir, line -> { }, args);
    }

    long pid() {
        return process.pid();
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until a line equal to {@code expected} has arrived, or the child has ended. */
    boolean awaitLine(String expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (lines.contains(expected)) {
                return true;
            }
            if (!process.isAlive() && !pump.isAlive()) {
                return lines.contains(expected);
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** SIGKILL: the child gets no chance to clean up, as with {@code kill -9}. */
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
