package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ijoka import and export: summaries, problems with their lines, formats, files. */
class ImportExportCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void importsTaskMasterWithItsDependenciesAndReportsAsJson() {
        cli.sample("tasks.json");

        JsonNode r = cli.ok("import", "tasks.json", "--json").json();

        assertThat(r.get("format").asString()).isEqualTo("task-master");
        assertThat(r.get("created").asInt()).isEqualTo(10);
        assertThat(r.get("dependenciesAdded").asInt()).isEqualTo(8);
        assertThat(r.get("features").get(0).get("ref").asString()).isEqualTo("#1");
        assertThat(cli.ok("next", "--json").json().get("description").asString()).isEqualTo("Messages table");
    }

    @Test
    void aFileWithProblemsListsThemAllWithLinesAndImportsNothing() {
        cli.sample("tasks-cycles.json");

        CliHarness.Result r = cli.run("import", "tasks-cycles.json");

        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("ijoka: cannot import " + cli.project.resolve("tasks-cycles.json")
                + ": 4 problems found, nothing was imported. Fix the file and import it again.\n");
        assertThat(r.err()).contains("  task 5 (line 7): depends on 9, which is not in the file",
                "  task 6 (line 8): depends on 42", "dependency cycle: ");
        assertThat(cli.run("status").exit()).as("a refused import registers no project").isEqualTo(ExitCodes.NOT_FOUND);

        JsonNode json = cli.run("import", "tasks-cycles.json", "--json").errorJson();
        assertThat(json.get("code").asString()).isEqualTo("invalid_import");
        assertThat(json.get("exitCode").asInt()).isEqualTo(4);
        assertThat(json.get("problems")).hasSize(4);
        assertThat(json.get("problems").get(0).get("where").asString()).startsWith("task ");
    }

    @Test
    void malformedJsonAndMissingFilesAreInvalidInput() {
        cli.sample("malformed.json");

        CliHarness.Result malformed = cli.run("import", "malformed.json");
        assertThat(malformed.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(malformed.err()).contains("  line 6: malformed JSON: Unexpected character");

        CliHarness.Result missing = cli.run("import", "nope.json");
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("there is no such file");

        CliHarness.Result tooBig = cli.run("import", "malformed.json", "--max-size", "10");
        assertThat(tooBig.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooBig.err()).contains("imports take at most 10 bytes");

        CliHarness.Result csv = cli.run("import", "malformed.json", "--format", "csv");
        assertThat(csv.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(csv.err()).contains("csv can be exported but not imported");

        CliHarness.Result unknownFormat = cli.run("import", "malformed.json", "--format", "yaml");
        assertThat(unknownFormat.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownFormat.err()).contains("unknown format 'yaml'");
    }

    @Test
    void aDryRunChangesNothing() {
        cli.sample("feature_list.json");

        assertThat(cli.ok("import", "feature_list.json", "--dry-run").out()).startsWith(
                "Would import feature_list.json (feature-list) into shop (a new project): 8 features to create, 0 already there");
        assertThat(cli.run("status").exit()).as("no project registered").isEqualTo(ExitCodes.NOT_FOUND);

        cli.ok("feature", "add", "Something else");
        assertThat(cli.ok("import", "feature_list.json", "--dry-run").out())
                .startsWith("Would import feature_list.json (feature-list) into shop: 8 features to create, 0 already there");
        assertThat(cli.ok("feature", "list", "--json").json()).hasSize(1);
    }

    @Test
    void exportsToStdoutOrAFileInEveryFormat() throws Exception {
        cli.sample("tasks.json");
        cli.ok("import", "tasks.json");

        assertThat(cli.ok("export", "--format", "markdown").out()).startsWith("# Plan: shop\n");
        assertThat(cli.ok("export", "--format", "csv").out()).startsWith("number,id,description,");
        assertThat(cli.ok("export").json().get("format").asString()).isEqualTo("ijoka");
        assertThat(cli.ok("export", "--format", "beads").out().lines()).hasSize(10);

        assertThat(cli.ok("export", "--output", "feature_list.json").out())
                .isEqualTo("Exported 10 features of shop to feature_list.json (feature-list)\n");
        Path written = cli.project.resolve("feature_list.json");
        assertThat(Files.readString(written)).startsWith("[\n  {\n    \"category\": \"functional\",");
        try (CliHarness other = new CliHarness()) {
            Files.copy(written, other.project.resolve("feature_list.json"));
            assertThat(other.ok("import", "feature_list.json", "--json").json().get("created").asInt()).isEqualTo(10);
        }
        assertThat(cli.ok("import", "feature_list.json").out()).contains("Nothing changed");

        CliHarness.Result unwritable = cli.run("export", "--output", "no/such/dir/plan.md");
        assertThat(unwritable.exit()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(unwritable.err()).startsWith("ijoka: cannot write no/such/dir/plan.md");
    }
}
