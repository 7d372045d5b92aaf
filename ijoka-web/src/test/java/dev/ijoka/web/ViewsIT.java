package dev.ijoka.web;

import static dev.ijoka.web.TestServer.body;
import static dev.ijoka.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Table, the Rules view and the detail panel as the server renders them, with the hooks their scripts and the browser tests use. */
class ViewsIT extends ServerTestBase {

    String base;

    @BeforeEach
    void start() throws Exception {
        base = "/p/" + t.project.id().value();
    }

    private Feature create(String description, Category category, Kind kind) {
        return t.ijoka.features().create(t.project.id(), NewFeature.of(description, category).withKind(kind));
    }

    private static List<String> rowRefs(String html) {
        Matcher m = Pattern.compile("<tr id=\"row-[^\"]+\" data-feature=\"[^\"]+\" data-ref=\"(#\\d+)\"").matcher(html);
        List<String> refs = new java.util.ArrayList<>();
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private String page(String path) {
        HttpResponse<String> r = t.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    // --- Table ----------------------------------------------------------------------------------

    @Test
    void theTableFiltersByStatusCategoryKindAndTextAndSortsByAnyColumn() {
        Feature schema = create("Schema migration", Category.INFRASTRUCTURE, Kind.CHORE);
        create("Login form", Category.UI, Kind.FEATURE);
        create("Login crash", Category.UI, Kind.BUG);
        create("Export to CSV", Category.FUNCTIONAL, Kind.FEATURE);
        t.ijoka.features().start(schema.id(), null);

        String all = page(base + "/table");
        assertThat(rowRefs(all)).containsExactly("#1", "#2", "#3", "#4");
        assertThat(all).contains("id=\"feature-table\"").contains("id=\"filter-q\"").contains("id=\"filter-status\"")
                .contains("id=\"filter-category\"").contains("id=\"filter-kind\"").contains("id=\"table-csv\"")
                .contains("1–4 of 4 features · page 1 of 1").contains("/static/js/table.js");

        assertThat(rowRefs(page(base + "/table?category=ui"))).containsExactly("#2", "#3");
        assertThat(rowRefs(page(base + "/table?category=ui&kind=bug"))).containsExactly("#3");
        assertThat(rowRefs(page(base + "/table?status=in_progress"))).containsExactly("#1");
        assertThat(rowRefs(page(base + "/table?status=pending,in_progress&q=login"))).containsExactly("#2", "#3");
        assertThat(rowRefs(page(base + "/table?q=%233"))).containsExactly("#3");
        assertThat(page(base + "/table?q=nothing-like-this")).contains("No feature matches.");

        for (String column : List.of("number", "description", "category", "kind", "status", "priority", "steps", "claim", "updated")) {
            String asc = page(base + "/table?sort=" + column);
            assertThat(rowRefs(asc)).as(column).hasSize(4);
            assertThat(asc).as(column).contains("data-sort=\"" + column + "\" aria-sort=\"ascending\"");
            assertThat(page(base + "/table?sort=" + column + "&dir=desc")).contains("aria-sort=\"descending\"");
        }
        assertThat(rowRefs(page(base + "/table?sort=description"))).containsExactly("#4", "#3", "#2", "#1");
        assertThat(rowRefs(page(base + "/table?sort=status"))).first().isNotEqualTo("#1");
        assertThat(rowRefs(page(base + "/table?sort=status&dir=desc"))).first().isEqualTo("#1");
        // the header of the sorted column flips the direction; others sort ascending from page 1
        String sorted = page(base + "/table?sort=description&category=ui");
        assertThat(sorted).contains("href=\"" + base + "/table?category=ui&amp;sort=description&amp;dir=desc\"")
                .contains("href=\"" + base + "/table?category=ui&amp;sort=kind\"");
        // a filter select shows a combination the URL asked for
        assertThat(page(base + "/table?status=pending,blocked")).contains("<option value=\"pending,blocked\" selected=\"selected\">pending, blocked</option>");
    }

    @Test
    void theTableIsPagedAndItsLinksKeepEveryFilterEncoded() {
        var batch = new java.util.ArrayList<dev.ijoka.api.FeatureBatch.Entry>();
        for (int i = 0; i < 60; i++) {
            batch.add(dev.ijoka.api.FeatureBatch.Entry.pending(NewFeature.of("Tom & Jerry " + i, Category.UI)));
        }
        t.ijoka.features().createAll(t.project.id(), new dev.ijoka.api.FeatureBatch(batch, List.of()),
                dev.ijoka.api.FeatureBatch.Progress.NONE);

        String first = page(base + "/table?size=25&q=tom+%26+jerry");
        assertThat(rowRefs(first)).hasSize(25).startsWith("#1");
        assertThat(first).contains("1–25 of 60 features · page 1 of 3").contains("id=\"table-pager\"")
                .contains("value=\"tom &amp; jerry\"")
                .contains("rel=\"next\" href=\"" + base + "/table?q=tom+%26+jerry&amp;page=2&amp;size=25\"")
                .contains("data-page=\"3\" href=\"" + base + "/table?q=tom+%26+jerry&amp;page=3&amp;size=25\"")
                .contains("href=\"/api/projects/" + t.project.id().value() + "/features.csv?q=tom+%26+jerry\"");
        String last = page(base + "/table?size=25&page=3&q=tom+%26+jerry");
        assertThat(rowRefs(last)).hasSize(10).startsWith("#51");
        assertThat(last).contains("51–60 of 60").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        // a page past the end (the matches shrank while the page was open) shows the last page
        assertThat(page(base + "/table?size=25&page=9")).contains("51–60 of 60 features · page 3 of 3");
        // without a filter but the status, the engine reads the page alone: the same rows and counts as the filtered path
        String second = page(base + "/table?size=25&page=2");
        assertThat(rowRefs(second)).hasSize(25).startsWith("#26").endsWith("#50");
        assertThat(second).contains("26–50 of 60 features · page 2 of 3")
                .contains("rel=\"next\" href=\"" + base + "/table?page=3&amp;size=25\"");
        t.ijoka.features().start(new dev.ijoka.domain.FeatureRef.Number(t.project.id(), 30), null);
        t.ijoka.features().start(new dev.ijoka.domain.FeatureRef.Number(t.project.id(), 55), null);
        assertThat(rowRefs(page(base + "/table?status=in_progress"))).containsExactly("#30", "#55");
        String pending = page(base + "/table?status=pending&size=25&page=3");
        assertThat(rowRefs(pending)).hasSize(8).startsWith("#52").doesNotContain("#55").endsWith("#60"); // #30 and #55 left the list
        assertThat(pending).contains("51–58 of 58 features · page 3 of 3");

        HttpResponse<String> bad = t.get(base + "/table?sort=colour");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("cannot sort by");
    }

    @Test
    void theResultsFragmentIsOnlyTheResultsAndTheCsvLinkExportsTheFilteredSet() {
        create("Login form", Category.UI, Kind.FEATURE);
        create("Login crash", Category.UI, Kind.BUG);
        create("Docs", Category.DOCUMENTATION, Kind.FEATURE);

        String fragment = page(base + "/table/results?kind=bug");
        assertThat(fragment).startsWith("<div id=\"table-results\"").doesNotContain("<html").doesNotContain("id=\"table-filters\"");
        assertThat(rowRefs(fragment)).containsExactly("#2");
        assertThat(fragment).contains("data-total=\"1\"");

        Matcher csvLink = Pattern.compile("id=\"table-csv\" class=\"csv\" href=\"([^\"]+)\"").matcher(page(base + "/table?category=ui&sort=description"));
        assertThat(csvLink.find()).isTrue();
        HttpResponse<String> csv = t.get(csvLink.group(1).replace("&amp;", "&"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("2,").contains(",\"Login crash\",");
        assertThat(lines[2]).startsWith("1,").contains(",\"Login form\",");
    }

    @Test
    void rowsShowStatusClaimAndStepsAndHostileTextIsEscaped() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("<script>alert(1)</script>", Category.SECURITY)
                .withSteps("one", "two"));
        t.ijoka.sessions().start(t.project.id(), SessionId.of("s-1"), "claude<b>");
        t.ijoka.features().start(f.id(), SessionId.of("s-1"));
        t.ijoka.features().checkStep(f.id(), 0, true, SessionId.of("s-1"));

        String html = page(base + "/table?q=%3Cscript%3E");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("value=\"&lt;script&gt;\"").contains("claude&lt;b&gt;").doesNotContain("claude<b>")
                .contains("data-status=\"in_progress\"").contains(">1/2</td>");
        String quoted = page(base + "/table?q=%22%20onfocus%3D%22alert(1)");
        assertThat(quoted).contains("value=\"&quot; onfocus=&quot;alert(1)\"");
    }

    // --- Rules ----------------------------------------------------------------------------------

    @Test
    void rulesOfEveryKindAreAddedAndListedWithTheirParameters() {
        assertThat(page(base + "/rules")).contains("No rules yet").contains("id=\"add-rule-wip_limit\"")
                .contains("id=\"add-rule-steps_done_before_complete\"").contains("id=\"add-rule-context\"")
                .contains("id=\"add-rule-reminder\"").contains("/static/js/rules.js");
        assertThat(t.post(t.api("/rules"), body("kind", "wip_limit", "max", 2, "per", "session")).statusCode()).isEqualTo(201);
        assertThat(t.post(t.api("/rules"), body("kind", "steps_done_before_complete", "enforcement", "warn")).statusCode()).isEqualTo(201);
        assertThat(t.post(t.api("/rules"), body("kind", "context", "text", "Run <mvn verify>", "scope", "global")).statusCode()).isEqualTo(201);
        assertThat(t.post(t.api("/rules"), body("kind", "reminder", "fileGlob", "**/*.sql", "text", "Migrations are forever")).statusCode())
                .isEqualTo(201);

        String html = page(base + "/rules");
        assertThat(html.split("data-rule-id=", -1)).hasSize(1 + 4 * 2); // the row and its switch
        assertThat(html).contains("id=\"rules\"").contains("max <b>2</b> per <b>session</b>")
                .contains("data-kind=\"steps_done_before_complete\"").contains("<td>warn</td>")
                .contains("Run &lt;mvn verify&gt;").doesNotContain("<mvn verify>")
                .contains("files <code>**/*.sql</code>").contains(">global</td>")
                .contains("data-rule-toggle").contains("never");
    }

    @Test
    void invalidRulesAreRefusedWithAMessageAndChangeNothing() {
        String[][] cases = {
            {"{\"kind\":\"wip_limit\",\"max\":0}", "at least 1"},
            {"{\"kind\":\"wip_limit\"}", "needs 'max'"},
            {"{\"kind\":\"wip_limit\",\"max\":\"three\"}", "max"},
            {"{\"kind\":\"wip_limit\",\"max\":2,\"per\":\"team\"}", "team"},
            {"{\"kind\":\"wip_limit\",\"max\":2,\"enforcement\":\"maybe\"}", "maybe"},
            {"{\"kind\":\"steps_done_before_complete\",\"scope\":\"galaxy\"}", "scope must be project or global"},
            {"{\"kind\":\"context\"}", "text"},
            {"{\"kind\":\"context\",\"text\":\"   \"}", "text"},
            {"{\"kind\":\"reminder\",\"text\":\"careful\"}", "needs a tool name"},
            {"{\"kind\":\"reminder\"}", "needs a tool name"},
            {"{\"kind\":\"reminder\",\"fileGlob\":\"src/[a\",\"text\":\"careful\"}", "not a valid file glob"},
            {"{\"kind\":\"vibes\"}", "unknown rule kind 'vibes'"},
            {"{}", "kind"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = t.post(t.api("/rules"), c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(json(r).at("/error/code").asString()).as(c[0]).isEqualTo("invalid_input");
            assertThat(json(r).at("/error/message").asString()).as(c[0]).contains(c[1]);
        }
        assertThat(t.ijoka.rules().list(t.project.id())).isEmpty();
        assertThat(json(t.get(t.api("/events?type=rule_added"))).get("items")).isEmpty();
    }

    @Test
    void rulesShowTheirCountersLastDecisionAndEnabledState() {
        JsonNode wip = json(t.post(t.api("/rules"), body("kind", "wip_limit", "max", 1)));
        Feature a = create("A", Category.FUNCTIONAL, Kind.FEATURE);
        create("B", Category.FUNCTIONAL, Kind.FEATURE);
        t.post(t.api("/features/%231/commands"), body("command", "start"));
        HttpResponse<String> refused = t.post(t.api("/features/%232/commands"), body("command", "start"));
        assertThat(refused.statusCode()).isEqualTo(422);

        JsonNode listed = json(t.get(t.api("/rules"))).get("items").get(0);
        assertThat(listed.get("violated").asLong()).isEqualTo(1);
        assertThat(listed.get("lastOutcome").asString()).isEqualTo("violated");
        assertThat(json(refused).at("/error/message").asString()).contains(listed.get("lastMessage").asString());
        assertThat(listed.get("lastAt").asString()).isNotBlank();

        String html = page(base + "/rules");
        assertThat(html).contains("data-col=\"violated\">1</td>").contains("id=\"rule-decisions\"")
                .contains("<span class=\"outcome violated\">violated</span>").contains(">#2</a>");
        assertThat(page(base + "/rules/list")).startsWith("<section id=\"rules-list\"").doesNotContain("<html")
                .doesNotContain("add-rule-wip_limit");

        String id = wip.get("id").asString();
        assertThat(t.post("/api/rules/" + id + "/disable", "").statusCode()).isEqualTo(200);
        String off = page(base + "/rules");
        assertThat(off).contains("data-enabled=\"false\" class=\"disabled\"").contains("<span>off</span>");
        assertThat(t.post(t.api("/features/%232/commands"), body("command", "start")).statusCode()).isEqualTo(200);
        assertThat(a.id()).isNotNull();
    }

    // --- the detail panel -----------------------------------------------------------------------

    @Test
    void thePanelShowsFieldsActionsStepsDependenciesClaimAndEvents() {
        Feature schema = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE)
                .withPriority(3).withSteps("tables", "indexes"));
        Feature login = create("Login", Category.UI, Kind.FEATURE);
        t.ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.sessions().start(t.project.id(), SessionId.of("s-9"), "claude");
        t.ijoka.features().start(schema.id(), SessionId.of("s-9"));

        String panel = page(base + "/features/%231/panel");
        assertThat(panel).contains("id=\"panel-detail\"").contains("data-status=\"in_progress\"")
                .contains("data-field=\"number\">1</dd>").contains("data-field=\"priority\">3</dd>")
                .contains("data-field=\"category\">infrastructure</dd>").contains("data-field=\"version\"")
                .contains("<b class=\"holder\">claude</b>").contains("id=\"panel-lease\" data-countdown datetime=\"")
                .contains("id=\"panel-steps\"").contains("data-index=\"1\"")
                .contains("id=\"panel-dependents\"").contains("data-dependency=\"" + login.id().value() + "\"")
                .contains("id=\"panel-events\"").containsSubsequence("feature started", "feature created");
        // the commands the state allows lead; the others are there and answer with the engine's refusal
        assertThat(panel).contains("data-command=\"complete\" data-reason=\"false\" class=\"legal\"")
                .contains("data-command=\"block\" data-reason=\"true\" class=\"legal\"")
                .containsPattern("data-command=\"start\" data-reason=\"false\" title=\"not allowed while in progress[^\"]*\" class=\"other\"")
                .containsPattern("data-command=\"reopen\" data-reason=\"true\" title=\"[^\"]+\" class=\"other\"");
        HttpResponse<String> illegal = t.post(t.api("/features/%231/commands"), body("command", "reopen", "reason", "x"));
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(json(illegal).at("/error/message").asString()).contains("it is in_progress", "you can complete or block");

        String dependent = page(base + "/features/%232/panel");
        assertThat(dependent).contains("id=\"panel-depends-on\"").contains(">#1</a>").contains("status in_progress")
                .contains("<span class=\"muted\">none</span>");

        // steps checked from the panel (POST .../steps/{n}) show checked, and the count follows
        assertThat(t.post(t.api("/features/%231/steps/1"), body("done", true)).statusCode()).isEqualTo(200);
        String checked = page(base + "/features/%231/panel");
        assertThat(checked).contains("1/2").contains("data-index=\"1\" checked=\"checked\"")
                .containsSubsequence("step checked", "✓ step 2: indexes");
        assertThat(t.post(t.api("/features/%231/steps/1"), body("done", false)).statusCode()).isEqualTo(200);
        assertThat(page(base + "/features/%231/panel")).doesNotContain("checked=\"checked\"");
        assertThat(t.post(t.api("/features/%231/steps/7"), body("done", true)).statusCode()).isEqualTo(404);
    }

    @Test
    void thePanelEscapesEveryTextAndShowsTheBlockReason() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("<img src=x onerror=alert(1)>", Category.SECURITY)
                .withDetails("<script>alert(2)</script>").withSteps("<b>bold</b>"));
        t.post(t.api("/features/%231/commands"), body("command", "block", "reason", "<iframe src=//evil>"));
        String panel = page(base + "/features/" + f.id().value() + "/panel");
        assertThat(panel).doesNotContain("<img src=x").doesNotContain("<script>alert(2)").doesNotContain("<b>bold</b>")
                .doesNotContain("<iframe").contains("&lt;iframe src=//evil&gt;").contains("id=\"panel-block-reason\"")
                .contains("data-command=\"unblock\" data-reason=\"false\" class=\"legal\"");
    }

    @Test
    void theHeaderCarriesTheProgressMeterAndTheBurnup() {
        Feature a = create("A", Category.FUNCTIONAL, Kind.FEATURE);
        create("B", Category.FUNCTIONAL, Kind.FEATURE);
        t.ijoka.features().start(a.id(), null);
        t.ijoka.features().complete(a.id(), null);
        String html = page(base + "/table");
        assertThat(html).contains("id=\"progress-meter\" value=\"1\" max=\"2\"").contains("id=\"pct\">50%")
                .contains("id=\"burnup\"").contains("/static/js/header.js").contains("/static/js/panel.js")
                .contains("id=\"panel-message\"").contains("id=\"project-switcher\"");
        assertThat(t.get("/static/js/table.js").statusCode()).isEqualTo(200);
        assertThat(t.get("/static/js/rules.js").statusCode()).isEqualTo(200);
    }
}
