package dev.ijoka.web;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server for the tests: the engine on a SQLite file in a temporary directory, the dashboard on
 * a free loopback port, and a real HTTP client that sends what a page of the dashboard would (its
 * Origin and the launch token) unless a test says otherwise.
 */
final class TestServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path dir;
    final String storeUrl;
    final Ijoka ijoka;
    final WebServer server;
    final Project project;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path dir) throws IOException {
        this(dir, java.time.InstantSource.system());
    }

    /** With the engine on {@code clock}: the server must judge time by it too. */
    TestServer(Path dir, java.time.InstantSource clock) throws IOException {
        this.dir = dir;
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        this.storeUrl = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        this.ijoka = Ijoka.builder().store(storeUrl).clock(clock).build();
        this.project = ijoka.projects().open(projectDir);
        this.server = WebServer.builder(ijoka).port(0).dataDirectory(dir.resolve("data"))
                .projectDirectory(projectDir).version("test").build().start();
    }

    String origin() {
        String a = server.address().toString();
        return a.substring(0, a.length() - 1);
    }

    String api(String rest) {
        return "/api/projects/" + project.id().value() + rest;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A state-changing request as the dashboard's own page sends it. */
    HttpResponse<String> call(String method, String path, Object body) {
        return send(request(path).header("Origin", origin()).header("X-Ijoka-Token", server.token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    HttpResponse<String> post(String path, Object body) {
        return call("POST", path, body);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        server.close();
        ijoka.close();
    }
}
