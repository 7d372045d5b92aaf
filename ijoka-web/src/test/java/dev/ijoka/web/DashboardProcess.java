package dev.ijoka.web;

import dev.ijoka.DataDirectory;
import dev.ijoka.Ijoka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A dashboard in a JVM of its own, as on another machine: the engine on the store URL it is given, the
 * server's files in its own {@code IJOKA_HOME}. {@link #main} prints the server's address on one line,
 * then serves until its standard input closes (the test's end, or the test's JVM dying).
 */
public final class DashboardProcess {

    private static final String READY = "dashboard at ";

    private DashboardProcess() {}

    /** Argument: the store URL. The data directory is this process's {@code IJOKA_HOME}. */
    public static void main(String[] args) throws IOException {
        try (Ijoka ijoka = Ijoka.builder().store(args[0]).build();
                WebServer server = WebServer.builder(ijoka).port(0).dataDirectory(DataDirectory.resolve())
                        .version("test").build().start()) {
            System.out.println(READY + server.address());
            System.out.flush();
            // Blocks until the parent closes our stdin (or dies): then the server and the engine close.
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** A running child: its origin ({@code http://127.0.0.1:port}) and its data directory. */
    record Running(Process process, String origin, Path home) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@link #main} in a child JVM with this JVM's java and class path and {@code IJOKA_HOME=home}. */
    static Running start(String storeUrl, Path home) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                DashboardProcess.class.getName(), storeUrl)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().remove("IJOKA_DB");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(READY)) {
                String address = line.substring(READY.length());
                // Keep draining its stdout so that it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // the child has gone
                    }
                });
                return new Running(p, address.substring(0, address.length() - 1), home);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the dashboard process ended before it served (exit " + exitOf(p) + ")");
    }

    private static int exitOf(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
