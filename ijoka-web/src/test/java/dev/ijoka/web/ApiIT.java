package dev.ijoka.web;

import static dev.ijoka.web.TestServer.body;
import static dev.ijoka.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON API's happy paths and its engine refusals, over real HTTP on a real SQLite file. */
class ApiIT extends ServerTestBase {

    private JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json(r);
    }

    private JsonNode create(String description, Object... more) {
        Object[] all = new Object[more.length + 2];
        all[0] = "description";
        all[1] = description;
        System.arraycopy(more, 0, all, 2, more.length);
        return ok(t.post(t.api("/features"), body(all)), 201);
    }

    @Test
    void healthSaysOkWithVersionAndStore() {
        JsonNode h = ok(t.get("/api/health"), 200);
        assertThat(h.get("status").asString()).isEqualTo("ok");
        assertThat(h.get("version").asString()).isEqualTo("test");
        assertThat(h.get("store").asString()).contains("ijoka.db");
    }

    @Test
    void featuresAreCreatedListedFilteredSortedPagedAndExported() {
        create("Schema", "category", "infrastructure", "priority", 5, "steps", List.of("tables exist", "indexes exist"));
        create("Login page", "category", "ui", "kind", "bug");
        create("Docs", "category", "documentation");

        JsonNode all = ok(t.get(t.api("/features")), 200);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("items").get(0).get("ref").asString()).isEqualTo("#1");
        assertThat(all.get("items").get(0).get("stepsTotal").asInt()).isEqualTo(2);

        JsonNode ui = ok(t.get(t.api("/features?category=ui,documentation&sort=description&dir=desc")), 200);
        assertThat(ui.get("items").findValuesAsString("description")).containsExactly("Login page", "Docs");
        JsonNode bugs = ok(t.get(t.api("/features?kind=bug")), 200);
        assertThat(bugs.get("total").asInt()).isEqualTo(1);
        JsonNode text = ok(t.get(t.api("/features?q=LOGIN")), 200);
        assertThat(text.get("items").get(0).get("number").asInt()).isEqualTo(2);
        JsonNode paged = ok(t.get(t.api("/features?size=2&page=2")), 200);
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("page").asInt()).isEqualTo(2);
        JsonNode byPriority = ok(t.get(t.api("/features?sort=priority")), 200);
        assertThat(byPriority.get("items").get(0).get("description").asString()).isEqualTo("Schema");

        HttpResponse<String> badSort = t.get(t.api("/features?sort=colour"));
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(json(badSort).at("/error/message").asString()).contains("number, description");
        assertThat(t.get(t.api("/features?status=done")).statusCode()).isEqualTo(400);

        HttpResponse<String> csv = t.get(t.api("/features.csv?category=ui"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith(String.join(",", dev.ijoka.interchange.FeatureCsv.COLUMNS) + "\r\n")
                .contains(",\"Login page\",pending,0,ui,bug,");
    }

    @Test
    void aFeaturesDetailShowsStepsDependenciesBothWaysAndItsEvents() {
        create("Schema", "steps", List.of("tables exist"));
        create("Login");
        ok(t.post(t.api("/dependencies"), body("feature", "#2", "dependsOn", "#1")), 201);

        JsonNode login = ok(t.get(t.api("/features/%232")), 200);
        assertThat(login.get("dependsOn").get(0).get("ref").asString()).isEqualTo("#1");
        assertThat(login.get("dependsOn").get(0).get("status").asString()).isEqualTo("pending");
        JsonNode schema = ok(t.get(t.api("/features/1")), 200);
        assertThat(schema.get("dependents").get(0).get("ref").asString()).isEqualTo("#2");
        assertThat(schema.get("steps").get(0).get("text").asString()).isEqualTo("tables exist");
        assertThat(schema.get("events").get(0).get("type").asString()).isEqualTo("feature_created");
        JsonNode byId = ok(t.get(t.api("/features/" + schema.get("id").asString())), 200);
        assertThat(byId.get("number").asInt()).isEqualTo(1);

        HttpResponse<String> missing = t.get(t.api("/features/%2342"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/error/code").asString()).isEqualTo("not_found");
        assertThat(t.get("/api/projects/nope/status").statusCode()).isEqualTo(404);
    }

    @Test
    void commandsMoveFeaturesAndIllegalOnesSayWhy() {
        create("Schema", "steps", List.of("tables exist"));
        create("Login");
        ok(t.post(t.api("/dependencies"), body("feature", "#2", "dependsOn", "#1")), 201);

        HttpResponse<String> gated = t.post(t.api("/features/%232/commands"), body("command", "start"));
        assertThat(gated.statusCode()).isEqualTo(409);
        assertThat(json(gated).at("/error/code").asString()).isEqualTo("dependencies_incomplete");
        assertThat(json(gated).at("/error/message").asString()).contains("#1");

        JsonNode started = ok(t.post(t.api("/features/%231/commands"), body("command", "start")), 200);
        assertThat(started.at("/feature/status").asString()).isEqualTo("in_progress");
        ok(t.post(t.api("/features/%231/steps/0"), body("done", true)), 200);
        assertThat(t.post(t.api("/features/%231/steps/3"), body("done", true)).statusCode()).isEqualTo(404);
        long version = started.at("/feature/version").asLong();
        HttpResponse<String> stale = t.post(t.api("/features/%231/commands"), body("command", "complete", "expectedVersion", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/error/code").asString()).isEqualTo("stale_version");
        ok(t.post(t.api("/features/%231/commands"), body("command", "complete")), 200);

        HttpResponse<String> illegal = t.post(t.api("/features/%231/commands"), body("command", "start"));
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(json(illegal).at("/error/code").asString()).isEqualTo("illegal_transition");
        assertThat(json(illegal).at("/error/message").asString()).contains("complete");

        HttpResponse<String> noReason = t.post(t.api("/features/%231/commands"), body("command", "reopen"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).at("/error/message").asString()).contains("reason");
        ok(t.post(t.api("/features/%231/commands"), body("command", "reopen", "reason", "tests fail")), 200);
        JsonNode blocked = ok(t.post(t.api("/features/%232/commands"), body("command", "block", "reason", "waiting")), 200);
        assertThat(blocked.at("/feature/blockReason").asString()).isEqualTo("waiting");
        ok(t.post(t.api("/features/%232/commands"), body("command", "unblock")), 200);
        assertThat(t.post(t.api("/features/%232/commands"), body("command", "teleport")).statusCode()).isEqualTo(400);
    }

    @Test
    void fieldsAreEditedAndDependenciesRefuseCyclesAndAreRemoved() {
        create("Schema");
        create("Login");
        JsonNode edited = ok(t.call("PATCH", t.api("/features/%231"), body("description", "Schema v2", "priority", 3,
                "category", "security", "kind", "chore")), 200);
        assertThat(edited.get("description").asString()).isEqualTo("Schema v2");
        assertThat(edited.get("priority").asInt()).isEqualTo(3);
        assertThat(edited.get("kind").asString()).isEqualTo("chore");
        assertThat(t.call("PATCH", t.api("/features/%231"), body("category", "food")).statusCode()).isEqualTo(400);
        assertThat(t.call("PATCH", t.api("/features/%231"), body()).statusCode()).isEqualTo(400);

        ok(t.post(t.api("/dependencies"), body("feature", "#2", "dependsOn", "#1")), 201);
        HttpResponse<String> cycle = t.post(t.api("/dependencies"), body("feature", "#1", "dependsOn", "#2"));
        assertThat(cycle.statusCode()).isEqualTo(422);
        assertThat(json(cycle).at("/error/code").asString()).isEqualTo("dependency_cycle");
        assertThat(ok(t.call("DELETE", t.api("/dependencies"), body("feature", "#2", "dependsOn", "#1")), 200)
                .get("removed").asBoolean()).isTrue();
    }

    @Test
    void statusGraphEventsSessionsAndBurnupDescribeTheProject() {
        create("Schema");
        create("Login");
        create("Docs");
        ok(t.post(t.api("/dependencies"), body("feature", "#2", "dependsOn", "#1")), 201);
        ok(t.post(t.api("/features/%231/commands"), body("command", "start")), 200);
        ok(t.post(t.api("/features/%231/commands"), body("command", "complete")), 200);

        JsonNode status = ok(t.get(t.api("/status")), 200);
        assertThat(status.at("/progress/complete").asInt()).isEqualTo(1);
        assertThat(status.at("/progress/percentComplete").asInt()).isEqualTo(33);
        assertThat(status.get("ready").asInt()).isEqualTo(2);
        assertThat(status.get("next").get(0).get("ref").asString()).isEqualTo("#2");

        JsonNode projects = ok(t.get("/api/projects"), 200);
        assertThat(projects.get("items").get(0).at("/progress/total").asInt()).isEqualTo(3);

        JsonNode graph = ok(t.get(t.api("/graph")), 200);
        assertThat(graph.get("nodes")).hasSize(3);
        assertThat(graph.get("edges").get(0).get("kind").asString()).isEqualTo("blocks");
        assertThat(graph.get("nodes").findValues("ready").stream().filter(JsonNode::asBoolean).count()).isEqualTo(2);

        JsonNode page1 = ok(t.get(t.api("/events?limit=3")), 200);
        assertThat(page1.get("items")).hasSize(3);
        long cursor = page1.get("nextBefore").asLong();
        JsonNode page2 = ok(t.get(t.api("/events?limit=3&before=" + cursor)), 200);
        assertThat(page2.get("items").get(0).get("sequence").asLong()).isLessThan(cursor);
        JsonNode created = ok(t.get(t.api("/events?type=feature_created&feature=%231")), 200);
        assertThat(created.get("items")).hasSize(1);
        assertThat(created.get("items").get(0).at("/payload/feature/description").asString()).isEqualTo("Schema");
        assertThat(t.get(t.api("/events?type=nonsense")).statusCode()).isEqualTo(400);

        assertThat(ok(t.get(t.api("/sessions")), 200).get("items")).isEmpty();
        JsonNode burnup = ok(t.get(t.api("/burnup")), 200);
        JsonNode last = burnup.get("points").get(burnup.get("points").size() - 1);
        assertThat(last.get("total").asInt()).isEqualTo(3);
        assertThat(last.get("complete").asInt()).isEqualTo(1);
        ok(t.post(t.api("/features/%231/commands"), body("command", "reopen", "reason", "regression")), 200);
        JsonNode after = ok(t.get(t.api("/burnup")), 200);
        assertThat(after.get("points").get(after.get("points").size() - 1).get("complete").asInt()).isZero();
    }

    @Test
    void rulesOfEveryKindAreAddedCountedAndToggled() {
        ok(t.post(t.api("/rules"), body("kind", "wip_limit", "max", 1)), 201);
        ok(t.post(t.api("/rules"), body("kind", "steps_done_before_complete", "enforcement", "warn")), 201);
        ok(t.post(t.api("/rules"), body("kind", "context", "text", "Run the tests", "scope", "global")), 201);
        JsonNode reminder = ok(t.post(t.api("/rules"), body("kind", "reminder", "tool", "Bash", "fileGlob", "**/*.sql",
                "text", "Migrations are forever")), 201);
        assertThat(t.post(t.api("/rules"), body("kind", "wip_limit")).statusCode()).isEqualTo(400);
        assertThat(t.post(t.api("/rules"), body("kind", "vibes")).statusCode()).isEqualTo(400);
        assertThat(t.post(t.api("/rules"), body("kind", "reminder", "text", "x")).statusCode()).isEqualTo(400);

        create("A");
        create("B");
        ok(t.post(t.api("/features/%231/commands"), body("command", "start")), 200);
        HttpResponse<String> wip = t.post(t.api("/features/%232/commands"), body("command", "start"));
        assertThat(wip.statusCode()).isEqualTo(422);
        assertThat(json(wip).at("/error/code").asString()).isEqualTo("rule_violation");

        JsonNode rules = ok(t.get(t.api("/rules")), 200);
        assertThat(rules.get("items")).hasSize(4);
        assertThat(rules.get("items").findValues("violated").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        String id = reminder.get("id").asString();
        assertThat(ok(t.post("/api/rules/" + id + "/disable", ""), 200).get("enabled").asBoolean()).isFalse();
        assertThat(ok(t.post("/api/rules/" + id + "/enable", ""), 200).get("enabled").asBoolean()).isTrue();
        assertThat(t.post("/api/rules/nope/enable", "").statusCode()).isEqualTo(404);
    }

    @Test
    void insightsAreListedAndSearched() {
        t.ijoka.insights().record(t.project.id(), dev.ijoka.domain.NewInsight.of("Migrations first",
                dev.ijoka.domain.InsightKind.SOLUTION, "db"), null);
        assertThat(ok(t.get(t.api("/insights")), 200).get("items")).hasSize(1);
        assertThat(ok(t.get(t.api("/insights?tag=db")), 200).get("items").get(0).get("kind").asString()).isEqualTo("solution");
        assertThat(ok(t.get(t.api("/insights?q=nothing")), 200).get("items")).isEmpty();
    }

    @Test
    void unknownEndpointsAndMethodsAnswerWithJsonErrors() {
        assertThat(t.get("/api/nothing").statusCode()).isEqualTo(404);
        assertThat(json(t.get("/api/nothing")).at("/error/message").asString()).contains("docs/api.md");
        assertThat(t.call("PUT", "/api/health", "").statusCode()).isEqualTo(405);
    }
}
