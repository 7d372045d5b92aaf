package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.claude.HookMain;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person watching the Kanban sees, on the card an agent holds, how far the agent is through its own
 * todo list and what it does now, changing live as Claude Code's hooks report it: each change here is a
 * real {@code ijoka hook} ({@link HookMain}) in a child JVM, fed the {@code PostToolUse} of a
 * {@code TodoWrite} as Claude Code sends it, with no relay running (so it opens the store itself).
 */
class AgentTodosBrowserIT extends ServerTestBase {

    static BrowserSession browser;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void theCardsNowLineChangesLiveWhenAHookRunsInAnotherProcess() throws Exception {
        Path project = t.dir.resolve("project");
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema V4", Category.INFRASTRUCTURE));
        SessionId s = t.ijoka.sessions().start(t.project.id(), SessionId.of("claude-session-1"), "claude-code").id();
        t.ijoka.features().start(f.id(), s);
        browser.open(t.origin() + "/p/" + t.project.id().value() + "/kanban");
        browser.await(d -> "live".equals(browser.script("return document.body.dataset.live;")));
        browser.script("window.ijokaNoReload = 'still the same page';");
        assertThat(card(f).findElements(By.cssSelector(".agent-todos"))).as("no list yet").isEmpty();

        hook(project, s, "in_progress", "pending", "pending");
        browser.await(d -> nowLine(f).equals("0/3 · now: Writing the V4 migration"));

        hook(project, s, "completed", "in_progress", "pending");
        browser.await(d -> nowLine(f).equals("1/3 · now: Running the migration tests"));

        assertThat(browser.script("return window.ijokaNoReload;")).isEqualTo("still the same page");
        assertThat(text(f, ".card-bottom")).as("no steps shown as the agent's")
                .doesNotContain("/3");
        browser.screenshot("kanban-agent-todos");
    }

    private org.openqa.selenium.WebElement card(Feature f) {
        return browser.find("#card-" + f.id().value());
    }

    private String nowLine(Feature f) {
        return text(f, ".agent-todos").strip();
    }

    /**
     * The rendered text of the card's first {@code part}, "" if it has none, read in one step in the page: the live
     * board replaces a card when its feature changes, so an element found in one call may be gone by the next.
     */
    private String text(Feature f, String part) {
        Object text = browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
                "#card-" + f.id().value() + " " + part);
        return String.valueOf(text);
    }

    /** Runs {@code ijoka hook} in a child JVM with a TodoWrite of three items in these statuses. */
    private void hook(Path project, SessionId session, String... statuses) throws Exception {
        String[][] items = {{"Write the V4 migration", "Writing the V4 migration"},
            {"Run the migration tests", "Running the migration tests"}, {"Update the docs", "Updating the docs"}};
        ObjectNode payload = JSON.createObjectNode();
        payload.put("session_id", session.value());
        payload.put("transcript_path", "/tmp/t.jsonl");
        payload.put("cwd", project.toString());
        payload.put("hook_event_name", "PostToolUse");
        payload.put("tool_name", "TodoWrite");
        ArrayNode todos = payload.putObject("tool_input").putArray("todos");
        for (int i = 0; i < items.length; i++) {
            todos.addObject().put("content", items[i][0]).put("status", statuses[i]).put("activeForm", items[i][1]);
        }
        payload.putObject("tool_response").putArray("newTodos");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), HookMain.class.getName()).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.put("IJOKA_DB", t.storeUrl);
        env.put("IJOKA_HOME", Files.createDirectories(t.dir.resolve("hook-home")).toString()); // no relay to find here
        env.remove("CLAUDE_CODE_SESSION_ID");
        env.remove("CLAUDE_PROJECT_DIR");
        Process p = pb.start();
        p.getOutputStream().write(JSON.writeValueAsBytes(payload));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the hook never blocks the agent: %s", err).isZero();
        assertThat(out).as("stdout carries the protocol only").isEmpty();
        assertThat(err).as("the hook's stderr").doesNotContain("ijoka hook:");
    }
}
