package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of DESIGN.md §6 and §9, over real HTTP: each answers 4xx with a message and changes nothing. */
class SecurityIT extends ServerTestBase {

    @BeforeEach
    void start() throws Exception {
        t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE));
    }

    private long log() {
        return t.ijoka.events().lastSequence();
    }

    @Test
    void aForeignHostIsRefusedBeforeAnythingIsRead() {
        HttpResponse<String> r = t.send(t.request("/api/health").header("Host", "evil.example").GET().build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(r).at("/error/code").asString()).isEqualTo("forbidden_host");
        assertThat(TestServer.json(r).at("/error/message").asString()).contains("evil.example").contains("localhost");

        HttpResponse<String> page = t.send(t.request("/").header("Host", "evil.example:" + t.server.address().getPort()).GET().build());
        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void loopbackNamesWithTheServersPortAreServed() {
        int port = t.server.address().getPort();
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port}) {
            assertThat(t.send(t.request("/api/health").header("Host", host).GET().build()).statusCode()).as(host).isEqualTo(200);
        }
        assertThat(t.send(t.request("/api/health").header("Host", "localhost:1").GET().build()).statusCode()).isEqualTo(403);
    }

    @Test
    void aCrossOriginPostIsRefusedAndChangesNothing() {
        long before = log();
        HttpResponse<String> r = t.send(t.request(t.api("/features")).header("Origin", "http://evil.example")
                .header("X-Ijoka-Token", t.server.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"pwned\"}")).build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(r).at("/error/code").asString()).isEqualTo("cross_origin");
        assertThat(log()).isEqualTo(before);
    }

    @Test
    void aPostWithoutOriginOrRefererIsRefused() {
        HttpResponse<String> r = t.send(t.request(t.api("/features")).header("X-Ijoka-Token", t.server.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"x\"}")).build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(r).at("/error/message").asString()).contains("Origin");
    }

    @Test
    void aPostWithoutTheTokenOrWithAWrongOneIsRefused() {
        long before = log();
        HttpResponse<String> none = t.send(t.request(t.api("/features")).header("Origin", t.origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"x\"}")).build());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(none).at("/error/code").asString()).isEqualTo("bad_token");
        HttpResponse<String> wrong = t.send(t.request(t.api("/features")).header("Origin", t.origin())
                .header("X-Ijoka-Token", "guess").POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"x\"}")).build());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(log()).isEqualTo(before);
    }

    @Test
    void aSameOriginRefererStandsInForAMissingOrigin() {
        HttpResponse<String> r = t.send(t.request(t.api("/features")).header("Referer", t.origin() + "/p/x/kanban")
                .header("X-Ijoka-Token", t.server.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"via referer\"}")).build());
        assertThat(r.statusCode()).isEqualTo(201);
    }

    @Test
    void shutdownNeedsTheTokenAndThenStopsTheServerAndRemovesTheServerFile() throws Exception {
        Path serverFile = t.server.serverFile();
        assertThat(serverFile).exists();
        HttpResponse<String> refused = t.send(t.request("/api/shutdown").header("Origin", t.origin())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(t.get("/api/health").statusCode()).isEqualTo(200);

        HttpResponse<String> ok = t.post("/api/shutdown", "");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(t.server.awaitShutdown(Duration.ofSeconds(10))).as("stopped").isTrue();
        assertThat(serverFile).doesNotExist();
    }

    @Test
    void theServerFileIsReadableByItsOwnerAloneAndHoldsTheTokenAndUrl() throws Exception {
        Path file = t.server.serverFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var json = TestServer.JSON.readTree(Files.readString(file));
        assertThat(json.get("token").asString()).isEqualTo(t.server.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(json.get("url").asString()).isEqualTo(t.server.address().toString());
        assertThat(json.get("port").asInt()).isEqualTo(t.server.address().getPort());
        assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(json.has("startedAt")).isTrue();
    }

    @Test
    void anOversizedBodyGets413AndChangesNothing() {
        long before = log();
        String huge = "{\"description\":\"" + "x".repeat(200_000) + "\"}";
        HttpResponse<String> r = t.post(t.api("/features"), huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(r).at("/error/code").asString()).isEqualTo("too_large");
        assertThat(log()).isEqualTo(before);
    }

    @Test
    void malformedJsonGets400SayingWhatWasWrongAndChangesNothing() {
        long before = log();
        HttpResponse<String> r = t.post(t.api("/features/%231/commands"), "{\"command\": \"start\"");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(r).at("/error/code").asString()).isEqualTo("malformed_json");
        assertThat(TestServer.json(r).at("/error/message").asString()).contains("not valid JSON");
        HttpResponse<String> array = t.post(t.api("/features"), "[1,2]");
        assertThat(array.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongType = t.post(t.api("/features"), "{\"description\": 12}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(wrongType).at("/error/message").asString()).contains("description").contains("string");
        assertThat(log()).isEqualTo(before);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> r = t.get("/api/health");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void mcpRefusesABrowserFromAnotherOrigin() {
        HttpResponse<String> r = t.send(t.request("/mcp").header("Origin", "http://evil.example")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build());
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
