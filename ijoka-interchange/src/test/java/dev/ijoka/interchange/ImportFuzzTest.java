package dev.ijoka.interchange;

import static dev.ijoka.fuzzing.FuzzJson.BOOL;
import static dev.ijoka.fuzzing.FuzzJson.TEXT;
import static dev.ijoka.fuzzing.FuzzJson.arr;
import static dev.ijoka.fuzzing.FuzzJson.obj;
import static dev.ijoka.fuzzing.FuzzJson.oneOf;
import static dev.ijoka.fuzzing.FuzzJson.words;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.fuzzing.FuzzJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every import format through {@link Importer}, the entry point the command line and the
 * dashboard use (docs/fuzzing.md). Whatever the file holds, an import either succeeds or throws an
 * {@link ImportException} that lists at least one problem, each with a message; a refused import (and a
 * dry run) leaves the project and the event log as they were.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code ImportFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class ImportFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Descriptions of the features every project starts with, so that files can match them and close cycles through them. */
    private static final String[] EXISTING = {"Alpha", "Beta"};

    private static final FuzzJson.Shape FEATURE_LIST_ITEM = obj(
            "category", words("functional", "ui", "security", "performance", "style", "UI", "Functional", "other"),
            "description", oneOf(words(EXISTING[0], EXISTING[1], "Gamma", "Gamma ", "  Alpha"), TEXT),
            "steps", arr(TEXT, 4),
            "passes", BOOL);

    private static final FuzzJson.Shape FEATURE_LIST = oneOf(arr(FEATURE_LIST_ITEM, 6),
            obj("features", arr(FEATURE_LIST_ITEM, 6)));

    private static final FuzzJson.Shape TASK_ID = oneOf(new FuzzJson.Int(0, 6), words("1", "2", "3", "1.1", "2.1", "x"));

    private static final FuzzJson.Shape SUBTASK = obj(
            "id", TASK_ID,
            "title", oneOf(words(EXISTING[0], EXISTING[1], "Gamma"), TEXT),
            "description", TEXT,
            "status", words("pending", "done", "in-progress", "blocked", "deferred", "cancelled", "review"),
            "dependencies", arr(TASK_ID, 3));

    private static final FuzzJson.Shape TASK = obj(
            "id", TASK_ID,
            "title", oneOf(words(EXISTING[0], EXISTING[1], "Gamma", "Delta"), TEXT),
            "description", TEXT,
            "details", TEXT,
            "testStrategy", TEXT,
            "status", words("pending", "done", "in-progress", "blocked", "deferred", "cancelled", "review", "todo"),
            "priority", words("high", "medium", "low", "critical", "urgent"),
            "dependencies", arr(TASK_ID, 3),
            "subtasks", arr(SUBTASK, 3));

    private static final FuzzJson.Shape TASK_MASTER = oneOf(
            obj("tasks", arr(TASK, 6)),
            obj("master", obj("tasks", arr(TASK, 6), "metadata", obj("created", TEXT)),
                    "feature-x", obj("tasks", arr(TASK, 3))));

    private static final FuzzJson.Shape BEAD_ID = words("bd-1", "bd-2", "bd-3", "bd-4", "x-1");

    private static final FuzzJson.Shape BEAD = obj(
            "id", BEAD_ID,
            "title", oneOf(words(EXISTING[0], EXISTING[1], "Gamma"), TEXT),
            "description", TEXT,
            "design", TEXT,
            "acceptance_criteria", oneOf(words("- [x] one\n- [ ] two", "- [ ] only"), TEXT),
            "notes", TEXT,
            "status", words("open", "in_progress", "blocked", "closed", "deferred", "tombstone", "pinned", "hooked"),
            "priority", new FuzzJson.Int(-1, 5),
            "issue_type", words("feature", "bug", "task", "epic", "chore", "spike"),
            "labels", arr(TEXT, 3),
            "created_at", words("2026-05-01T10:00:00Z", "yesterday"),
            "dependencies", arr(obj("issue_id", BEAD_ID, "depends_on_id", BEAD_ID,
                    "type", words("blocks", "related", "parent-child", "discovered-from", "duplicates", "supersedes")), 3));

    private static final FuzzJson.Shape IJOKA_REF = oneOf(new FuzzJson.Int(0, 5), words("#1", "#2", "3", "x"));

    private static final FuzzJson.Shape IJOKA = obj(
            "format", words("ijoka"),
            "version", new FuzzJson.Int(0, 2),
            "project", obj("name", TEXT, "root", TEXT),
            "features", arr(obj(
                    "number", IJOKA_REF,
                    "description", oneOf(words(EXISTING[0], EXISTING[1], "Gamma"), TEXT),
                    "details", TEXT,
                    "category", words("functional", "ui", "security", "performance", "other"),
                    "kind", words("feature", "bug", "task", "epic", "spike"),
                    "status", words("pending", "in_progress", "blocked", "complete", "done"),
                    "priority", new FuzzJson.Int(-5, 5),
                    "blockReason", TEXT,
                    "steps", arr(obj("text", TEXT, "done", BOOL), 3),
                    "parent", IJOKA_REF,
                    "dependencies", arr(obj("feature", IJOKA_REF, "kind", words("blocks", "related")), 3)), 5),
            "insights", arr(obj("text", TEXT, "kind", words("pattern", "gotcha", "solution"), "tags", arr(TEXT, 2),
                    "feature", IJOKA_REF), 2),
            "rules", arr(obj("kind", TEXT, "text", TEXT), 2));

    /** Raw bytes as a file of each importable format's usual name: decoding, format detection, parsing. */
    @FuzzTest(maxDuration = "5m")
    void rawFile(byte[] bytes) throws Exception {
        for (Format format : Format.values()) {
            if (format.canImport()) {
                try (Plans plans = planWithTwoFeatures()) {
                    Path file = Files.write(plans.directory.resolve(format.usualFileName()), bytes);
                    check(plans, () -> plans.importFile(file, ImportOptions.defaults()));
                }
            }
        }
    }

    /** Anthropic's feature_list.json. */
    @FuzzTest(maxDuration = "5m")
    void featureList(FuzzedDataProvider data) {
        importShaped(data, FEATURE_LIST, "feature_list.json", Format.FEATURE_LIST);
    }

    /** Task Master's tasks.json, plain and tagged. */
    @FuzzTest(maxDuration = "5m")
    void taskMaster(FuzzedDataProvider data) {
        importShaped(data, TASK_MASTER, "tasks.json", Format.TASK_MASTER);
    }

    /** beads JSONL: issues one a line, with now and then a line that is not an issue. */
    @FuzzTest(maxDuration = "5m")
    void beads(FuzzedDataProvider data) {
        FuzzJson json = new FuzzJson(data);
        String text = IntStream.range(0, data.consumeInt(0, 6))
                .mapToObj(i -> data.consumeInt(0, 9) == 0 ? data.consumeString(30) : JSON.writeValueAsString(json.build(BEAD)))
                .collect(Collectors.joining("\n"));
        importText(data, text, "issues.jsonl", Format.BEADS);
    }

    /** Ijoka's own JSON export. */
    @FuzzTest(maxDuration = "5m")
    void ijokaJson(FuzzedDataProvider data) {
        importShaped(data, IJOKA, "ijoka.json", Format.JSON);
    }

    private static void importShaped(FuzzedDataProvider data, FuzzJson.Shape shape, String name, Format format) {
        String text = JSON.writeValueAsString(new FuzzJson(data).build(shape));
        importText(data, text, name, format);
    }

    /** Imports {@code text}, by its name or with the format named, for real or as a dry run, with or without a tag. */
    private static void importText(FuzzedDataProvider data, String text, String name, Format format) {
        ImportOptions options = ImportOptions.defaults()
                .withFormat(data.consumeBoolean() ? format : null)
                .withDryRun(data.consumeInt(0, 3) == 0)
                .withTag(data.consumeInt(0, 3) == 0 ? data.pickValue(new String[] {"master", "feature-x", "nope"}) : null);
        try (Plans plans = planWithTwoFeatures()) {
            if (data.consumeBoolean()) {
                Path file = plans.file(name, text);
                check(plans, () -> plans.importFile(file, options));
            } else {
                check(plans, () -> new Importer(plans.ijoka).importText(plans.project.id(), name, text, options,
                        ImportProgress.NONE));
            }
        }
    }

    /** A project with Alpha depending on Beta. */
    private static Plans planWithTwoFeatures() {
        Plans plans = new Plans();
        Feature alpha = plans.ijoka.features().create(plans.project.id(), NewFeature.of(EXISTING[0], Category.FUNCTIONAL));
        Feature beta = plans.ijoka.features().create(plans.project.id(), NewFeature.of(EXISTING[1], Category.UI));
        plans.ijoka.dependencies().add(alpha.id(), beta.id(), DependencyKind.BLOCKS, null);
        return plans;
    }

    /** Runs one import and checks the invariants: a result, or a refusal that explains itself and changed nothing. */
    private static void check(Plans plans, Supplier<ImportResult> importing) {
        long mark = plans.lastSequence();
        int before = plans.features().size();
        ImportResult result;
        try {
            result = importing.get();
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.problems()).as("a refusal lists its problems").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
            assertThat(plans.lastSequence()).as("a refused import writes nothing").isEqualTo(mark);
            assertThat(plans.features()).hasSize(before);
            return;
        }
        if (result.dryRun() || result.unchanged()) {
            assertThat(plans.lastSequence()).as("a dry run or an unchanged import writes nothing").isEqualTo(mark);
            assertThat(plans.features()).hasSize(before);
        } else {
            assertThat(plans.features()).as("the features the result reports").hasSize(before + result.created());
            assertThat(result.created() + result.matched()).as("every feature read is created or matched").isEqualTo(result.read());
        }
    }

}
