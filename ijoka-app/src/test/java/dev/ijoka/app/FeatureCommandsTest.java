package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ijoka feature ...: fields, the state machine, and each refusal's message and exit code. */
class FeatureCommandsTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void addRegistersTheProjectAndPrintsTheNewFeature() {
        CliHarness.Result r = cli.ok("feature", "add", "User can log in", "--category", "security", "--step", "Open /login",
                "--step", "Submit", "--priority", "3", "--json");

        JsonNode f = r.json();
        assertThat(f.get("ref").asString()).isEqualTo("#1");
        assertThat(f.get("description").asString()).isEqualTo("User can log in");
        assertThat(f.get("category").asString()).isEqualTo("security");
        assertThat(f.get("priority").asInt()).isEqualTo(3);
        assertThat(f.get("steps").get(1).get("text").asString()).isEqualTo("Submit");
        assertThat(f.get("status").asString()).isEqualTo("pending");
        assertThat(cli.ok("projects").out()).contains("shop", cli.project.toString());
        assertThat(cli.ok("feature", "add", "Logout").out()).isEqualTo("Added #2  Logout\n");
    }

    @Test
    void listShowsATableAndFilters() {
        cli.ok("feature", "add", "One");
        cli.ok("feature", "add", "Two", "--kind", "bug");
        cli.ok("feature", "start", "#2");

        assertThat(cli.ok("feature", "list").out()).isEqualTo("""
                #   STATUS       PRI  CATEGORY    KIND     DESCRIPTION
                #1  pending      0    functional  feature  One
                #2  in_progress  0    functional  bug      Two
                """);
        assertThat(cli.ok("feature", "list", "--status", "in_progress", "--json").json()).hasSize(1);
        assertThat(cli.ok("feature", "list", "--ready").out()).contains("#1").doesNotContain("#2");
        assertThat(cli.ok("feature", "list", "--kind", "feature", "--status", "complete").out()).isEqualTo("No feature matches.\n");
    }

    @Test
    void jsonIsPrettyPrintedInTheStreamsCharsetAndEndsWithOneNewline() {
        cli.ok("feature", "add", "Café crème — naïve ✓");
        cli.ok("feature", "add", "Two");

        String out = cli.ok("feature", "list", "--json").out();

        // Written straight to the stream now (not built as one String first): the same text as before.
        assertThat(out).startsWith("[\n  {\n    \"number\": 1,\n").endsWith("\n  }\n]\n");
        assertThat(out).contains("\"description\": \"Café crème — naïve ✓\"", "\n    \"ref\": \"#2\",\n");
        assertThat(cli.ok("feature", "list", "--json").json()).hasSize(2);
    }

    /**
     * A one-shot {@code feature show} reads only what the feature reaches (the store's {@code blocksReach}) instead of
     * the whole plan: its "waits for" is still the whole plan's graph's answer, in the same order, for every feature
     * of a plan with mixed priorities, statuses, related edges and features that reach each other through complete
     * ones.
     */
    @Test
    void showWaitsForTheWholePlansAnswerInItsOrderWhileReadingOnlyWhatTheFeatureReaches() {
        java.util.Random random = new java.util.Random(13);
        java.util.List<dev.ijoka.domain.Feature> features = new java.util.ArrayList<>();
        try (dev.ijoka.Ijoka ijoka = dev.ijoka.Ijoka.builder().store(cli.env.get("IJOKA_DB")).build()) {
            dev.ijoka.domain.ProjectId project = ijoka.projects().open(cli.project).id();
            for (int n = 1; n <= 60; n++) {
                dev.ijoka.domain.Feature f = ijoka.features().create(project, dev.ijoka.domain.NewFeature.of("F" + n,
                        dev.ijoka.domain.Category.FUNCTIONAL).withPriority(random.nextInt(4)));
                for (int k = 0; k < 3 && n > 1; k++) {
                    dev.ijoka.domain.Feature on = features.get(random.nextInt(features.size()));
                    boolean related = random.nextInt(6) == 0;
                    try {
                        ijoka.dependencies().add(f.id(), on.id(), related ? dev.ijoka.domain.DependencyKind.RELATED
                                : dev.ijoka.domain.DependencyKind.BLOCKS, null);
                    } catch (RuntimeException twice) {
                        // the same edge drawn again: one is enough
                    }
                }
                features.add(f);
            }
            // Complete some whose blocks dependencies allow it, block others: a walk goes through complete features.
            for (dev.ijoka.domain.Feature f : features) {
                if (random.nextInt(3) == 0 && ijoka.plan().blockedBy(f.id()).isEmpty()) {
                    ijoka.features().start(f.id(), null);
                    ijoka.features().complete(f.id(), null);
                } else if (random.nextInt(5) == 0) {
                    ijoka.features().block(f.id(), null, "waits", null);
                }
            }
            // The whole plan's graph, as a snapshot holds it.
            dev.ijoka.graph.DependencyGraph.Builder whole = dev.ijoka.graph.DependencyGraph.builder();
            java.util.Map<dev.ijoka.domain.FeatureId, dev.ijoka.domain.Feature> byId = new java.util.HashMap<>();
            for (dev.ijoka.domain.Feature f : ijoka.features().list(project)) {
                whole.node(f.id(), f.number(), f.priority(), f.status());
                byId.put(f.id(), f);
                ijoka.dependencies().of(f.id()).forEach(d -> whole.edge(d.dependent(), d.dependency(), d.kind()));
            }
            dev.ijoka.graph.DependencyGraph graph = whole.build();
            int nonTrivial = 0;
            for (dev.ijoka.domain.Feature f : byId.values()) {
                java.util.List<String> expected = graph.blockedBy(f.id()).stream().map(id -> byId.get(id).ref()).toList();
                java.util.List<String> shown = new java.util.ArrayList<>();
                cli.ok("feature", "show", f.ref(), "--json").json().get("waitingFor").forEach(r -> shown.add(r.asString()));
                assertThat(shown).as(f.ref()).containsExactlyElementsOf(expected);
                nonTrivial += expected.size() > 1 ? 1 : 0;
            }
            assertThat(nonTrivial).as("features whose order is put to the test").isGreaterThan(20);
        }
    }

    @Test
    void showNamesTheFirstTenFeaturesItWaitsForAndCountsTheRest() {
        for (int n = 1; n <= 13; n++) {
            cli.ok("feature", "add", "Part " + n);
        }
        java.util.List<String> on = new java.util.ArrayList<>(java.util.List.of("feature", "add", "Release"));
        for (int n = 1; n <= 13; n++) {
            on.addAll(java.util.List.of("--depends-on", "#" + n));
        }
        cli.ok(on.toArray(String[]::new));

        String waits = cli.ok("feature", "show", "#14").out().lines().filter(l -> l.startsWith("  waits for")).findFirst()
                .orElseThrow();

        assertThat(waits).isEqualTo("  waits for   13 features: #1 (pending), #2 (pending), #3 (pending), #4 (pending), "
                + "#5 (pending), #6 (pending), #7 (pending), #8 (pending), #9 (pending), #10 (pending) and 3 more "
                + "(--json lists them all)");
        assertThat(cli.ok("feature", "show", "#14", "--json").json().get("waitingFor")).hasSize(13);
        assertThat(cli.ok("feature", "show", "#13").out()).doesNotContain("waits for");
    }

    @Test
    void showTellsEverythingAboutAFeature() {
        cli.ok("feature", "add", "Schema");
        cli.ok("feature", "add", "Login", "--depends-on", "#1", "--step", "Open /login", "--details", "Email and password.");

        String show = cli.ok("feature", "show", "#2").out();

        assertThat(show).startsWith("#2  Login\n  status      pending\n");
        assertThat(show).contains("  depends on  #1 (pending)", "  waits for   #1 (pending)", "Steps (0/1 done)\n  1. [ ] Open /login",
                "Details\n  Email and password.");
        JsonNode json = cli.ok("feature", "show", "1", "--json").json();
        assertThat(json.get("dependents").get(0).get("number").asInt()).isEqualTo(2);
    }

    @Test
    void showGivesTheAgentsOwnTodoListApartFromTheSteps() {
        cli.ok("feature", "add", "Schema V4", "--step", "It migrates");
        try (dev.ijoka.Ijoka engine = dev.ijoka.Ijoka.builder().store(cli.env.get("IJOKA_DB")).build()) {
            var p = engine.projects().open(cli.project);
            var f = engine.features().list(p.id()).getFirst();
            var s = engine.sessions().start(p.id(), dev.ijoka.domain.SessionId.of("s1"), "claude-code").id();
            engine.features().start(f.id(), s);
            engine.sessions().changeTodos(s, new dev.ijoka.domain.TodoChange.Replace(java.util.List.of(
                    new dev.ijoka.domain.TodoChange.Item("Write the migration", null, dev.ijoka.domain.TodoStatus.COMPLETED),
                    new dev.ijoka.domain.TodoChange.Item("Run the migration tests", "Running the migration tests",
                            dev.ijoka.domain.TodoStatus.IN_PROGRESS),
                    new dev.ijoka.domain.TodoChange.Item("Update the docs", null, dev.ijoka.domain.TodoStatus.PENDING))));
        }

        String show = cli.ok("feature", "show", "#1").out();

        assertThat(show).contains("Steps (0/1 done)\n  1. [ ] It migrates\n"
                + "Agent's todo list (claude-code, session s1): 1/3 · now: Running the migration tests\n"
                + "  [x] Write the migration\n  [>] Running the migration tests\n  [ ] Update the docs\n");
        JsonNode todos = cli.ok("feature", "show", "#1", "--json").json().get("agentTodos");
        assertThat(todos.get("done").asInt()).isEqualTo(1);
        assertThat(todos.get("total").asInt()).isEqualTo(3);
        assertThat(todos.get("now").asString()).isEqualTo("Running the migration tests");
        assertThat(todos.get("items").get(1).get("status").asString()).isEqualTo("in_progress");
        assertThat(cli.ok("feature", "add", "Other").out()).isNotBlank();
        assertThat(cli.ok("feature", "show", "#2", "--json").json().get("agentTodos").isNull()).isTrue();
    }

    @Test
    void updateChangesFieldsAndRefusesAStaleVersion() {
        cli.ok("feature", "add", "Login");

        assertThat(cli.ok("feature", "update", "#1", "--priority", "5", "--description", "User can log in").out())
                .isEqualTo("Updated #1  User can log in  (version 2)\n");

        CliHarness.Result stale = cli.run("feature", "update", "#1", "--priority", "1", "--expected-version", "1");
        assertThat(stale.exit()).isEqualTo(ExitCodes.STALE_VERSION);
        assertThat(stale.err()).startsWith("ijoka: #1 is at version 2 but the change was made from version 1");

        CliHarness.Result nothing = cli.run("feature", "update", "#1");
        assertThat(nothing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).startsWith("ijoka: say what to change");
    }

    @Test
    void theStateMachineRunsAndEachRefusalHasItsExitCode() {
        cli.ok("feature", "add", "Schema");
        cli.ok("feature", "add", "Login", "--depends-on", "#1");

        CliHarness.Result gated = cli.run("feature", "start", "#2");
        assertThat(gated.exit()).isEqualTo(ExitCodes.DEPENDENCIES_INCOMPLETE);
        assertThat(gated.err()).isEqualTo("ijoka: cannot start #2: it waits for #1 (pending). Work on that first (next shows what "
                + "is ready), or remove the dependency.\n");
        assertThat(gated.out()).isEmpty();

        CliHarness.Result illegal = cli.run("feature", "complete", "#1");
        assertThat(illegal.exit()).isEqualTo(ExitCodes.ILLEGAL_TRANSITION);
        assertThat(illegal.err()).contains("cannot complete #1: it is pending. From pending you can start or block.");

        cli.ok("feature", "start", "#1");
        assertThat(cli.ok("feature", "complete", "#1").out()).endsWith("Now ready: #2\n");
        cli.ok("feature", "block", "#2", "--reason", "needs design");
        assertThat(cli.ok("feature", "unblock", "#2", "--json").json().get("status").asString()).isEqualTo("pending");
        assertThat(cli.ok("feature", "reopen", "#1", "--reason", "broken on Safari").out())
                .isEqualTo("Reopened #1  Schema  (pending)\n");

        CliHarness.Result noReason = cli.run("feature", "block", "#2");
        assertThat(noReason.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReason.err()).contains("Missing required option: '--reason=<reason>'");
    }

    @Test
    void unknownFeaturesAndBadReferencesAreClearErrors() {
        cli.ok("feature", "add", "Schema");

        CliHarness.Result missing = cli.run("feature", "show", "#9");
        assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).isEqualTo("ijoka: there is no feature #9 in this project: list the features to see the numbers\n");

        CliHarness.Result bad = cli.run("feature", "show", "#x");
        assertThat(bad.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("'#x' is not a feature number: write #12");

        CliHarness.Result json = cli.run("feature", "start", "#9", "--json");
        assertThat(json.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(json.out()).isEmpty();
        assertThat(json.errorJson().get("code").asString()).isEqualTo("not_found");
        assertThat(json.errorJson().get("exitCode").asInt()).isEqualTo(3);

        CliHarness.Result category = cli.run("feature", "add", "X", "--category", "gui");
        assertThat(category.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(category.err()).contains("unknown category 'gui': use one of functional, ui, security");

        CliHarness.Result tooLong = cli.run("feature", "add", "x".repeat(2_001));
        assertThat(tooLong.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooLong.err()).contains("description is 2001 characters long; the limit is 2000");
    }

    @Test
    void aProjectThatIsNotThereYetIsExplained() {
        CliHarness.Result r = cli.run("status");

        assertThat(r.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).startsWith("ijoka: there is no project at ").contains("ijoka import feature_list.json");
    }

    @Test
    void dependenciesAndStepsHaveTheirOwnCommands() {
        cli.ok("feature", "add", "A", "--step", "one", "--step", "two");
        cli.ok("feature", "add", "B");

        assertThat(cli.ok("dep", "add", "#2", "#1").out()).isEqualTo("#2 now depends on #1 (blocks): it can start once #1 is complete\n");
        CliHarness.Result cycle = cli.run("dep", "add", "#1", "#2");
        assertThat(cycle.exit()).isEqualTo(ExitCodes.DEPENDENCY_CYCLE);
        assertThat(cycle.err()).contains("#1 cannot depend on #2: that closes the cycle");
        assertThat(cli.ok("dep", "rm", "#2", "#1").out()).isEqualTo("#2 no longer depends on #1\n");
        assertThat(cli.ok("dep", "rm", "#2", "#1", "--json").json().get("removed").asBoolean()).isFalse();

        CliHarness.Result badStep = cli.run("step", "check", "#1", "3");
        assertThat(badStep.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badStep.err()).isEqualTo("ijoka: step 3 does not exist: #1 has steps 1 to 2\n");
        assertThat(cli.ok("step", "check", "#1", "2", "--json").json().get("steps").get(1).get("done").asBoolean()).isTrue();
        assertThat(cli.ok("step", "check", "#1", "2", "--undo").out()).contains("  2. [ ] two");
    }
}
