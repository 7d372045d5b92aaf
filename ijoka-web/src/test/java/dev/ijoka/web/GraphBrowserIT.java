package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The Graph view on a plan too big to draw whole by default (2,000 features, about 3,700 edges), in a real headless
 * Chromium against a real server on a real SQLite file: the default drawing is the part that matters, with a
 * line that says so; the whole plan is drawn on request; search finds a feature; a click on a node opens it;
 * a live change recolours a node without a new layout, and a new feature next to the work in progress is drawn.
 * Screenshots go to target/screenshots/.
 */
class GraphBrowserIT extends ServerTestBase {

    static final int FEATURES = 2_000;
    static final int COMPLETE = 1_200;
    static BrowserSession browser;

    List<Feature> features;

    @BeforeAll
    static void launchBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void seed() {
        // Feature i (from 0) depends on i-3 and i-7, chains that interleave, except every 50th, which starts afresh.
        // The first 1,200 are complete and the ten after them in progress; the 16 fresh starts among the
        // pending ones are ready, and most of the plan waits.
        List<FeatureBatch.Entry> entries = new ArrayList<>();
        List<FeatureBatch.Edge> edges = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
            Status status = i < COMPLETE ? Status.COMPLETE : i < COMPLETE + 10 ? Status.IN_PROGRESS : Status.PENDING;
            entries.add(new FeatureBatch.Entry(NewFeature.of("Step " + (i + 1) + " of the plan", Category.FUNCTIONAL),
                    status, null, null));
            for (int back : new int[] {3, 7}) {
                if (i >= back && i % 50 != 0) {
                    edges.add(new FeatureBatch.Edge(FeatureBatch.Target.entry(i), FeatureBatch.Target.entry(i - back),
                            DependencyKind.BLOCKS));
                }
            }
        }
        features = t.ijoka.features().createAll(t.project.id(), new FeatureBatch(entries, edges), FeatureBatch.Progress.NONE)
                .created();
        browser.consoleErrors(); // forget what an earlier test left in the console
    }

    @AfterEach
    void leavePage() {
        browser.open("about:blank");
    }

    void openGraph(String query) {
        browser.open(t.origin() + "/p/" + t.project.id().value() + "/graph" + query);
        browser.await(d -> "live".equals(browser.script("return document.body.dataset.live;")));
        browser.await(d -> "drawn".equals(browser.script("return document.getElementById('graph').dataset.state;")));
    }

    int drawnNodes() {
        return ((Number) browser.script("return document.getElementById('graph')._cyreg.cy.nodes().length;")).intValue();
    }

    String graphData(String name) {
        return (String) browser.script("return document.getElementById('graph').dataset[arguments[0]];", name);
    }

    @Test
    void aBigPlanIsDrawnInPartWithALineSayingWhatIsLeftOut() {
        openGraph("");

        String scope = browser.find("#graph-scope").getText();
        int drawn = drawnNodes();
        assertThat(drawn).isBetween(10, FEATURES / 4);
        // The critical path runs to the plan's last feature, more than 200 steps: its first 200 are drawn, and said so.
        assertThat(scope).contains(drawn + " of 2,000 features: in progress, ready",
                "their neighbours, the critical path (its first 200 steps of ", "Show the whole plan");
        assertThat(graphData("scope")).isEqualTo("focus");
        // every feature in progress is drawn, and the path's first 200 steps, up to well before the plan's last feature
        assertThat((Boolean) browser.script("const cy = document.getElementById('graph')._cyreg.cy;"
                + "return cy.nodes('.in_progress').length === 10 && cy.nodes('.critical').length === 200"
                + " && cy.getElementById(arguments[0]).empty();", features.getLast().id().value())).isTrue();
        browser.await(d -> browser.script("return document.getElementById('graph').dataset.listedAt;"));
        assertThat(browser.findAll("#graph-critical-path li")).as("the path's steps drawn, listed").hasSize(200);
        assertThat(browser.find("#graph-critical-more").getText()).startsWith("The first 200 steps of ");
        browser.screenshot("graph-focus-2000");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theWholePlanIsDrawnOnRequest() {
        openGraph("");
        int focused = drawnNodes();
        browser.find("#graph-scope-toggle").click();
        browser.await(d -> "whole".equals(graphData("scope")) && "drawn".equals(graphData("state"))
                && drawnNodes() == FEATURES ? true : null);

        assertThat(browser.find("#graph-scope").getText()).contains("All 2,000 features.", "Show only what matters");
        assertThat((String) browser.script("return location.search;")).contains("all=1");
        assertThat(((Number) browser.script("return document.getElementById('graph')._cyreg.cy.edges().length;")).intValue())
                .isEqualTo(((Number) browser.script("return Number(document.getElementById('graph').dataset.edgeCount);"))
                        .intValue())
                .isGreaterThan(3 * FEATURES / 2);
        browser.screenshot("graph-whole-2000");

        browser.find("#graph-scope-toggle").click();
        browser.await(d -> "focus".equals(graphData("scope")) && drawnNodes() == focused ? true : null);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void searchFindsAFeatureAndAClickOnItsNodeOpensIt() {
        Feature working = features.get(COMPLETE + 4);
        openGraph("");
        WebElement search = browser.find("#graph-search");
        search.sendKeys("#" + working.number());
        browser.await(d -> browser.find("#graph-search-result").getText().startsWith("1 match") ? true : null);
        search.sendKeys(Keys.ENTER);
        browser.await(d -> working.id().value().equals(graphData("highlight")) ? true : null);
        // wait for the centring animation, then click the node where the canvas draws it
        browser.await(d -> (Boolean) browser.script("const cy = document.getElementById('graph')._cyreg.cy;"
                + "return !cy.animated() && cy.zoom() >= 1;") ? true : null);
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) browser.script("const cy = document.getElementById('graph')._cyreg.cy;"
                + "const p = cy.getElementById(arguments[0]).renderedPosition(); return {x: p.x, y: p.y};",
                working.id().value());
        WebElement graph = browser.find("#graph");
        new Actions(browser.driver).moveToElement(graph, at.get("x").intValue() - graph.getSize().getWidth() / 2,
                at.get("y").intValue() - graph.getSize().getHeight() / 2).click().perform();

        WebElement panel = browser.awaitVisible("#panel");
        browser.await(d -> panel.getText().contains("Step " + working.number() + " of the plan") ? true : null);
        browser.screenshot("graph-search-click");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aLiveChangeRecoloursInPlaceAndANewNeighbourIsLaidOutAgain() {
        openGraph("");
        assertThat(graphData("drawings")).isEqualTo("1");
        String readyId = (String) browser.script(
                "return document.getElementById('graph')._cyreg.cy.nodes('.ready')[0].id();");

        t.ijoka.features().start(new dev.ijoka.domain.FeatureId(readyId), null);
        browser.await(d -> (Boolean) browser.script("return document.getElementById('graph')._cyreg.cy"
                + ".getElementById(arguments[0]).hasClass('in_progress');", readyId) ? true : null);
        assertThat(graphData("drawings")).as("a status change within the drawn set lays nothing out again").isEqualTo("1");

        Feature added = t.ijoka.features().create(t.project.id(), NewFeature.of("A new step after the work", Category.FUNCTIONAL));
        t.ijoka.dependencies().add(added.id(), features.get(COMPLETE).id(), DependencyKind.BLOCKS, null);
        browser.await(d -> (Boolean) browser.script("return document.getElementById('graph')._cyreg.cy"
                + ".getElementById(arguments[0]).nonempty();", added.id().value()) ? true : null);
        assertThat(Integer.parseInt(graphData("drawings"))).isGreaterThan(1);
        browser.screenshot("graph-live");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
