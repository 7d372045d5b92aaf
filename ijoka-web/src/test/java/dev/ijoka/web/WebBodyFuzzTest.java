package dev.ijoka.web;

import static dev.ijoka.fuzzing.FuzzJson.BOOL;
import static dev.ijoka.fuzzing.FuzzJson.TEXT;
import static dev.ijoka.fuzzing.FuzzJson.arr;
import static dev.ijoka.fuzzing.FuzzJson.obj;
import static dev.ijoka.fuzzing.FuzzJson.oneOf;
import static dev.ijoka.fuzzing.FuzzJson.words;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.fuzzing.FuzzJson;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the bodies the dashboard's server reads (docs/fuzzing.md), through the real server on a loopback
 * port and a real SQLite file: the JSON API's POST, PATCH and DELETE bodies, and JSON-RPC bodies to
 * {@code /mcp}. No body gets a 5xx; every refusal is a 4xx with a JSON error that says what is wrong, and
 * writes nothing to the event log.
 */
class WebBodyFuzzTest {

    private static final FuzzJson.Shape REF = oneOf(words("#1", "#2", "#3", "1", "2", "#99", "#0", "x", ""),
            new FuzzJson.Int(-1, 4));
    private static final FuzzJson.Shape CATEGORY = words("functional", "ui", "security", "performance", "style", "other");
    private static final FuzzJson.Shape KIND = words("feature", "bug", "task", "epic", "spike", "chore");
    private static final FuzzJson.Shape VERSION = new FuzzJson.Int(-1, 20);

    /** A route taking a body, with the shape of the body it expects. */
    private record Route(String method, String path, FuzzJson.Shape body) {}

    private static final String[] FEATURE = {"1", "2", "3", "99", "0", "-1", "x", "%23"};
    private static final String[] STEP = {"0", "1", "2", "-1", "99999999999", "x"};

