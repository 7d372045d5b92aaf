package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person's day with the command line: import a plan, work it through, look at the status. */
class WorkflowTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void importWorkAFeatureThroughAndSeeTheStatus() throws Exception {
        cli.sample("feature_list.json");

        CliHarness.Result imported = cli.ok("import", "feature_list.json");
        assertThat(imported.out()).startsWith("Imported feature_list.json (feature-list) into shop: 8 features created, "
                + "0 already there; 0 dependencies added.");
        assertThat(imported.err()).isEqualTo("warning: feature 7 (line 62): unknown category 'accessibility-audit', imported "
                + "as functional\n");

        assertThat(cli.ok("next").out()).startsWith("Next: #2  User can send a message and see the streamed reply\n")
                .contains("    1. [ ] Step 1: Type a message in the input box")
                .endsWith("Start it: ijoka feature start '#2'\n");

        assertThat(cli.ok("feature", "start", "#2").out())
                .isEqualTo("Started #2  User can send a message and see the streamed reply  (in_progress)\n");
        assertThat(cli.ok("step", "check", "#2", "1", "2").out()).contains("  2. [x] Step 2: Press Enter", "2/4 steps done");
        assertThat(cli.ok("step", "check", "#2", "--all").out())
                .endsWith("4/4 steps done. Complete it: ijoka feature complete '#2'\n");
        assertThat(cli.ok("feature", "complete", "2").out())
                .isEqualTo("Completed #2  User can send a message and see the streamed reply  (complete)\n");

        JsonNode status = cli.ok("status", "--json").json();
        assertThat(status.get("project").get("name").asString()).isEqualTo("shop");
        assertThat(status.get("progress").get("complete").asInt()).isEqualTo(3);
        assertThat(status.get("progress").get("total").asInt()).isEqualTo(8);
        assertThat(status.get("progress").get("percentComplete").asInt()).isEqualTo(37);
        assertThat(status.get("next").get(0).get("ref").asString()).isEqualTo("#3");
        assertThat(status.get("ready").asInt()).isEqualTo(5);
        assertThat(status.get("inProgress").size()).isZero();

        String human = cli.ok("status").out();
        assertThat(human).startsWith("shop  (" + cli.project.toRealPath() + ")\n"
                + "[########............] 3/8 complete (37%) · 0 in progress · 0 blocked · 5 pending\n");
        assertThat(human).contains("Next up\n  #3  Sidebar collapses on narrow screens");
    }

    @Test
    void reimportingChangesNothingAndSaysSo() {
        cli.sample("feature_list.json");
        cli.ok("import", "feature_list.json");

        CliHarness.Result again = cli.ok("import", "feature_list.json", "--json");

        JsonNode r = again.json();
        assertThat(r.get("created").asInt()).isZero();
        assertThat(r.get("matched").asInt()).isEqualTo(8);
        assertThat(cli.ok("import", "feature_list.json").out()).contains("Nothing changed");
    }

    @Test
    void statusShowsClaimlessWorkInProgressAndBlockedFeaturesWithReasons() {
        cli.ok("feature", "add", "Schema");
        cli.ok("feature", "add", "Login", "--depends-on", "#1");
        cli.ok("feature", "add", "Payments");
        cli.ok("feature", "start", "#1");
        cli.ok("feature", "block", "#3", "--reason", "waiting for the provider's API keys");

        String status = cli.ok("status").out();

        assertThat(status).contains("[....................] 0/3 complete (0%) · 1 in progress · 1 blocked · 1 pending");
        assertThat(status).contains("In progress\n  #1  Schema  no claim");
        assertThat(status).contains("Next up: nothing is ready (1 waiting on dependencies).");
        assertThat(status).contains("Blocked\n  #3  Payments  waiting for the provider's API keys");
    }
}
