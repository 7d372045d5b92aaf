package dev.ijoka.mcp;

import static dev.ijoka.mcp.Agent.list;
import static dev.ijoka.mcp.Agent.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent works a small project through the SDK's client, in process: it plans features with
 * dependencies, takes the next one, checks its steps, completes it, blocks another, shares what it
 * learnt, and reads the progress, as Claude Code would.
 */
class AgentScenarioTest {

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
    void anAgentPlansWorksAndReportsThroughTheTools() {
        Map<String, Object> empty = agent.ok("ijoka_status");
        assertThat(map(empty.get("counts"))).containsEntry("total", 0);
        assertThat(map(empty.get("project"))).containsEntry("root", project.toAbsolutePath().toString());

        Map<String, Object> schema = map(agent.ok("ijoka_add_feature", "description", "Database schema for users",
                "category", "infrastructure", "priority", 5, "steps", List.of("tables exist", "migration runs"))
                .get("feature"));
        assertThat(schema).containsEntry("ref", "#1").containsEntry("status", "pending").containsEntry("priority", 5);
        assertThat(list(schema.get("steps"))).hasSize(2);
        agent.ok("ijoka_add_feature", "description", "User can log in", "dependsOn", List.of("#1"),
                "steps", List.of("open /login", "submit the form"));
        agent.ok("ijoka_add_feature", "description", "User can reset the password", "dependsOn", List.of("#2"));
        agent.ok("ijoka_add_feature", "description", "Document the login flow", "category", "documentation");

        Map<String, Object> next = agent.ok("ijoka_next_feature");
        assertThat(map(next.get("feature"))).containsEntry("ref", "#1");
        assertThat(next).containsEntry("yours", false).containsEntry("readyCount", 2);

        String refused = agent.error("dependencies_incomplete", "ijoka_start_feature", "feature", "#2");
        assertThat(refused).contains("#1 (pending)").contains("ijoka_next_feature");

        Map<String, Object> started = map(agent.ok("ijoka_start_feature").get("feature"));
        assertThat(started).containsEntry("ref", "#1").containsEntry("status", "in_progress");
        assertThat(map(started.get("claim"))).containsEntry("yours", true);

        Map<String, Object> status = agent.ok("ijoka_status");
        assertThat(map(status.get("workingOn"))).containsEntry("ref", "#1");
        assertThat(map(status.get("counts"))).containsEntry("inProgress", 1).containsEntry("pending", 3);

        agent.ok("ijoka_check_step", "step", 0);
        Map<String, Object> checked = agent.ok("ijoka_check_step", "feature", "#1", "step", 1);
        assertThat(checked).containsEntry("stepsDone", 2).containsEntry("stepsTotal", 2).containsEntry("done", true);

        Map<String, Object> completed = agent.ok("ijoka_complete_feature");
        assertThat(map(completed.get("feature"))).containsEntry("status", "complete");
        assertThat(list(completed.get("unlocked"))).extracting(r -> r.get("ref")).containsExactly("#2");
        assertThat(map(completed.get("next"))).containsEntry("ref", "#2");

        agent.ok("ijoka_start_feature", "feature", "#2");
        Map<String, Object> blocked = map(agent.ok("ijoka_block_feature", "reason", "waiting for the design of the form")
                .get("feature"));
        assertThat(blocked).containsEntry("ref", "#2").containsEntry("status", "blocked")
                .containsEntry("blockReason", "waiting for the design of the form");
        assertThat(map(agent.ok("ijoka_status")).get("workingOn")).isNull();
        Map<String, Object> unblocked = agent.ok("ijoka_unblock_feature", "feature", "#2");
        assertThat(unblocked).containsEntry("ready", true);

        Map<String, Object> dep = agent.ok("ijoka_add_dependency", "feature", "#4", "dependsOn", "#3", "kind", "related");
        assertThat(dep).containsEntry("kind", "related");
        assertThat(agent.ok("ijoka_remove_dependency", "feature", "#4", "dependsOn", "#3")).containsEntry("removed", true);
        assertThat(agent.ok("ijoka_remove_dependency", "feature", "#4", "dependsOn", "#3")).containsEntry("removed", false);

        Map<String, Object> updated = agent.ok("ijoka_update_feature", "feature", "#3", "priority", 9,
                "steps", List.of("email arrives"));
        assertThat(updated.get("changed")).isEqualTo(List.of("priority", "steps"));
        assertThat(map(updated.get("feature"))).containsEntry("priority", 9);

        Map<String, Object> insight = map(agent.ok("ijoka_record_insight", "text",
                "Run the migrations before the login tests, or they fail on a missing table", "kind", "solution",
                "tags", List.of("Testing", "db"), "feature", "#1").get("insight"));
        assertThat(insight).containsEntry("feature", "#1").containsEntry("tags", List.of("testing", "db"));
        Map<String, Object> found = agent.ok("ijoka_get_insights", "query", "migrations login");
        assertThat(found).containsEntry("total", 1);
        assertThat(list(found.get("insights")).getFirst()).containsEntry("kind", "solution");
        assertThat(agent.ok("ijoka_get_insights", "tag", "db")).containsEntry("total", 1);
        assertThat(agent.ok("ijoka_get_insights")).containsEntry("total", 1);

        Map<String, Object> pending = agent.ok("ijoka_list_features", "status", "pending");
        assertThat(list(pending.get("features"))).extracting(r -> r.get("ref")).containsExactly("#2", "#3", "#4");
        Map<String, Object> ready = agent.ok("ijoka_list_features", "ready", true);
        assertThat(list(ready.get("features"))).extracting(r -> r.get("ref")).containsExactly("#2", "#4");

        Map<String, Object> first = map(agent.ok("ijoka_get_feature", "feature", "#1").get("feature"));
        assertThat(list(first.get("dependents"))).extracting(r -> r.get("ref")).containsExactly("#2");
        assertThat(first).containsEntry("status", "complete").containsEntry("stepsDone", 2);

        Map<String, Object> end = agent.ok("ijoka_status");
        assertThat(map(end.get("counts"))).containsEntry("complete", 1).containsEntry("pending", 3)
                .containsEntry("inProgress", 0).containsEntry("blocked", 0).containsEntry("total", 4);
        assertThat(end).containsEntry("percentComplete", 25).containsEntry("readyCount", 2);
        assertThat(map(end.get("session"))).containsEntry("agent", "claude-code");
    }
}
