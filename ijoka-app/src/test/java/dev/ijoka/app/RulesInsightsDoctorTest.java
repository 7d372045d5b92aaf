package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules, insights, projects and doctor. */
class RulesInsightsDoctorTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void aWipLimitRuleRefusesAStartWithItsOwnExitCodeAndCanBeDisabled() {
        cli.ok("feature", "add", "A");
        cli.ok("feature", "add", "B");
        JsonNode rule = cli.ok("rule", "add", "wip-limit", "--max", "1", "--json").json();
        assertThat(rule.get("kind").asString()).isEqualTo("wip_limit");
        assertThat(rule.get("enforcement").asString()).isEqualTo("deny");
        cli.ok("feature", "start", "#1");

        CliHarness.Result refused = cli.run("feature", "start", "#2");
        assertThat(refused.exit()).isEqualTo(ExitCodes.RULE_VIOLATION);
        assertThat(refused.err()).startsWith("ijoka: ");

        String id = rule.get("id").asString();
        assertThat(cli.ok("rule", "list").out()).contains(id, "wip_limit", "project", "deny", "yes");
        assertThat(cli.ok("rule", "disable", id.substring(id.length() - 8)).out()).startsWith("Disabled rule ");
        assertThat(cli.ok("rule", "list", "--json").json().get(0).get("enabled").asBoolean()).isFalse();
        cli.ok("feature", "start", "#2");
        assertThat(cli.ok("rule", "enable", id).out()).startsWith("Enabled rule ");
        assertThat(cli.run("rule", "enable", "zzzz").exit()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void warnRulesLetTheCommandThroughWithAWarningOnStderr() {
        cli.ok("feature", "add", "A", "--step", "one");
        cli.ok("rule", "add", "steps-done", "--enforcement", "warn");
        cli.ok("feature", "start", "#1");

        CliHarness.Result r = cli.ok("feature", "complete", "#1");

        assertThat(r.out()).isEqualTo("Completed #1  A  (complete)\n");
        assertThat(r.err()).startsWith("warning: ");
        cli.ok("rule", "add", "context", "--text", "Use pnpm", "--global");
        cli.ok("rule", "add", "reminder", "--tool", "Bash", "--glob", "**/*.sql", "--text", "Never edit a migration");
        assertThat(cli.ok("rule", "list", "--json").json()).hasSize(3);
        CliHarness.Result bad = cli.run("rule", "add", "reminder", "--text", "x");
        assertThat(bad.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("a reminder needs a tool name, a file glob, or both");
    }

    @Test
    void insightsAreRecordedAndFound() {
        cli.ok("feature", "add", "A");

        assertThat(cli.ok("insight", "add", "Run e2e tests with one worker", "--kind", "tool_usage", "--tag", "Tests",
                "--feature", "#1").out()).isEqualTo("Recorded tool_usage insight [tests]\n");
        cli.ok("insight", "add", "Cache the token", "--kind", "solution");

        assertThat(cli.ok("insight", "list").out()).contains("- [solution] Cache the token",
                "- [tool_usage] Run e2e tests with one worker  #tests");
        JsonNode found = cli.ok("insight", "list", "--search", "worker", "--json").json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("feature").asString()).isEqualTo("#1");
        assertThat(cli.ok("insight", "list", "--tag", "nothing").out()).isEqualTo("No insight matches.\n");
        assertThat(cli.run("insight", "add", "x", "--kind", "guess").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void doctorChecksJavaTheDataDirectoryTheStoreAndTheProject() throws Exception {
        CliHarness.Result fresh = cli.run("doctor");
        assertThat(fresh.exit()).isZero();
        assertThat(fresh.out()).contains("[ok  ] java: Java ", "[warn] data directory: ", "does not exist yet",
                "[ok  ] store: SQLite database ", "is open, at schema version ", "and writable (from IJOKA_DB); 0 projects",
                "[ok  ] project: no project at", "All good.");

        cli.ok("feature", "add", "A");
        Files.createDirectories(cli.root.resolve("home"));
        JsonNode json = cli.ok("doctor", "--json").json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("checks").get(1).get("status").asString()).isEqualTo("ok");
        assertThat(json.get("checks").get(3).get("detail").asString()).contains("shop", "1 features");

        Files.writeString(cli.root.resolve("notadb.db"), "this is not a database, just text that is long enough to matter");
        CliHarness.Result notDb = cli.run("doctor", "--db", "jdbc:sqlite:" + cli.root.resolve("notadb.db"));
        assertThat(notDb.exit()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(notDb.out()).contains("[FAIL] store: ", "fix: check the URL");
    }

    /** Doctor says what the last update check found, from its record in the data directory, never from the network. */
    @Test
    void doctorSaysWhenANewerVersionExistsFromTheLastCheck() throws Exception {
        assertThat(cli.ok("doctor").out()).contains("[ok  ] updates: not checked yet");

        java.nio.file.Path kept = java.nio.file.Files.createDirectories(cli.root.resolve("home/update")).resolve("last-check.json");
        String feed = "{\"version\": \"99.0.0\", \"changes\": \"Faster everything.\", "
                + "\"url\": \"https://example.org/releases/v99.0.0\"}";
        Files.writeString(kept, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                java.util.Map.of("checkedAt", "2026-12-06T10:00:00Z", "running", "0.1.0", "feed", feed)));
        CliHarness.Result newer = cli.run("doctor");
        assertThat(newer.exit()).isZero(); // a newer version is news, not a failure
        assertThat(newer.out()).contains("[warn] updates: Ijoka 99.0.0 is available (this is ", "): Faster everything.",
                "fix: download it from https://example.org/releases/v99.0.0");

        cli.env.put("IJOKA_NO_UPDATE_CHECK", "1");
        assertThat(cli.ok("doctor").out()).contains("[ok  ] updates: update checks are turned off by IJOKA_NO_UPDATE_CHECK");
    }

    @Test
    void projectsListsEveryProjectWithItsProgress() throws Exception {
        cli.ok("feature", "add", "A");
        java.nio.file.Path other = Files.createDirectories(cli.root.resolve("blog"));
        cli.runIn(other, "feature", "add", "Post");
        cli.runIn(other, "feature", "start", "1");
        cli.runIn(other, "feature", "complete", "1");

        String out = cli.ok("projects").out();
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("NAME");
        assertThat(out).contains("blog", "100%", "shop", "0%");
        JsonNode json = cli.ok("projects", "--json").json();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("name").asString()).isEqualTo("blog");
        assertThat(json.get(0).get("progress").get("complete").asInt()).isEqualTo(1);
    }
}
