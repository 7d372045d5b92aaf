package dev.ijoka.mcp;

import static dev.ijoka.mcp.Agent.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ijoka_get_feature} shows the agent's own todo list (kept by the hooks) in a line: how far
 * through it the agent is and what it does now, never every item, so that the answer stays small however
 * long the list is.
 */
class AgentTodosToolTest {

    @TempDir
    Path project;

    private Ijoka ijoka;
    private Harness harness;
    private Agent agent;

    @BeforeEach
    void start() {
        ijoka = Ijoka.inMemory();
        harness = Harness.start(ijoka, Harness.options(project), "claude-code", project);
        agent = harness.agent;
    }

    @AfterEach
    void stop() {
        harness.close();
        ijoka.close();
    }

    @Test
    void getFeatureGivesTheCountAndTheCurrentItemOfTheAgentsList() {
        agent.ok("ijoka_add_feature", "description", "Schema V4", "steps", List.of("it migrates"));
        Map<String, Object> without = map(agent.ok("ijoka_get_feature", "feature", "#1").get("feature"));
        assertThat(without).doesNotContainKey("agentTodos");

        agent.ok("ijoka_start_feature", "feature", "#1");
        Feature f = ijoka.features().get(FeatureRef.parse(ijoka.projects().list().getFirst().id(), "#1"));
        List<TodoChange.Item> items = IntStream.range(0, 60).mapToObj(i -> new TodoChange.Item(
                "Item " + i + " " + "x".repeat(300), null, i < 2 ? TodoStatus.COMPLETED : TodoStatus.PENDING)).toList();
        List<TodoChange.Item> withNow = new java.util.ArrayList<>(items);
        withNow.set(2, new TodoChange.Item("Run the migration tests", "Running the migration tests", TodoStatus.IN_PROGRESS));
        ijoka.sessions().changeTodos(f.claim().session(), new TodoChange.Replace(withNow));

        var result = agent.call("ijoka_get_feature", "feature", "#1");
        @SuppressWarnings("unchecked")
        Map<String, Object> feature = map(((Map<String, Object>) result.structuredContent()).get("feature"));
        assertThat(map(feature.get("agentTodos"))).containsExactly(Map.entry("done", 2), Map.entry("total", 60),
                Map.entry("now", "Running the migration tests"));
        assertThat(Agent.text(result)).contains("Agent's todo list: 2/60 · now: Running the migration tests")
                .doesNotContain("Item 5").hasSizeLessThan(2_000);
        assertThat(feature.get("steps").toString()).as("the feature's steps stay its own").contains("it migrates")
                .doesNotContain("migration tests");
    }
}
