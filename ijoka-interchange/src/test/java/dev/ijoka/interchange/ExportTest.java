package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exports: each importable format round-trips, and CSV, Markdown and JSON say what the plan holds. */
class ExportTest {

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    /** What a feature is, ignoring ids, numbers and times. */
    private static String essence(Feature f) {
        return f.description() + " | " + f.status() + " | " + f.steps().stream().map(s -> (s.done() ? "x " : "- ") + s.text()).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "tasks.json, task-master, tasks.json",
        "tasks.json, json, ijoka.json",
        "issues.jsonl, beads, issues.jsonl",
        "issues.jsonl, json, ijoka.json",
        "feature_list.json, feature-list, feature_list.json",
        "tasks.json, beads, issues.jsonl"})
    void anExportImportsIntoAnotherProjectAsTheSamePlanAndIntoItsOwnAsNothingNew(String sample, String format, String fileName) {
        plans.importSample(sample);
        String exported = plans.export(Format.fromName(format));

        try (Plans other = new Plans()) {
            ImportResult result = other.importFile(other.file(fileName, exported), ImportOptions.defaults());

            assertThat(result.created()).isEqualTo(plans.features().size());
            assertThat(other.features()).extracting(ExportTest::essence)
                    .containsExactlyInAnyOrderElementsOf(plans.features().stream().map(ExportTest::essence).toList());
            if (!format.equals("feature-list")) {
                assertThat(other.edges()).isEqualTo(plans.edges());
                assertThat(parents(other)).isEqualTo(parents(plans));
            }
        }
        long mark = plans.lastSequence();
        assertThat(plans.importFile(plans.file(fileName, exported), ImportOptions.defaults()).unchanged()).isTrue();
        assertThat(plans.lastSequence()).isEqualTo(mark);
    }

    private static List<String> parents(Plans p) {
        Function<Feature, String> parentOf = f -> f.parent() == null ? "-"
                : p.features().stream().filter(g -> g.id().equals(f.parent())).findFirst().orElseThrow().description();
        return p.features().stream().map(f -> f.description() + " in " + parentOf.apply(f)).sorted().toList();
    }

    @Test
    void theFeatureListIsInPlanOrderWithPassesForCompleteFeatures() throws Exception {
        plans.importSample("feature_list.json");
        Feature last = plans.byDescription("Conversations can be renamed");
        plans.ijoka.features().update(last.id(), FeatureUpdate.none().priority(5), null, null);

        JsonNode list = JsonMapper.builder().build().readTree(plans.export(Format.FEATURE_LIST));

        assertThat(list.size()).isEqualTo(8);
        assertThat(list.get(0).get("description").asString()).isEqualTo("Conversations can be renamed");
        assertThat(list.get(1).get("passes").asBoolean()).isTrue();
        assertThat(list.get(3).get("category").asString()).isEqualTo("ui");
        assertThat(list.get(1).get("steps").get(0).asString()).isEqualTo("Step 1: Navigate to main interface");
    }

    @Test
    void theTaskMasterExportIsTaggedAndNamesSubtasksTheTaskMasterWay() throws Exception {
        plans.importSample("tasks.json");

        JsonNode root = JsonMapper.builder().build().readTree(plans.export(Format.TASK_MASTER));

        JsonNode tasks = root.get("master").get("tasks");
        assertThat(tasks.size()).isEqualTo(6);
        JsonNode chat = tasks.get(3);
        assertThat(chat.get("title").asString()).isEqualTo("Chat interface");
        assertThat(chat.get("id").asInt()).isEqualTo(8);
        assertThat(chat.get("dependencies").toString()).isEqualTo("[\"2.2\",5]");
        JsonNode login = tasks.get(2).get("subtasks").get(1);
        assertThat(login.get("id").asInt()).isEqualTo(2);
        assertThat(login.get("dependencies").toString()).isEqualTo("[1]");
        assertThat(tasks.get(4).get("status").asString()).isEqualTo("deferred");
        assertThat(tasks.get(5).get("status").asString()).isEqualTo("cancelled");
        assertThat(tasks.get(1).get("testStrategy").asString())
                .isEqualTo("- [ ] Migrations apply to an empty database\n- [ ] Migrations roll back cleanly");
    }

    @Test
    void csvHasAHeaderAndOneRowPerFeature() {
        plans.importSample("tasks.json");

        List<String> lines = plans.export(Format.CSV).lines().toList();

        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).isEqualTo("number,id,description,status,priority,category,kind,steps_done,steps_total,"
                + "depends_on,related_to,parent,block_reason,claimed_by,claimed_by_agent,created_at,updated_at,completed_at");
        assertThat(lines.get(8)).startsWith("8,").contains(",\"Chat interface\",in_progress,0,functional,feature,0,0,\"#4 #5\",,,,,,");
        assertThat(lines.get(4)).contains(",\"#3\",,\"#2\",");
    }

    @Test
    void markdownShowsProgressATableAndChecklists() {
        plans.importSample("feature_list.json");

        String md = plans.export(Format.MARKDOWN);

        assertThat(md).startsWith("# Plan: " + plans.project.name() + "\n\n8 features: 2 complete (25%), 0 in progress, "
                + "0 blocked, 6 pending.\n");
        assertThat(md).contains("| #1 | complete | 0 | functional | feature | New chat button creates a fresh conversation |  |");
        assertThat(md).contains("## [x] #1 New chat button creates a fresh conversation");
        assertThat(md).contains("- [x] Step 1: Navigate to main interface");
        assertThat(md).contains("- [ ] Step 1: Type a message in the input box");
    }

    @Test
    void theJsonExportHoldsEverything() throws Exception {
        plans.importSample("tasks.json");
        plans.ijoka.insights().record(plans.project.id(), NewInsight.of("Use pnpm, not npm", InsightKind.TOOL_USAGE, "build"), null);
        plans.ijoka.rules().add(plans.project.id(), new RuleSpec.WipLimit(2, dev.ijoka.domain.WipScope.PROJECT), Enforcement.DENY);
        Feature users = plans.byDescription("Users table");
        plans.ijoka.features().reopen(users.id(), null, "the email column needs a unique index");

        JsonNode root = JsonMapper.builder().build().readTree(plans.export(Format.JSON));

        assertThat(root.get("format").asString()).isEqualTo("ijoka");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("project").get("root").asString()).isEqualTo(plans.project.root());
        assertThat(root.get("progress").get("total").asInt()).isEqualTo(10);
        JsonNode messages = root.get("features").get(3);
        assertThat(messages.get("description").asString()).isEqualTo("Messages table");
        assertThat(messages.get("parent").asString()).isEqualTo("#2");
        assertThat(messages.get("dependencies").toString()).isEqualTo("[{\"feature\":\"#3\",\"kind\":\"blocks\"}]");
        assertThat(root.get("features").get(2).get("status").asString()).isEqualTo(Status.PENDING.wireName());
        assertThat(root.get("insights").get(0).get("text").asString()).isEqualTo("Use pnpm, not npm");
        assertThat(root.get("rules").get(0).get("kind").asString()).isEqualTo("wip_limit");
        assertThat(root.get("rules").get(0).get("max").asInt()).isEqualTo(2);
    }

    @Test
    void anExportThatNamesParentsAndDependenciesByBareNumberStillImports() {
        String older = """
                {"format": "ijoka", "version": 1, "features": [
                  {"number": 1, "description": "Epic", "kind": "epic"},
                  {"number": 2, "description": "Schema", "parent": 1},
                  {"number": 3, "description": "Login", "parent": "#1", "dependencies": [{"feature": 2, "kind": "blocks"}]}
                ]}""";

        plans.importFile(plans.file("older.json", older), ImportOptions.defaults());

        Feature epic = plans.byDescription("Epic");
        assertThat(plans.byDescription("Schema").parent()).isEqualTo(epic.id());
        assertThat(plans.byDescription("Login").parent()).isEqualTo(epic.id());
        assertThat(plans.edges()).containsExactly("Login -> Schema");
    }

    @Test
    void stepsSurviveATaskMasterRoundTrip() {
        plans.importSample("feature_list.json");
        String exported = plans.export(Format.TASK_MASTER);

        try (Plans other = new Plans()) {
            other.importFile(other.file("tasks.json", exported), ImportOptions.defaults());
            assertThat(other.byDescription("New chat button creates a fresh conversation").steps())
                    .hasSize(4).allMatch(Step::done);
        }
    }
}
