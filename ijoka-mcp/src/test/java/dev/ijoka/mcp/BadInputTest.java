package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.WipScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a tool error ({@code isError: true}) that says what to do next, changes
 * nothing, and leaves the server answering (DESIGN.md §4, §9).
 */
class BadInputTest {

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
        agent.ok("ijoka_add_feature", "description", "Schema", "steps", List.of("tables exist"));
        agent.ok("ijoka_add_feature", "description", "Login", "dependsOn", List.of("#1"));
    }

    @AfterEach
    void stop() {
        harness.close();
        ijoka.close();
    }

    @Test
    void anUnknownToolListsTheTools() {
        String text = agent.error("unknown_tool", "ijoka_fly_away");
        assertThat(text).contains("there is no tool 'ijoka_fly_away'").contains("ijoka_status").contains("ijoka_get_insights");
        stillAnswering();
    }

    @Test
    void anUnknownFeaturePointsToTheList() {
        assertThat(agent.error("not_found", "ijoka_get_feature", "feature", "#99"))
                .contains("#99").contains("ijoka_list_features");
        assertThat(agent.error("not_found", "ijoka_start_feature", "feature", "0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000"))
                .contains("0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000");
        assertThat(agent.error("invalid_input", "ijoka_get_feature", "feature", "#x")).contains("write #12");
        stillAnswering();
    }

    @Test
    void aMissingArgumentIsNamedWithWhatItIsFor() {
        assertThat(agent.error("invalid_input", "ijoka_get_feature")).contains("needs 'feature'").contains("#number or id");
        assertThat(agent.error("invalid_input", "ijoka_add_feature", "priority", 3)).contains("needs 'description'");
        assertThat(agent.error("invalid_input", "ijoka_block_feature", "feature", "#1")).contains("needs 'reason'")
                .contains("what it waits for");
        assertThat(agent.error("invalid_input", "ijoka_update_feature", "feature", "#1")).contains("nothing to change");
        stillAnswering();
    }

    @Test
    void aWronglyTypedArgumentSaysWhatWasExpectedAndWhatCame() {
        assertThat(agent.error("invalid_input", "ijoka_list_features", "limit", "abc"))
                .contains("'limit' must be an integer, got string \"abc\"");
        assertThat(agent.error("invalid_input", "ijoka_list_features", "limit", 1.5)).contains("got number 1.5");
        assertThat(agent.error("invalid_input", "ijoka_list_features", "limit", 500)).contains("between 1 and 100");
        assertThat(agent.error("invalid_input", "ijoka_add_feature", "description", "x", "steps", "do it"))
                .contains("'steps' must be an array of strings");
        assertThat(agent.error("invalid_input", "ijoka_check_step", "feature", "#1", "step", 0, "done", "yes"))
                .contains("'done' must be true or false");
        assertThat(agent.error("invalid_input", "ijoka_add_feature", "description", List.of("a")))
                .contains("'description' must be a string, got an array");
        assertThat(agent.error("invalid_input", "ijoka_add_feature", "description", "x", "category", "magic"))
                .contains("unknown category 'magic'").contains("functional");
        assertThat(agent.error("invalid_input", "ijoka_list_features", "status", "done"))
                .contains("unknown status 'done'").contains("complete");
        assertThat(agent.error("invalid_input", "ijoka_list_features", "cursor", "zzz")).contains("nextCursor");
        stillAnswering();
    }

    @Test
    void anUnknownArgumentListsTheAcceptedOnes() {
        assertThat(agent.error("invalid_input", "ijoka_start_feature", "id", "#1"))
                .contains("ijoka_start_feature has no argument 'id'").contains("it takes feature");
        assertThat(agent.error("invalid_input", "ijoka_status", "verbose", true)).contains("takes no arguments");
        stillAnswering();
    }

    @Test
    void anIllegalTransitionSaysWhereTheFeatureIsAndWhatIsAllowed() {
        assertThat(agent.error("illegal_transition", "ijoka_complete_feature", "feature", "#1")).contains("pending");
        assertThat(agent.error("illegal_transition", "ijoka_unblock_feature", "feature", "#1")).contains("pending");
        assertThat(agent.error("dependencies_incomplete", "ijoka_start_feature", "feature", "#2")).contains("#1");
        assertThat(agent.error("no_current_feature", "ijoka_complete_feature")).contains("ijoka_start_feature");
        assertThat(agent.error("no_current_feature", "ijoka_check_step", "step", 0)).contains("pass feature");
        assertThat(agent.error("invalid_input", "ijoka_check_step", "feature", "#1", "step", 7))
                .contains("step 7 does not exist");
        assertThat(agent.error("dependency_cycle", "ijoka_add_dependency", "feature", "#1", "dependsOn", "#2"))
                .contains("#1").contains("#2");
        assertThat(agent.error("dependency_cycle", "ijoka_add_dependency", "feature", "#1", "dependsOn", "#1"));
        assertThat(agent.ok("ijoka_get_feature", "feature", "#1").get("feature")).extracting("status").isEqualTo("pending");
        stillAnswering();
    }

    @Test
    void aFeatureClaimedByAnotherLiveSessionIsRefusedNamingTheHolder() {
        agent.ok("ijoka_start_feature", "feature", "#1");
        try (Harness other = Harness.start(ijoka, Harness.options(project), "other-agent", project)) {
            String text = other.agent.error("claim_conflict", "ijoka_start_feature", "feature", "#1");
            assertThat(text).contains("claude-code").contains("ijoka_next_feature");
            other.agent.error("claim_conflict", "ijoka_complete_feature", "feature", "#1");
            other.agent.error("claim_conflict", "ijoka_block_feature", "feature", "#1", "reason", "mine now");
            assertThat(other.agent.error("nothing_ready", "ijoka_start_feature"))
                    .contains("Nothing is ready").contains("1 in progress");
        }
        assertThat(agent.ok("ijoka_complete_feature").get("feature")).extracting("status").isEqualTo("complete");
    }

    @Test
    void oversizedTextNamesTheLimit() {
        String tooLong = "x".repeat(2_001);
        assertThat(agent.error("invalid_input", "ijoka_add_feature", "description", tooLong))
                .contains("description is 2001 characters long; the limit is 2000");
        assertThat(agent.error("invalid_input", "ijoka_block_feature", "feature", "#1", "reason", "r".repeat(5_000)))
                .contains("the limit is 2000");
        assertThat(agent.error("invalid_input", "ijoka_record_insight", "text", "i".repeat(8_001)))
                .contains("the limit is 8000");
        assertThat(agent.error("invalid_input", "ijoka_record_insight", "text", "ok", "tags", List.of("t".repeat(65))))
                .contains("tag is 65 characters long");
        assertThat(agent.ok("ijoka_list_features")).containsEntry("total", 2);
        stillAnswering();
    }

    @Test
    void aRuleThatRefusesExplainsItself() {
        Project p = ijoka.projects().open(project);
        ijoka.rules().add(p.id(), new RuleSpec.WipLimit(1, WipScope.SESSION), Enforcement.DENY);
        agent.ok("ijoka_add_feature", "description", "Docs");
        agent.ok("ijoka_start_feature", "feature", "#1");
        assertThat(agent.error("rule_violation", "ijoka_start_feature", "feature", "#3")).contains("1");
        assertThat(agent.ok("ijoka_next_feature")).extracting(m -> Agent.map(m.get("feature")).get("ref")).isEqualTo("#1");
        stillAnswering();
    }

    private void stillAnswering() {
        Map<String, Object> status = agent.ok("ijoka_status");
        assertThat(Agent.map(status.get("counts"))).containsKey("total");
    }
}
