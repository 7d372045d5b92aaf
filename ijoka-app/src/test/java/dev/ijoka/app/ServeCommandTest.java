package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ijoka serve}: prints where the dashboard is, serves until POST /api/shutdown, then exits 0. */
class ServeCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void cleanUp() {
        cli.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void servesTheDashboardUntilShutdownAndSaysWhere() throws Exception {
        cli.ok("feature", "add", "User can log in");
        int port = freePort();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> cli.run("serve", "--port", String.valueOf(port)));
        Path serverFile = Path.of(cli.env.get("IJOKA_HOME"), "server.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(serverFile) && System.nanoTime() < deadline && !run.isDone()) {
            Thread.sleep(50);
        }
        assertThat(serverFile).as("server.json").exists();
        JsonNode file = JsonMapper.builder().build().readTree(Files.readString(serverFile));
        String url = file.get("url").asString();
        assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"ok\"");
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(url + "api/shutdown"))
                .header("Origin", "http://127.0.0.1:" + port).header("X-Ijoka-Token", file.get("token").asString())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).isEqualTo(202);

        CliHarness.Result result = run.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Ijoka dashboard: http://127.0.0.1:" + port + "/").contains("Project: shop")
                .contains("stopped");
        assertThat(serverFile).doesNotExist();
    }

    @Test
    void aTakenPortIsAnErrorThatSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliHarness.Result r = cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err()).contains("port " + taken.getLocalPort()).contains("is taken").contains("--port");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(cli.run("serve", "--port", "70000").exit()).isEqualTo(ExitCodes.USAGE);
    }
}
