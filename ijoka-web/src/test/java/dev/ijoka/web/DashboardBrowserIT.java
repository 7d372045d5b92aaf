package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real headless Chromium against a real server on a real SQLite file: every view
 * renders its data, dragging Kanban cards runs the engine's commands (or snaps back with its refusal),
 * block asks for a reason, a change committed by another process shows up without a reload, and feature
 * text is shown as text. Each view's screenshot goes to target/screenshots/.
 *
 * <p>The Graph, Timeline, Table and Rules views and the detail panel are still being enriched: their
 * tests look for visible text and the ids the pages have today, never for the exact markup.
 */
class DashboardBrowserIT extends ServerTestBase {

    static BrowserSession browser;

    String base;

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
    void start() throws Exception {
        base = t.origin() + "/p/" + t.project.id().value();
        browser.consoleErrors(); // forget what an earlier test left in the console
    }

    @AfterEach
    void leavePage() {
        // The page goes before its server does (ServerTestBase stops it after this): a request it still
        // makes (a live refresh) must not fail into the next test's console.
        browser.open("about:blank");
    }

    // --- every view ---------------------------------------------------------------------------------

    /** A small plan with something in every column, a dependency chain, steps, a claim and a rule. */
    record Plan(Feature schema, Feature login, Feature report, Feature export, Feature done) {}

    Plan seed() {
        var features = t.ijoka.features();
        var p = t.project.id();
        Feature schema = features.create(p, NewFeature.of("Database schema", Category.INFRASTRUCTURE)
                .withPriority(3).withSteps("Write the migration", "Generate the jOOQ classes"));
        Feature login = features.create(p, NewFeature.of("Login form", Category.UI).withSteps("Fields", "Errors"));
        Feature report = features.create(p, NewFeature.of("Weekly report", Category.FUNCTIONAL).withKind(Kind.CHORE));
        Feature export = features.create(p, NewFeature.of("CSV export", Category.FUNCTIONAL).withKind(Kind.BUG));
        Feature done = features.create(p, NewFeature.of("Project skeleton", Category.INFRASTRUCTURE));
        t.ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
        t.ijoka.dependencies().add(report.id(), login.id(), DependencyKind.BLOCKS, null);
        SessionId session = SessionId.of("s-browser-1");
        t.ijoka.sessions().start(p, session, "claude-code");
        features.start(done.id(), null);
        features.complete(done.id(), null);
        features.start(schema.id(), session);
        features.checkStep(schema.id(), 0, true, session);
        features.block(export.id(), null, "waiting for the CSV library decision", null);
        t.ijoka.rules().add(p, new RuleSpec.WipLimit(2, WipScope.PROJECT), Enforcement.DENY);
        return new Plan(features.get(schema.id()), features.get(login.id()), features.get(report.id()),
                features.get(export.id()), features.get(done.id()));
    }

    /** Opens a view and waits until its scripts have run and the live stream is connected. */
    void openView(String view) {
        browser.open(base + "/" + view);
        browser.await(d -> "complete".equals(browser.script("return document.readyState;")));
        browser.await(d -> "live".equals(browser.script("return document.body.dataset.live;")));
    }

    void assertNoConsoleErrors(String view) {
        assertThat(browser.consoleErrors()).as("console errors on " + view).isEmpty();
    }

    @Test
    void theKanbanShowsEveryColumnWithItsCards() {
        Plan plan = seed();
        openView("kanban");
        assertThat(browser.find("ol.cards[data-status=pending]").getText()).contains("Login form", "Weekly report");
        assertThat(browser.find("ol.cards[data-status=in_progress]").getText()).contains("Database schema", "1/2", "p3");
        assertThat(browser.find("ol.cards[data-status=blocked]").getText()).contains("CSV export", "waiting for the CSV library decision");
        assertThat(browser.find("ol.cards[data-status=complete]").getText()).contains("Project skeleton");
        assertThat(browser.find("#card-" + plan.schema().id().value()).getText()).contains("#1", "infrastructure");
        assertThat(browser.find("#count-total").getText()).isEqualTo("5");
        assertThat(browser.find("#pct").getText()).isEqualTo("20%");
        browser.screenshot("kanban");
        assertNoConsoleErrors("kanban");
    }

