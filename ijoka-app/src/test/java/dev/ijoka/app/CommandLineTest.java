package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.app.cli.VersionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Help, version, usage errors, global options and the documented exit codes. */
class CommandLineTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void helpListsTheCommandsWithAGettingStartedFooterAndTouchesNoStore() {
        CliHarness.Result r = cli.ok("--help");

        assertThat(r.out()).startsWith("Usage: ijoka")
                .contains("Keeps the plan of an AI-assisted software project")
                // Each command is listed with its own description, not the top command's.
                .contains("  status    Where the project stands", "  next      The feature to work on next")
                .contains("  status ", "  next ", "  feature ", "  dep ", "  step ", "  insight ", "  rule ", "  import ",
                        "  export ", "  projects ", "  doctor ", "Get started:", "ijoka import feature_list.json", "Exit codes:");
        assertThat(cli.root.resolve("ijoka.db")).doesNotExist();
        assertThat(cli.ok("feature", "start", "--help").out()).contains("pending → in_progress", "Examples:");
        assertThat(cli.ok("help", "next").out()).contains("Usage: ijoka next");
    }

    @Test
    void versionNamesTheBuildAndTheJava() {
        assertThat(cli.ok("--version").out()).startsWith("ijoka " + VersionProvider.version() + "\nJava ");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theVersionAloneIsPrintedBeforeTheCommandLineExistsExactlyAsItPrintsIt() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(Main.printVersionOnly(new String[] {"--version"}, out)).isTrue();
        assertThat(Main.printVersionOnly(new String[] {"-V"}, out)).isTrue();

        String once = cli.ok("--version").out();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(once + once);
        assertThat(cli.ok("-V").out()).isEqualTo(once);
    }

    @Test
    void aVersionFlagWithAnythingElseGoesThroughTheCommandLine() {
        java.io.PrintStream out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        for (String[] line : new String[][] {{}, {"--version", "next"}, {"--json", "--version"}, {"-V", "-v"}, {"--versio"},
            {"next"}}) {
            assertThat(Main.printVersionOnly(line, out)).as(String.join(" ", line)).isFalse();
        }
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliHarness.Result r = cli.run("stauts");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("ijoka: Unmatched argument at index 0: 'stauts'", "Did you mean: ijoka status",
                "Try: ijoka --help");
        assertThat(r.out()).isEmpty();
        assertThat(cli.run().exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("feature").err()).contains("name a feature command");
    }

    @Test
    void globalOptionsWorkBeforeOrAfterTheCommand() {
        cli.ok("feature", "add", "One");

        assertThat(cli.ok("--json", "status").json().get("progress").get("total").asInt()).isEqualTo(1);
        assertThat(cli.ok("status", "--json").json().get("progress").get("total").asInt()).isEqualTo(1);
        assertThat(cli.ok("feature", "--json", "list").json()).hasSize(1);
    }

    @Test
    void dbAndProjectCanBeGivenOnTheLineOrByEnvironment() throws IOException {
        Path other = Files.createDirectories(cli.root.resolve("other"));
        String db = "jdbc:sqlite:" + cli.root.resolve("second.db");
        cli.ok("--db", db, "feature", "add", "Elsewhere", "--project", other.toString());

        assertThat(cli.ok("--db", db, "feature", "list", "--project", other.toString()).out()).contains("Elsewhere");
        assertThat(cli.ok("--db", db, "feature", "list", "--project", "other").out()).contains("Elsewhere");
        assertThat(cli.runIn(other, "status").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        cli.env.put("IJOKA_DB", db);
        assertThat(cli.runIn(other, "next", "--json").json().get("description").asString()).isEqualTo("Elsewhere");
        CliHarness.Result unknown = cli.run("status", "--project", "nope");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("there is no project 'nope'");
    }

    @Test
    void theDefaultStoreLivesInTheDataDirectory() {
        cli.env.remove("IJOKA_DB");

        cli.ok("feature", "add", "One");

        assertThat(cli.root.resolve("home").resolve("ijoka.db")).exists();
    }

    @Test
    void aTildeIsTheHomeDirectoryAndEverySpellingOfOneFileIsOneStore() throws IOException {
        String home = System.getProperty("user.home");
        Path fakeHome = Files.createDirectories(cli.root.resolve("user"));
        System.setProperty("user.home", fakeHome.toString());
        try {
            cli.ok("--db", "jdbc:sqlite:~/stores/x.db", "feature", "add", "At home");

            assertThat(fakeHome.resolve("stores/x.db")).isRegularFile();
            assertThat(cli.project.resolve("~")).as("no directory named ~ in the working directory").doesNotExist();
            // Relative to the working directory, with a detour, and as a file: URL: the same file, the same feature.
            Path sub = Files.createDirectories(cli.project.resolve("sub"));
            for (String spelling : new String[] {"jdbc:sqlite:../../user/stores/x.db", "jdbc:sqlite:file:" + fakeHome + "/./stores/x.db",
                    "jdbc:sqlite:~/stores/../stores/x.db"}) {
                assertThat(cli.runIn(sub, "--db", spelling, "feature", "list", "--project", cli.project.toString()).out())
                        .as(spelling).contains("At home");
            }
            String doctor = cli.ok("doctor", "--db", "jdbc:sqlite:~/stores/x.db").out();
            assertThat(doctor).contains("store: SQLite database " + fakeHome.resolve("stores/x.db") + " is open", "(from --db)");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void anUnusableStoreIsAStoreFailure() {
        CliHarness.Result r = cli.run("--db", "nosuch:thing", "status");

        assertThat(r.exit()).isEqualTo(ExitCodes.STORE_FAILURE);
        assertThat(r.err()).startsWith("ijoka: no store on the class path handles nosuch:thing");
    }

    @Test
    void nextSaysWhyNothingIsReady() {
        cli.ok("feature", "add", "A");
        cli.ok("feature", "add", "B", "--depends-on", "1");
        cli.ok("feature", "start", "1");

        assertThat(cli.ok("next").out()).isEqualTo("Nothing is ready: 1 in progress, 0 blocked, 1 pending on dependencies. "
                + "'ijoka status' shows what they wait for.\n");
        assertThat(cli.ok("next", "--json").out()).isEqualTo("null\n");
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "cli.md"));
        Matcher rows = Pattern.compile("\\| (\\d+) \\| `([a-z_]+)` \\|").matcher(doc);
        Map<String, Integer> documented = new java.util.LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(2), Integer.parseInt(rows.group(1)));
        }
        assertThat(documented).containsExactlyEntriesOf(ExitCodes.all());
    }
}
