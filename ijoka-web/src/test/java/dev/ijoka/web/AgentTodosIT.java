package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agent's own todo list in the dashboard: the Kanban card's "3/7 · now: …" line, the detail panel's
 * items with their status, the feature's JSON, and the Timeline's todo events under their session;
 * always apart from the feature's steps, and escaped as every text the agent writes.
 */
class AgentTodosIT extends ServerTestBase {

    String base;
    Feature f;

    @BeforeEach
    void start() {
        base = "/p/" + t.project.id().value();
        f = t.ijoka.features().create(t.project.id(), NewFeature.of("Schema V4", Category.INFRASTRUCTURE).withSteps("It migrates"));
        SessionId s = t.ijoka.sessions().start(t.project.id(), SessionId.of("s-agent"), "claude-code").id();
        t.ijoka.features().start(f.id(), s);
        List<TodoChange.Item> items = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            items.add(new TodoChange.Item("Item " + i, null, i <= 3 ? TodoStatus.COMPLETED : TodoStatus.PENDING));
        }
        items.set(3, new TodoChange.Item("Run the <b>migration</b> tests", "Running the <b>migration</b> tests", TodoStatus.IN_PROGRESS));
        t.ijoka.sessions().changeTodos(s, new TodoChange.Replace(items));
    }

    @Test
    void theCardShowsHowFarTheAgentIsAndWhatItDoesNow() {
        String card = t.get(base + "/cards/" + f.id().value()).body();
        assertThat(card).contains("class=\"agent-todos\"").contains(">3/7<")
                .contains("class=\"todo-now\">Running the &lt;b&gt;migration&lt;/b&gt; tests</span>").contains(" · now: ")
                .contains(">0/1<"); // the feature's own steps, untouched
        assertThat(t.get(base + "/kanban").body()).contains("Running the &lt;b&gt;migration&lt;/b&gt; tests");
    }

    @Test
    void thePanelListsTheItemsWithTheirStatusApartFromTheSteps() {
        String panel = t.get(base + "/features/" + f.id().value() + "/panel").body();
        assertThat(panel).contains("Agent's todo list").contains("id=\"panel-agent-todos\"")
                .contains("class=\"todo completed\"").contains("class=\"todo in_progress\"").contains("class=\"todo pending\"")
                .contains("Item 7").contains("Running the &lt;b&gt;migration&lt;/b&gt; tests");
        assertThat(panel.indexOf("id=\"panel-steps\"")).isLessThan(panel.indexOf("id=\"panel-agent-todos\""));
    }

    @Test
    void theFeaturesJsonCarriesTheListAndTheTimelineItsChangesUnderTheSession() {
        JsonNode json = TestServer.json(t.get("/api/projects/" + t.project.id().value() + "/features/" + f.id().value()));
        JsonNode todos = json.path("agentTodos");
        assertThat(todos.path("done").asInt()).isEqualTo(3);
        assertThat(todos.path("total").asInt()).isEqualTo(7);
        assertThat(todos.path("now").stringValue()).isEqualTo("Running the <b>migration</b> tests");
        assertThat(todos.path("agent").stringValue()).isEqualTo("claude-code");
        assertThat(todos.path("items")).hasSize(7);
        assertThat(todos.path("items").get(3).path("status").stringValue()).isEqualTo("in_progress");
        assertThat(json.path("steps")).hasSize(1);

        String timeline = t.get(base + "/timeline?type=todo_added,todo_changed,todo_removed").body();
        assertThat(timeline).contains("Item 7").contains("s-agent").contains("todo added")
                .contains("Run the &lt;b&gt;migration&lt;/b&gt; tests (in progress)");
    }
}