    @Test
    void aLongColumnShowsItsFirstCardsByPriorityAndLoadsTheRestAsItScrolls() {
        var p = t.project.id();
        for (int i = 1; i <= 130; i++) {
            t.ijoka.features().create(p, NewFeature.of("Paged " + i, Category.FUNCTIONAL).withPriority(i % 7));
        }
        openView("kanban");
        String cards = "ol.cards[data-status=pending] > li.card";
        assertThat(browser.findAll(cards)).hasSize(50);
        assertThat(browser.find("#column-count-pending").getText()).isEqualTo("130");
        // The Board's order: highest priority first, then lowest number (priority 6: #6, #13, ...).
        assertThat(browser.find(cards).getText()).contains("#6", "Paged 6");

        // Scrolling the column to its end brings the next page, with no click.
        browser.script("document.querySelector('ol.cards[data-status=pending] .more-item').scrollIntoView();");
        browser.await(d -> d.findElements(By.cssSelector(cards)).size() == 130);
        assertThat(browser.findAll("ol.cards[data-status=pending] .more-item")).isEmpty();
        java.util.List<String> refs = browser.findAll(cards).stream()
                .map(e -> e.getAttribute("data-ref")).toList();
        assertThat(refs).doesNotHaveDuplicates();
        assertThat(refs.getLast()).isEqualTo("#126"); // priority 0, the highest number of those
        assertNoConsoleErrors("kanban");
    }

    @Test
    void theKanbanFitsANarrowWindowAndStaysReadableInDarkMode() {
        seed();
        t.ijoka.features().create(t.project.id(), NewFeature.of(
                "A description with a long unbroken token: https://example.invalid/" + "x".repeat(150), Category.FUNCTIONAL));
        try {
            browser.resize(820, 900);
            openView("kanban");
            // no sideways scrolling: the columns wrap instead of overflowing the window
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            assertThat(browser.find("ol.cards[data-status=complete]").isDisplayed()).isTrue();
            browser.screenshot("kanban-narrow");

            browser.resize(1400, 900);
            browser.colorScheme("dark");
            openView("kanban");
            // the text of a card is light on a dark card, not the light theme's dark grey
            Object contrast = browser.script(
                    "const parse = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);"
                    + "const lum = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;"
                    + "const d = document.querySelector('li.card .description');"
                    + "return lum(parse(getComputedStyle(d).color))"
                    + " - lum(parse(getComputedStyle(d.closest('li.card')).backgroundColor));");
            assertThat(((Number) contrast).doubleValue()).as("card text minus card background luminance").isGreaterThan(120);
            browser.screenshot("kanban-dark");
        } finally {
            browser.colorScheme("light");
            browser.resize(1400, 900);
        }
    }

    @Test
    void theGraphViewListsTheCriticalPathAndTheReadyFeatures() {
        seed();
        openView("graph");
        String text = browser.visibleText();
        assertThat(text).contains("Critical path", "Database schema", "Login form", "Weekly report", "Ready");
        assertThat(browser.find("#graph").isDisplayed()).isTrue();
        browser.screenshot("graph");
        assertNoConsoleErrors("graph");
    }

    @Test
    void theTimelineShowsTheEventLogNewestFirst() {
        seed();
        openView("timeline");
        String text = browser.find("#timeline").getText();
        assertThat(text).contains("feature created", "dependency added", "feature started", "feature blocked");
        // newest first: the block came after the creations
        assertThat(text.indexOf("feature blocked")).isLessThan(text.lastIndexOf("feature created"));
        browser.screenshot("timeline");
        assertNoConsoleErrors("timeline");
    }

