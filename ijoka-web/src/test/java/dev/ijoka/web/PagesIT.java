package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server-rendered pages and fragments: every view renders with data, and feature text is escaped. */
class PagesIT extends ServerTestBase {

    String base;

    @BeforeEach
    void start() throws Exception {
        base = "/p/" + t.project.id().value();
    }

    @Test
    void theRootOpensTheProjectOfTheServersDirectory() {
        HttpResponse<String> r = t.get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(base + "/kanban");
    }

    @Test
    void aScriptInADescriptionIsShownAsTextNeverRun() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("<script>alert(1)</script>", Category.SECURITY)
                .withSteps("<img src=x onerror=alert(2)>"));
        String kanban = t.get(base + "/kanban").body();
        assertThat(kanban).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String panel = t.get(base + "/features/" + f.id().value() + "/panel").body();
        assertThat(panel).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
        String card = t.get(base + "/cards/%231").body();
        assertThat(card).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(t.get(base + "/table").body()).doesNotContain("<script>alert(1)");
    }

    @Test
    void thePanelsEventsNameFeaturesByTheirRefsNotTheirIds() {
        Feature one = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE));
        Feature two = t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.UI));
        t.ijoka.dependencies().add(two.id(), one.id(), DependencyKind.BLOCKS, null);
        String panel = t.get(base + "/features/" + two.id().value() + "/panel").body();
        assertThat(panel).contains(">#2 depends on #1 (blocks)<").doesNotContain(">" + one.id().value());
    }

    @Test
    void theKanbanShowsFourColumnsOfCardsWithTheirFacts() {
        Feature a = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE)
                .withPriority(4).withSteps("one", "two"));
        t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.UI));
        t.ijoka.features().start(a.id(), null);
        t.ijoka.features().checkStep(a.id(), 0, true, null);
        HttpResponse<String> r = t.get(base + "/kanban");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = r.body();
        for (String status : new String[] {"pending", "in_progress", "blocked", "complete"}) {
            assertThat(html).contains("<ol class=\"cards\" data-status=\"" + status + "\"");
        }
        assertThat(html).contains("name=\"ijoka-token\" content=\"" + t.server.token() + "\"")
                .contains("data-ref=\"#1\"").contains("p4").contains("1/2").contains("infrastructure")
                .contains("/static/js/kanban.js").contains("/webjars/sortablejs/")
                .doesNotContainPattern("<script>[^<]");
    }

    @Test
    void bigColumnsArePagedWithAShowMoreFragment() {
        var batch = new java.util.ArrayList<dev.ijoka.api.FeatureBatch.Entry>();
        for (int i = 0; i < 180; i++) {
            batch.add(dev.ijoka.api.FeatureBatch.Entry.pending(NewFeature.of("Feature " + i, Category.FUNCTIONAL)));
        }
        t.ijoka.features().createAll(t.project.id(), new dev.ijoka.api.FeatureBatch(batch, java.util.List.of()),
                dev.ijoka.api.FeatureBatch.Progress.NONE);
        String html = t.get(base + "/kanban").body();
        assertThat(html.split("class=\"card\"", -1)).hasSize(51);
        assertThat(html).contains("hx-get=\"" + base + "/kanban/pending?offset=50\"").contains("130 not shown");
        String more = t.get(base + "/kanban/pending?offset=50").body();
        assertThat(more.split("class=\"card\"", -1)).hasSize(101);
        assertThat(more).contains("offset=150").contains("30 not shown");
        String last = t.get(base + "/kanban/pending?offset=150").body();
        assertThat(last.split("class=\"card\"", -1)).hasSize(31);
        assertThat(last).doesNotContain("more-item");
    }

    @Test
    void everyViewRendersWithTheLayoutAndItsData() {
        Feature a = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE));
        Feature b = t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.UI));
        t.ijoka.dependencies().add(b.id(), a.id(), dev.ijoka.domain.DependencyKind.BLOCKS, null);
        t.ijoka.rules().add(t.project.id(), new dev.ijoka.domain.RuleSpec.WipLimit(2, dev.ijoka.domain.WipScope.PROJECT),
                dev.ijoka.domain.Enforcement.DENY);
        for (String view : new String[] {"kanban", "graph", "timeline", "table", "rules"}) {
            HttpResponse<String> r = t.get(base + "/" + view);
            assertThat(r.statusCode()).as(view).isEqualTo(200);
            assertThat(r.body()).as(view).contains("class=\"tabs\"").contains("id=\"burnup\"").contains("aria-current=\"page\"");
        }
        assertThat(t.get(base + "/graph").body()).contains("Critical path").contains("Login");
        assertThat(t.get(base + "/timeline").body()).contains("feature created").contains("dependency added");
        assertThat(t.get(base + "/timeline?type=dependency_added").body()).doesNotContain("feature created</span>");
        assertThat(t.get(base + "/table?sort=description&dir=desc").body()).containsSubsequence("Schema", "Login");
        assertThat(t.get(base + "/rules").body()).contains("at most 2 features in progress per project");
        assertThat(t.get("/p/nope/kanban").statusCode()).isEqualTo(404);
    }

    @Test
    void staticFilesAndWebjarsAreServedWithCaching() {
        HttpResponse<String> js = t.get("/static/js/live.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertThat(t.send(t.request("/static/js/live.js").header("If-None-Match", etag).GET().build()).statusCode()).isEqualTo(304);
        String kanban = t.get(base + "/kanban").body();
        String htmx = kanban.replaceAll("(?s).*src=\"(/webjars/htmx.org/[^\"]+)\".*", "$1");
        HttpResponse<String> lib = t.get(htmx);
        assertThat(lib.statusCode()).isEqualTo(200);
        assertThat(lib.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(t.get("/webjars/htmx.org/0.0.1/dist/htmx.min.js").statusCode()).isEqualTo(404);
        assertThat(t.get("/static/../templates/layout.html").statusCode()).isEqualTo(404);
    }
}