    private static TestServer t;
    private static Path dir;
    private static String mcpSession;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("ijoka-web-fuzz-");
        t = new TestServer(dir);
        Feature schema = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.FUNCTIONAL)
                .withSteps("tables exist", "indexes exist"));
        Feature login = t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.UI));
        t.ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.rules().add(t.project.id(), new RuleSpec.Context("Run the tests."), Enforcement.WARN);
        HttpResponse<String> init = mcp(null, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
                "clientInfo":{"name":"fuzzer","version":"1"}}}""");
        mcpSession = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        mcp(mcpSession, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        mcp(mcpSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ijoka_status\"}}");
    }

    @AfterAll
    static void stop() throws IOException {
        t.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A body to one of the JSON API's routes: shaped as that route expects, or any text now and then. */
    @FuzzTest(maxDuration = "5m")
    void apiBody(FuzzedDataProvider data) {
        List<Route> routes = routes(data);
        Route route = routes.get(data.consumeInt(0, routes.size() - 1));
        String body = data.consumeInt(0, 7) == 0 ? data.consumeString(200)
                : TestServer.JSON.writeValueAsString(new FuzzJson(data).build(route.body()));
        String type = data.consumeInt(0, 15) == 0 ? data.pickValue(new String[] {"text/plain", "application/json; charset=latin1", ""})
                : "application/json";
        long mark = t.ijoka.events().lastSequence();

        HttpRequest.Builder request = t.request(route.path()).header("Origin", t.origin()).header("X-Ijoka-Token", t.server.token())
                .method(route.method(), HttpRequest.BodyPublishers.ofString(body));
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = t.send(request.build());

        String what = route.method() + " " + route.path() + " " + body + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400) {
            JsonNode error = TestServer.json(response).path("error");
            assertThat(error.path("code").asString("")).as(what).isNotBlank();
            assertThat(error.path("message").asString("")).as(what).isNotBlank();
            assertThat(t.ijoka.events().lastSequence()).as("refused but wrote: %s", what).isEqualTo(mark);
        }
    }

    private static List<Route> routes(FuzzedDataProvider data) {
        String p = "/api/projects/" + t.project.id().value();
        String f = p + "/features/" + data.pickValue(FEATURE);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("POST", p + "/features", obj("description", TEXT, "details", TEXT, "category", CATEGORY,
                "kind", KIND, "priority", new FuzzJson.Int(-5, 5), "steps", arr(TEXT, 3), "parent", REF,
                "dependsOn", arr(REF, 2))));
        routes.add(new Route("PATCH", f, obj("description", TEXT, "details", TEXT, "category", CATEGORY, "kind", KIND,
                "priority", new FuzzJson.Int(-5, 5), "expectedVersion", VERSION)));
        routes.add(new Route("POST", f + "/commands", obj("command", words("start", "complete", "block", "unblock", "reopen",
                "fly"), "reason", TEXT, "blockedBy", REF, "expectedVersion", VERSION)));
        routes.add(new Route("POST", f + "/steps/" + data.pickValue(STEP), obj("done", BOOL)));
        FuzzJson.Shape edge = obj("feature", REF, "dependsOn", REF, "kind", words("blocks", "related", "parent"));
        routes.add(new Route("POST", p + "/dependencies", edge));
        routes.add(new Route("DELETE", p + "/dependencies", edge));
        routes.add(new Route("POST", p + "/rules", obj("kind", words("wip_limit", "steps_done_before_complete", "context",
                "reminder", "other"), "max", new FuzzJson.Int(-1, 5), "per", words("project", "session", "agent"), "text", TEXT,
                "tool", words("Bash", "Edit", ""), "fileGlob", words("**/*.sql", "[", ""), "enforcement",
                words("deny", "warn", "off"), "scope", words("project", "global", "other"))));
        return routes;
    }

    /** A JSON-RPC message to {@code /mcp} in the open session: shaped as MCP requests, or any text now and then. */
    @FuzzTest(maxDuration = "5m")
    void mcpBody(FuzzedDataProvider data) {
        FuzzJson json = new FuzzJson(data);
        FuzzJson.Shape message = obj(
                "jsonrpc", words("2.0", "1.0"),
                "id", oneOf(new FuzzJson.Int(0, 1000), TEXT),
                "method", words("tools/call", "tools/list", "ping", "initialize", "notifications/initialized",
                        "resources/list", "prompts/list", "logging/setLevel", "notifications/cancelled"),
                "params", obj("name", words("ijoka_status", "ijoka_add_feature", "ijoka_start_feature", "ijoka_get_feature",
                                "ijoka_list_features", "ijoka_complete_feature", "ijoka_block_feature", "ijoka_add_dependency",
                                "ijoka_record_insight", "ijoka_check_step", "ijoka_fly"),
                        "arguments", obj("feature", REF, "description", TEXT, "steps", arr(TEXT, 2), "depends_on", arr(REF, 2),
                                "reason", TEXT, "step", new FuzzJson.Int(-1, 3), "done", BOOL, "limit", new FuzzJson.Int(-1, 200),
                                "text", TEXT, "status", words("pending", "complete")),
                        "protocolVersion", words("2025-06-18", "1999-01-01"),
                        "capabilities", obj(),
                        "clientInfo", obj("name", TEXT, "version", TEXT),
                        "level", words("debug", "error")),
                "result", obj(),
                "error", obj("code", new FuzzJson.Int(-32700, 0), "message", TEXT));
        String body = switch (data.consumeInt(0, 9)) {
            case 0 -> data.consumeString(200);
            case 1 -> TestServer.JSON.writeValueAsString(Arrays.asList(json.build(message), json.build(message)));
            default -> TestServer.JSON.writeValueAsString(json.build(message));
        };
        String session = data.consumeInt(0, 15) == 0 ? data.consumeString(40) : mcpSession;
        postToMcp(session, body);
    }

    /** Any bytes as the body of a POST to {@code /mcp} in the open session. */
    @FuzzTest(maxDuration = "5m")
    void mcpRawBody(byte[] body) {
        postToMcp(mcpSession, new String(body, StandardCharsets.UTF_8));
    }

    /** Posts {@code body} and checks the answer: no 5xx, every error in words, nothing written by a refusal. */
    private static void postToMcp(String session, String body) {
        long mark = t.ijoka.events().lastSequence();

        HttpResponse<String> response = mcp(session, body);

        String what = "/mcp " + body + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        List<JsonNode> answers = answers(response);
        for (JsonNode answer : answers) {
            JsonNode error = answer.has("error") ? answer.path("error") : null;
            boolean toolError = answer.path("result").path("isError").asBoolean(false);
            if (error != null) {
                assertThat(error.path("message").asString("")).as(what).isNotBlank();
            }
            if (toolError) {
                assertThat(answer.path("result").path("content").path(0).path("text").asString("")).as(what).isNotBlank();
            }
            if (error != null || toolError) {
                assertThat(t.ijoka.events().lastSequence()).as("refused but wrote: %s", what).isEqualTo(mark);
            }
        }
        if (response.statusCode() >= 400 && answers.isEmpty()) {
            JsonNode error = TestServer.json(response).path("error");
            assertThat(error.path("message").asString("")).as(what).isNotBlank();
        }
    }

    private static HttpResponse<String> mcp(@org.jspecify.annotations.Nullable String session, String body) {
        HttpRequest.Builder request = t.request("/mcp").header("Origin", t.origin())
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null && !session.isEmpty()) {
            request.header("Mcp-Session-Id", session.replaceAll("[^\\x21-\\x7e]", "_"));
        }
        return t.send(request.build());
    }

    /** The JSON-RPC messages of a response: its JSON body, or the data of its Server-Sent Events. */
    private static List<JsonNode> answers(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        List<JsonNode> answers = new ArrayList<>();
        if (type.startsWith("text/event-stream")) {
            response.body().lines().filter(l -> l.startsWith("data:"))
                    .forEach(l -> answers.add(TestServer.JSON.readTree(l.substring(5))));
        } else if (type.startsWith("application/json") && !response.body().isBlank()) {
            JsonNode node = TestServer.JSON.readTree(response.body());
            if (node.has("jsonrpc")) {
                answers.add(node);
            }
        }
        return answers;
    }
}
