package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ijoka desktop} as a real process: the built jar inside a private desktop session (Xvfb, D-Bus, a tray
 * host), started by ijoka-swing's test session script, as a person starts it on their desktop. It opens the
 * window and serves the dashboard as {@code serve} does; stopping (the road Quit takes) closes both and exits 0.
 */
class DesktopCommandIT {

    private static final Path SESSION = Path.of("..", "ijoka-swing", "src", "test", "desktop-session", "bin", "java")
            .toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "ijoka.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private ProcessBuilder ijoka(Path java, List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvm);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("IJOKA_HOME", dir.resolve("home").toString());
        pb.environment().put("IJOKA_DB", "jdbc:sqlite:" + dir.resolve("ijoka.db"));
        pb.environment().put("IJOKA_THEME", "light");
        pb.environment().put("IJOKA_REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        return pb;
    }

    @Test
    void opensTheWindowAndTheDashboardAndStopsCleanly() throws Exception {
        int port = freePort();
        Process p = ijoka(SESSION, List.of(), "desktop", "--port", String.valueOf(port)).start();
        try {
            Path serverFile = dir.resolve("home/server.json");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(dir.resolve("out.txt")).contains("Ijoka desktop is open") && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(dir.resolve("out.txt"))).as("stdout; stderr: " + Files.readString(dir.resolve("err.txt")))
                    .contains("Ijoka desktop is open. Dashboard: http://127.0.0.1:" + port + "/");
            JsonNode file = JsonMapper.builder().build().readTree(Files.readString(serverFile));
            String url = file.get("url").asString();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"ok\"");

            HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(url + "api/shutdown"))
                    .header("Origin", "http://127.0.0.1:" + port).header("X-Ijoka-Token", file.get("token").asString())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).isEqualTo(202);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ijoka desktop exits").isTrue();
            assertThat(p.exitValue()).as("exit; stderr: " + Files.readString(dir.resolve("err.txt"))).isZero();
            assertThat(serverFile).as("server.json removed").doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void withoutAPortTheDashboardStartsAfterTheWindowHasPaintedAndQuitStopsBoth() throws Exception {
        Process p = ijoka(SESSION, List.of(), "desktop").start();
        try {
            Path serverFile = dir.resolve("home/server.json");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(dir.resolve("out.txt")).contains("Ijoka desktop is open") && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(dir.resolve("out.txt"))).as("stdout; stderr: " + Files.readString(dir.resolve("err.txt")))
                    .containsPattern("Ijoka desktop is open\\. Dashboard: http://127\\.0\\.0\\.1:\\d+/");
            JsonNode file = JsonMapper.builder().build().readTree(Files.readString(serverFile));
            String url = file.get("url").asString();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"ok\"");

            HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(url + "api/shutdown"))
                    .header("Origin", url.substring(0, url.length() - 1)).header("X-Ijoka-Token", file.get("token").asString())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).isEqualTo(202);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ijoka desktop exits").isTrue();
            assertThat(p.exitValue()).as("exit; stderr: " + Files.readString(dir.resolve("err.txt"))).isZero();
            assertThat(serverFile).as("server.json removed").doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theStartUpCachesTrainingRunForTheDesktopPaintsTheWindowWithoutShowingItAndCachesOnlyThePathToTheFirstPaint() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches are made by JDK 25 and later");
        Path cache = dir.resolve("desktop.aot");
        Process p = ijoka(SESSION, List.of("-XX:AOTCacheOutput=" + cache), "aot-training", "desktop").start();
        // A backstop, not a timing: on a loaded machine the run and the cache's assembly take minutes.
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the training run ends").isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("ijoka aot-training:");
        assertThat(cache).as("the AOT cache it made; stderr: " + err).isNotEmptyFile();
        assertThat(dir.resolve("home")).as("the user's data directory is not touched").doesNotExist();

        // Every class of the cache is loaded while the JVM starts: it holds the path to the window's first paint,
        // not Flyway (the daily store is migrated already) nor the web dashboard (started after the paint).
        Path log = dir.resolve("classes.log");
        Process run = ijoka(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-XX:AOTCache=" + cache, "-Xlog:class+load=info:file=" + log), "--version").start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("ijoka --version on the cache ends").isTrue();
        List<String> cached = Files.readAllLines(log).stream().filter(l -> l.contains("source: shared objects file"))
                .map(l -> l.substring(l.lastIndexOf("] ") + 2)).map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
        assertThat(cached).as("the window's classes come from the cache")
                .contains("dev.ijoka.swing.internal.board.BoardView", "com.formdev.flatlaf.FlatLightLaf");
        assertThat(cached).as("classes the desktop never loads before its first paint")
                .noneMatch(c -> c.startsWith("org.flywaydb.") || c.startsWith("io.undertow.") || c.startsWith("dev.ijoka.web.")
                        || c.startsWith("dev.ijoka.mcp."));
    }

    @Test
    void withoutADisplayItSaysSoAndChangesNothing() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = ijoka(java, List.of("-Djava.awt.headless=true"), "desktop").start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("needs a display").contains("ijoka serve");
        assertThat(dir.resolve("ijoka.db")).doesNotExist();
    }

    @Test
    void aLinkThatIsNotAnIjokaLinkIsAUsageError() throws Exception {
        Process p = ijoka(SESSION, List.of(), "desktop", "https://example.com/").start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("is not an ijoka:// link");
    }
}
