package dev.ijoka.bench;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cold floor of an MCP server's start on this JDK (issue 13's closing note): what a JVM costs, and a JVM with the
 * MCP SDK, from spawn to {@code initialize} answered, next to {@code ijoka mcp} started cold by the launcher.
 *
 * <ul>
 *   <li>{@code jvm}: a JVM that reads one line and prints a fixed {@code initialize} answer (no JSON library, nothing
 *     else): the JVM alone;</li>
 *   <li>{@code sdk}: the MCP Java SDK's stdio server with Jackson 3, answering {@code initialize} and nothing else (no
 *     tools, no store): the JVM and the SDK;</li>
 *   <li>{@code measure [RUNS] [AOT-DIR]}: runs {@code jvm}, {@code sdk}, {@code sdk} on an AOT cache of its own (JDK 25+,
 *     trained first by one run with {@code -XX:AOTCacheOutput}) and {@code ./ijoka mcp} (which must have its own start-up
 *     data directory of its own, an empty store, and its start-up cache made and waited for first) in turn, RUNS times (default 11), and prints their medians, wall and CPU.</li>
 * </ul>
 *
 * Every JVM gets {@code ijoka mcp}'s flags (the launcher's: C1 only, the serial collector, {@code
 * CompileThresholdScaling=4}). Run from the repository root, on the shaded jar: {@code java -cp
 * ijoka-benchmarks/target/benchmarks.jar dev.ijoka.bench.McpFloor measure 11}.
 */
public final class McpFloor {

    private McpFloor() {}

    /** The data directory of the measured {@code ijoka mcp} runs (a temporary one). */
    private static Path home = Path.of(System.getProperty("java.io.tmpdir"), "ijoka-floor-home");

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n";
    private static final List<String> FLAGS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m", "-XX:CompileThresholdScaling=4");

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "measure" : args[0];
        switch (mode) {
            case "jvm" -> jvm();
            case "sdk" -> sdk();
            case "measure" -> measure(args.length > 1 ? Integer.parseInt(args[1]) : 11);
            default -> {
                System.err.println("usage: McpFloor jvm|sdk|measure [RUNS]");
                System.exit(2);
            }
        }
    }

    private static void jvm() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            return;
        }
        System.out.print("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":"
                + "{\"tools\":{\"listChanged\":false}},\"serverInfo\":{\"name\":\"floor\",\"version\":\"1\"}}}\n");
        System.out.flush();
        while (in.readLine() != null) {
            // until the client closes stdin
        }
    }

    private static void sdk() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    ended.countDown();
                }
                return c;
            }
        };
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(new JacksonMcpJsonMapper(JsonMapper.shared()),
                        in, System.out))
                .serverInfo("floor", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .build();
        ended.await();
        server.close();
        System.exit(0);
    }

    private static void measure(int runs) throws Exception {
        String javaPath = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of("ijoka-benchmarks/target/benchmarks.jar").toAbsolutePath().toString();
        Path aot = Files.createTempDirectory("ijoka-floor-").resolve("floor.aot");
        List<String> base = new ArrayList<>(List.of(javaPath));
        base.addAll(FLAGS);
        List<String> jvm = new ArrayList<>(base);
        jvm.addAll(List.of("-cp", jar, McpFloor.class.getName(), "jvm"));
        List<String> sdk = new ArrayList<>(base);
        sdk.addAll(List.of("-cp", jar, McpFloor.class.getName(), "sdk"));
        List<String> train = new ArrayList<>(base);
        train.addAll(List.of("-XX:AOTCacheOutput=" + aot, "-cp", jar, McpFloor.class.getName(), "sdk"));
        answer(train); // the training run: its cache is written as it exits
        List<String> sdkAot = new ArrayList<>(base);
        sdkAot.addAll(List.of("-XX:AOTCache=" + aot, "-cp", jar, McpFloor.class.getName(), "sdk"));
        List<String> ijoka = List.of(Path.of("ijoka").toAbsolutePath().toString(), "mcp");
        // ijoka mcp on an empty store of its own data directory, with its start-up cache made and waited for.
        home = aot.resolveSibling("home");
        answer(ijoka);
        Processes.awaitStartupCache(home, "mcp");

        List<List<String>> variants = List.of(jvm, sdk, sdkAot, ijoka);
        List<String> names = List.of("JVM alone (a fixed answer)", "JVM + MCP SDK", "JVM + MCP SDK, AOT cache",
                "ijoka mcp, cold (its AOT cache)");
        List<List<Long>> wall = new ArrayList<>();
        List<List<Long>> cpu = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
            answer(variants.get(v)); // once, unmeasured
        }
        System.out.printf(Locale.ROOT, "MCP cold floor, Java %s, %d runs each, interleaved, load average %s%n",
                Runtime.version(), runs, Processes.load());
        for (int i = 0; i < runs; i++) {
            for (int v = 0; v < variants.size(); v++) {
                long[] r = answer(variants.get(v));
                wall.get(v).add(r[0]);
                cpu.get(v).add(r[1]);
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            Processes.print(names.get(v) + ": to initialize", "wall", wall.get(v));
            if (cpu.get(v).stream().allMatch(c -> c >= 0)) {
                Processes.print(names.get(v) + ", whole run", "cpu", cpu.get(v));
            }
        }
        System.out.printf(Locale.ROOT, "load average afterwards: %s%n", Processes.load());
    }

    /** Spawns {@code command}, writes initialize, returns the nanoseconds to its answer and the process's CPU time. */
    private static long[] answer(List<String> command) throws IOException, InterruptedException {
        Path cpuFile = Files.createTempFile("ijoka-floor-cpu-", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-q", "-f", "%U %S", "-o", cpuFile.toString()));
        timed.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(timed).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("IJOKA_NO_ENGINE", "1");
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().remove("IJOKA_DB");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long start = System.nanoTime();
        Process p = pb.start();
        OutputStream in = p.getOutputStream();
        in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        in.flush();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        long answered = System.nanoTime() - start;
        if (line == null || !line.contains("\"id\":0")) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not answer initialize: " + line);
        }
        in.close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not exit");
        }
        List<String> lines = Files.readAllLines(cpuFile);
        Files.deleteIfExists(cpuFile);
        String[] f = lines.isEmpty() ? new String[0] : lines.getLast().strip().split("\\s+");
        long cpu = f.length == 2 ? (long) ((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1e9) : -1;
        return new long[] {answered, cpu};
    }
}