    @Test
    void theTableListsEveryFeature() {
        seed();
        openView("table");
        String text = browser.find("#feature-table").getText();
        assertThat(text).contains("Database schema", "Login form", "Weekly report", "CSV export", "Project skeleton",
                "in progress", "blocked", "complete", "1/2");
        browser.screenshot("table");
        assertNoConsoleErrors("table");
    }

    @Test
    void theRulesViewListsTheRulesWithTheirCounters() {
        seed();
        openView("rules");
        assertThat(browser.find("#rules").getText()).contains("at most 2 features in progress per project", "deny");
        assertThat(browser.visibleText()).contains("Add a rule");
        browser.screenshot("rules");
        assertNoConsoleErrors("rules");
    }

    @Test
    void clickingACardOpensTheDetailPanelWithStepsDependenciesAndEvents() {
        Plan plan = seed();
        openView("kanban");
        browser.find("#card-" + plan.login().id().value() + " .description").click();
        WebElement panel = browser.awaitVisible("#panel");
        browser.await(d -> panel.getText().contains("Login form"));
        String text = panel.getText();
        assertThat(text).contains("#2", "Login form", "Fields", "Errors", "#1", "Database schema", "#3", "Weekly report",
                "feature created");
        browser.screenshot("panel");
        assertNoConsoleErrors("panel");
    }

    // --- Kanban drags ---------------------------------------------------------------------------

    WebElement card(Feature f) {
        return browser.find("#card-" + f.id().value());
    }

    void drag(Feature f, String toStatus) {
        new Actions(browser.driver).dragAndDrop(card(f), browser.find("ol.cards[data-status=" + toStatus + "]")).perform();
    }

    /** The status of the column the feature's card is in, read in one step (cards are replaced live). */
    String columnOf(Feature f) {
        return (String) browser.script("return document.getElementById(arguments[0])?.closest('ol.cards')?.dataset.status ?? null;",
                "card-" + f.id().value());
    }

    /** One of the card's {@code data-} attributes, read in one step (cards are replaced live). */
    String cardData(Feature f, String name) {
        return (String) browser.script("return document.getElementById(arguments[0])?.dataset[arguments[1]] ?? null;",
                "card-" + f.id().value(), name);
    }

