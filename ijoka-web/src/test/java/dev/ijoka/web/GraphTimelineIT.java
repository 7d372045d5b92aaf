package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.ToolOutcome;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the server renders for the Graph and Timeline views, and the graph endpoint they draw from. */
class GraphTimelineIT extends ServerTestBase {

    String base;

    @BeforeEach
    void start() throws Exception {
        base = "/p/" + t.project.id().value();
    }

    private Feature feature(String description) {
        return t.ijoka.features().create(t.project.id(), NewFeature.of(description, Category.FUNCTIONAL));
    }

    /** The sequence numbers of the rendered event lines, top to bottom. */
    private static List<Long> sequences(String html) {
        Matcher m = Pattern.compile("<li class=\"event\" id=\"event-(\\d+)\"").matcher(html);
        List<Long> out = new ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    @Test
    void theGraphEndpointMarksTheCriticalPathOnNodesAndEdgesAndWhatIsReady() {
        Feature schema = feature("Schema");
        Feature api = feature("API");
        Feature ui = feature("UI");
        Feature docs = feature("Docs");
        t.ijoka.dependencies().add(api.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.dependencies().add(ui.id(), api.id(), DependencyKind.BLOCKS, null);
        t.ijoka.dependencies().add(docs.id(), schema.id(), DependencyKind.RELATED, null);

        JsonNode g = TestServer.json(t.get(t.api("/graph")));
        assertThat(g.get("criticalPath").size()).isEqualTo(3);
        assertThat(g.get("criticalPath").get(0).asString()).isEqualTo(schema.id().value());
        Map<String, JsonNode> nodes = new HashMap<>();
        g.get("nodes").forEach(n -> nodes.put(n.get("description").asString(), n));
        assertThat(nodes.get("Schema").get("ready").asBoolean()).isTrue();
        assertThat(nodes.get("Docs").get("ready").asBoolean()).as("a related edge does not hold a feature back").isTrue();
        assertThat(nodes.get("API").get("ready").asBoolean()).isFalse();
        assertThat(nodes.get("UI").get("onCriticalPath").asBoolean()).isTrue();
        assertThat(nodes.get("Docs").get("onCriticalPath").asBoolean()).isFalse();
        Map<String, Boolean> edges = new HashMap<>();
        g.get("edges").forEach(e -> edges.put(e.get("from").asString() + ">" + e.get("to").asString(),
                e.get("onCriticalPath").asBoolean()));
        assertThat(edges).containsEntry(api.id().value() + ">" + schema.id().value(), true)
                .containsEntry(ui.id().value() + ">" + api.id().value(), true)
                .containsEntry(docs.id().value() + ">" + schema.id().value(), false);

        t.ijoka.features().start(schema.id(), null);
        t.ijoka.features().complete(schema.id(), null);
        g = TestServer.json(t.get(t.api("/graph")));
        nodes.clear();
        g.get("nodes").forEach(n -> nodes.put(n.get("description").asString(), n));
        assertThat(nodes.get("API").get("ready").asBoolean()).isTrue();
        assertThat(nodes.get("Schema").get("onCriticalPath").asBoolean()).as("complete work is off the path").isFalse();
        assertThat(nodes.get("Schema").get("wave").isNull()).isTrue();
    }

    @Test
    void aFocusedGraphShowsTheCriticalPathsFirstStepsAskedForAndSaysHowLongItIs() {
        Feature schema = feature("Schema");
        Feature api = feature("API");
        Feature ui = feature("UI");
        Feature docs = feature("Docs");
        t.ijoka.dependencies().add(api.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.dependencies().add(ui.id(), api.id(), DependencyKind.BLOCKS, null);
        t.ijoka.dependencies().add(docs.id(), ui.id(), DependencyKind.BLOCKS, null);

        JsonNode g = TestServer.json(t.get(t.api("/graph?focus=10&path=2")));
        assertThat(g.get("criticalPath")).extracting(JsonNode::asString)
                .containsExactly(schema.id().value(), api.id().value());
        assertThat(g.get("focus").get("criticalPath").asInt()).isEqualTo(4);
        assertThat(g.get("focus").get("criticalPathShown").asInt()).isEqualTo(2);
        // Schema is ready, API its neighbour and the path's second step; UI and Docs are left out.
        assertThat(g.get("nodes")).extracting(n -> n.get("description").asString()).containsExactlyInAnyOrder("Schema", "API");
        assertThat(g.get("edges")).singleElement().satisfies(e -> assertThat(e.get("onCriticalPath").asBoolean()).isTrue());

        JsonNode all = TestServer.json(t.get(t.api("/graph?focus=10")));
        assertThat(all.get("criticalPath")).as("the default shows up to 200 steps").hasSize(4);
        assertThat(all.get("focus").get("criticalPathShown").asInt()).isEqualTo(4);
    }

    @Test
    void theGraphPageCarriesItsHooksListsAndLibraries() {
        Feature a = feature("Schema");
        Feature b = feature("Login");
        t.ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        String html = t.get(base + "/graph").body();
        assertThat(html).contains("id=\"graph\"").contains("data-url=\"/api/projects/" + t.project.id().value() + "/graph\"")
                .contains("data-state=\"loading\"").contains("id=\"graph-search\"").contains("id=\"graph-fit\"")
                .contains("id=\"graph-status-complete\"").contains("data-legend-status=\"blocked\"")
                .contains("/static/js/graph.js").contains("/webjars/cytoscape/").contains("/webjars/dagre/")
                .contains("id=\"graph-ready-count\">1<")
                .contains("<li data-node-id=\"" + a.id().value() + "\">")
                .doesNotContainPattern("<script>[^<]");
        assertThat(t.get("/static/js/graph-layout.js").statusCode()).isEqualTo(200);
    }

    @Test
    void hostileTextIsShownAsTextInTheGraphAndTheTimeline() {
        SessionId s = SessionId.of("s-<b>1</b>");
        t.ijoka.sessions().start(t.project.id(), s, "<script>alert('agent')</script>");
        Feature f = feature("<script>alert(1)</script>");
        t.ijoka.features().start(f.id(), s);
        t.ijoka.features().block(f.id(), s, "<img src=x onerror=alert(2)>", null);
        t.ijoka.sessions().record(s, new EventPayload.PromptSubmitted("</code><script>alert(3)</script>"));
        String graph = t.get(base + "/graph").body();
        assertThat(graph).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        String timeline = t.get(base + "/timeline").body();
        assertThat(timeline).contains("&lt;img src=x onerror=alert(2)&gt;").contains("&lt;script&gt;alert(&#39;agent&#39;)")
                .contains("&lt;/code&gt;&lt;script&gt;alert(3)").doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("<b>1</b>").contains("session=s-%3Cb%3E1%3C%2Fb%3E");
        String fragment = t.get(base + "/timeline/events?session=s-%3Cb%3E1%3C%2Fb%3E").body();
        assertThat(fragment).contains("&lt;img src=x").doesNotContain("<img src=x").doesNotContain("<script>alert");
    }

    @Test
    void theTimelineGroupsRunsOfOneSessionUnderTheAgentAndShowsReadableLines() {
        SessionId s = SessionId.of("session-a");
        t.ijoka.sessions().start(t.project.id(), s, "claude-code");
        Feature a = feature("Schema");
        Feature b = feature("Login");
        t.ijoka.dependencies().add(b.id(), a.id(), DependencyKind.BLOCKS, null);
        t.ijoka.features().start(a.id(), s);
        t.ijoka.sessions().record(s, new EventPayload.ToolUsed("Edit", List.of("src/Schema.java"), true));
        String html = t.get(base + "/timeline").body();
        assertThat(html).contains("id=\"timeline\"").contains("data-live=\"true\"").contains("/static/js/timeline.js")
                .contains("id=\"filter-type\"").contains("id=\"filter-session\"").contains("id=\"filter-feature\"");
        // Newest first: the session's run (tool use, claim, start), then the command line's (dependency, creations).
        assertThat(html).containsSubsequence("data-session=\"session-a\"", "<span class=\"agent\">claude-code</span>",
                "data-event-type=\"tool_used\"", "Edit src/Schema.java", "data-event-type=\"feature_started\"",
                "<section class=\"session-group\">", "No session", "data-event-type=\"dependency_added\"", "#2 depends on #1 (blocks)",
                "data-event-type=\"feature_created\"");
        assertThat(html).contains("data-feature=\"" + a.id().value() + "\"").contains(">#1</a>")
                .contains("title=\"Schema\"");
        List<Long> seq = sequences(html);
        assertThat(seq).isSortedAccordingTo((x, y) -> Long.compare(y, x)).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theAgentsToolUsesAndCommitsShowUnderTheFeatureItHoldsInTheTimelineAndThePanel() {
        SessionId s = SessionId.of("claude-abc");
        t.ijoka.sessions().start(t.project.id(), s, "claude-code");
        feature("Schema");
        Feature login = feature("Login form");
        t.ijoka.features().start(login.id(), s);
        // What the hooks record for this session, as HookHandler makes it: through the session, against its feature.
        t.ijoka.sessions().record(s, new EventPayload.ToolUsed("Edit", List.of("src/Login.java"), true));
        t.ijoka.sessions().record(s, new EventPayload.ToolUsed("Bash", List.of(), ToolOutcome.FAILED));
        t.ijoka.sessions().record(s, new EventPayload.ToolUsed("mcp__db__query", List.of(), ToolOutcome.UNKNOWN));
        t.ijoka.sessions().moveHead(s, "/repo", null, "1111111111111111111111111111111111111111", List.of());
        t.ijoka.sessions().moveHead(s, "/repo", "1111111111111111111111111111111111111111",
                "abcdef0123456789abcdef0123456789abcdef01", List.of(new EventPayload.CommitMade(
                        "abcdef0123456789abcdef0123456789abcdef01", "Add the login form", "Ann Agent <ann@example.com>")));
        t.ijoka.sessions().moveHead(s, "/repo", "abcdef0123456789abcdef0123456789abcdef01",
                "fedcba9876543210fedcba9876543210fedcba98", List.of(new EventPayload.HeadRewritten(
                        "abcdef0123456789abcdef0123456789abcdef01", "fedcba9876543210fedcba9876543210fedcba98",
                        "Add the login form, amended")));

        String timeline = t.get(base + "/timeline?feature=%232").body();
        assertThat(timeline).containsSubsequence(
                "data-event-type=\"head_rewritten\"", "HEAD rewritten from abcdef0 to fedcba9 Add the login form, amended",
                "data-event-type=\"commit_made\"", "abcdef0 Add the login form (Ann Agent &lt;ann@example.com&gt;)",
                "data-event-type=\"tool_used\"", "mcp__db__query (outcome unknown)",
                "data-event-type=\"tool_used\"", "Bash (failed)",
                "data-event-type=\"tool_used\"", "Edit src/Login.java",
                "data-event-type=\"feature_started\"");
        assertThat(timeline).contains("data-session=\"claude-abc\"");
        String panel = t.get(base + "/features/%232/panel").body();
        assertThat(panel).containsSubsequence("head rewritten", "commit made", "Add the login form", "tool used",
                "tool used", "tool used", "src/Login.java", "feature started");
    }

    @Test
    void theTimelineFiltersByTypesSessionAndFeatureAsTheUrlSays() {
        SessionId s = SessionId.of("session-a");
        t.ijoka.sessions().start(t.project.id(), s, "claude-code");
        Feature a = feature("Schema");
        Feature b = feature("Login");
        t.ijoka.features().start(a.id(), s);
        t.ijoka.features().complete(a.id(), s);
        t.ijoka.features().start(b.id(), null);

        String byType = t.get(base + "/timeline?type=feature_completed,feature_started").body();
        assertThat(byType).contains("data-event-type=\"feature_started\"").contains("data-event-type=\"feature_completed\"")
                .doesNotContain("data-event-type=\"feature_created\"")
                .contains("data-filter-types=\"feature_started,feature_completed\"")
                .contains("<option value=\"feature_started,feature_completed\" selected=\"selected\">")
                .contains("id=\"filter-clear\"");
        String preset = t.get(base + "/timeline?type=feature_created,feature_started,feature_completed,feature_blocked,"
                + "feature_unblocked,feature_reopened").body();
        assertThat(preset).contains("selected=\"selected\">status changes</option>");

        String bySession = t.get(base + "/timeline?session=session-a").body();
        assertThat(bySession).contains("data-event-type=\"feature_completed\"").doesNotContain("data-event-type=\"feature_created\"")
                .contains("data-filter-session=\"session-a\"");
        assertThat(sequences(bySession)).allSatisfy(q -> assertThat(q).isPositive());

        String byFeature = t.get(base + "/timeline?feature=%232").body();
        assertThat(byFeature).contains("data-filter-feature-id=\"" + b.id().value() + "\"")
                .doesNotContain("data-feature=\"" + a.id().value() + "\"").contains("data-feature=\"" + b.id().value() + "\"")
                .contains("value=\"#2\"");

        assertThat(t.get(base + "/timeline?type=nonsense").statusCode()).isEqualTo(400);
        assertThat(t.get(base + "/timeline?before=x").statusCode()).isEqualTo(400);
        assertThat(t.get(base + "/timeline?feature=%23999").statusCode()).isEqualTo(404);
        assertThat(t.get(base + "/timeline?type=claim_taken").body()).contains("No events match these filters.")
                .doesNotContain("id=\"timeline-older\"");
    }

    @Test
    void olderEventsArePagedByCursorInPagesAndFragments() {
        var batch = new ArrayList<FeatureBatch.Entry>();
        for (int i = 0; i < 230; i++) {
            batch.add(FeatureBatch.Entry.pending(NewFeature.of("Feature " + i, Category.FUNCTIONAL)));
        }
        t.ijoka.features().createAll(t.project.id(), new FeatureBatch(batch, List.of()), FeatureBatch.Progress.NONE);

        String first = t.get(base + "/timeline?type=feature_created").body();
        List<Long> page1 = sequences(first);
        assertThat(page1).hasSize(100);
        long cursor = page1.getLast();
        assertThat(first).contains("id=\"timeline-older\"").contains("data-before=\"" + cursor + "\"")
                .contains("href=\"" + base + "/timeline?before=" + cursor + "&amp;type=feature_created\"");

        HttpResponse<String> more = t.get(base + "/timeline/events?type=feature_created&before=" + cursor);
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).doesNotContain("<html").doesNotContain("id=\"timeline-filters\"");
        List<Long> page2 = sequences(more.body());
        assertThat(page2).hasSize(100).allSatisfy(q -> assertThat(q).isLessThan(cursor));
        Matcher next = Pattern.compile("data-next-before=\"(\\d+)\"").matcher(more.body());
        assertThat(next.find()).isTrue();
        assertThat(Long.parseLong(next.group(1))).isEqualTo(page2.getLast());

        List<Long> page3 = sequences(t.get(base + "/timeline/events?type=feature_created&before=" + page2.getLast()).body());
        assertThat(page3).hasSize(30);
        assertThat(t.get(base + "/timeline/events?type=feature_created&before=" + page2.getLast()).body())
                .doesNotContain("data-next-before=\"");

        String olderPage = t.get(base + "/timeline?type=feature_created&before=" + cursor).body();
        assertThat(olderPage).contains("data-live=\"false\"").contains("id=\"timeline-newest\"");

        // What live updates ask for: the newest `limit` events up to a sequence.
        List<Long> live = sequences(t.get(base + "/timeline/events?limit=2&before=" + (page1.getFirst() + 1)).body());
        assertThat(live).containsExactly(page1.get(0), page1.get(1));
        assertThat(t.get(base + "/timeline/events?limit=0").statusCode()).isEqualTo(400);
    }
}