    @Test
    void draggingAPendingCardToInProgressStartsTheFeature() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Drag me", Category.FUNCTIONAL));
        openView("kanban");
        drag(f, "in_progress");
        browser.await(d -> t.ijoka.features().get(f.id()).status() == Status.IN_PROGRESS);
        // the card is re-rendered by the server in its new column, with the new version
        browser.await(d -> "in_progress".equals(cardData(f, "status")));
        assertThat(columnOf(f)).isEqualTo("in_progress");
        String version = Long.toString(t.ijoka.features().get(f.id()).version());
        browser.await(d -> version.equals(cardData(f, "version")));
        browser.await(d -> "1".equals(browser.find("#count-in_progress").getText()));
        assertNoConsoleErrors("kanban after a drag");
    }

    @Test
    void anIllegalDragSnapsBackAndShowsTheEnginesRefusal() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Not started yet", Category.FUNCTIONAL));
        openView("kanban");
        drag(f, "complete");
        WebElement toast = browser.awaitVisible("#toast");
        assertThat(toast.getText()).contains("cannot complete #1", "it is pending", "start or block");
        browser.await(d -> "pending".equals(columnOf(f)));
        browser.screenshot("kanban-refusal");
        assertThat(t.ijoka.features().get(f.id()).status()).isEqualTo(Status.PENDING);
        assertThat(browser.findAll("ol.cards[data-status=complete] li.card")).isEmpty();
    }

    @Test
    void blockingAsksForAReasonAndCancellingSnapsBack() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Needs a decision", Category.FUNCTIONAL));
        openView("kanban");

        drag(f, "blocked");
        browser.awaitVisible("#reason-dialog");
        assertThat(browser.find("#reason-title").getText()).contains("Block #1");
        browser.screenshot("kanban-reason-dialog");
        browser.find("#reason-dialog button[value=cancel]").click();
        browser.await(d -> !browser.find("#reason-dialog").isDisplayed());
        browser.await(d -> "pending".equals(columnOf(f)));
        assertThat(t.ijoka.features().get(f.id()).status()).isEqualTo(Status.PENDING);

        drag(f, "blocked");
        browser.awaitVisible("#reason-dialog");
        browser.find("#reason-text").sendKeys("waiting for the security review");
        browser.find("#reason-ok").click();
        browser.await(d -> t.ijoka.features().get(f.id()).status() == Status.BLOCKED);
        assertThat(t.ijoka.features().get(f.id()).blockReason()).isEqualTo("waiting for the security review");
        browser.await(d -> card(f).getText().contains("waiting for the security review"));
        assertThat(columnOf(f)).isEqualTo("blocked");
    }

    @Test
    void escapeInTheReasonDialogAlsoCancels() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Escape hatch", Category.FUNCTIONAL));
        openView("kanban");
        drag(f, "blocked");
        browser.awaitVisible("#reason-dialog");
        browser.find("#reason-text").sendKeys(Keys.ESCAPE);
        browser.await(d -> "pending".equals(columnOf(f)));
        assertThat(t.ijoka.features().get(f.id()).status()).isEqualTo(Status.PENDING);
    }

    // --- live updates -------------------------------------------------------------------------------

    @Test
    void aFeatureCreatedByAnotherProcessAppearsWithoutAReload() throws Exception {
        t.ijoka.features().create(t.project.id(), NewFeature.of("Already here", Category.FUNCTIONAL));
        openView("kanban");
        // A reload would drop this property: it proves the page changed in place.
        browser.script("window.ijokaNoReload = 'still the same page';");

        OtherProcess.run(t.storeUrl, t.dir.resolve("project"), "Committed by another process");

        browser.await(d -> browser.find("ol.cards[data-status=pending]").getText().contains("Committed by another process"));
        browser.await(d -> "2".equals(browser.find("#count-total").getText()));
        assertThat(browser.script("return window.ijokaNoReload;")).isEqualTo("still the same page");
        browser.screenshot("kanban-live");
    }

    @Test
    void aStatusChangeMadeElsewhereMovesTheCardWithoutAReload() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Moved elsewhere", Category.FUNCTIONAL));
        openView("kanban");
        browser.script("window.ijokaNoReload = 'still the same page';");
        t.ijoka.features().start(f.id(), null);
        browser.await(d -> "in_progress".equals(columnOf(f)));
        assertThat(browser.script("return window.ijokaNoReload;")).isEqualTo("still the same page");
    }

    // --- feature text is text -----------------------------------------------------------------------

    @Test
    void aScriptInADescriptionIsShownAsTextAndNeverRuns() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("<script>alert(1)</script>", Category.SECURITY)
                .withSteps("<img src=x onerror=alert(2)>"));
        openView("kanban");
        assertThat(card(f).findElement(By.cssSelector(".description")).getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(browser.alertIsOpen()).isFalse();

        card(f).findElement(By.cssSelector(".description")).click();
        WebElement panel = browser.awaitVisible("#panel");
        browser.await(d -> panel.getText().contains("<img src=x onerror=alert(2)>"));
        assertThat(panel.getText()).contains("<script>alert(1)</script>");
        assertThat(browser.alertIsOpen()).isFalse();
        browser.screenshot("xss-kanban-panel");

        // a card that arrives live goes through the same escaping
        Feature live = t.ijoka.features().create(t.project.id(), NewFeature.of("<img src=y onerror=alert(3)>", Category.SECURITY));
        browser.await(d -> !browser.findAll("#card-" + live.id().value()).isEmpty());
        assertThat(card(live).findElement(By.cssSelector(".description")).getText()).isEqualTo("<img src=y onerror=alert(3)>");

        openView("table");
        assertThat(browser.find("#feature-table").getText()).contains("<script>alert(1)</script>", "<img src=y onerror=alert(3)>");
        assertThat(browser.alertIsOpen()).isFalse();
        assertNoConsoleErrors("table with feature text that looks like HTML");
    }
}
