package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input: every problem is reported with its place in the file, and nothing is imported. */
class ImportProblemsTest {

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    private ImportException refused(Path file, ImportOptions options) {
        long mark = plans.lastSequence();
        ImportException e = catchThrowableOfType(ImportException.class, () -> plans.importFile(file, options));
        assertThat(e).as("the import should have been refused").isNotNull();
        assertThat(plans.features()).as("nothing imported").isEmpty();
        assertThat(plans.lastSequence()).as("nothing appended to the log").isEqualTo(mark);
        return e;
    }

    private ImportException refused(String sample) {
        return refused(Plans.sample(sample), ImportOptions.defaults());
    }

    @Test
    void reportsEveryCycleAndEveryUnknownDependencyAndImportsNothing() {
        ImportException e = refused("tasks-cycles.json");

        assertThat(e.getMessage()).startsWith("cannot import " + Plans.sample("tasks-cycles.json")
                + ": 4 problems found, nothing was imported.");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "task 5 (line 7): depends on 9, which is not in the file: add it, or remove the dependency",
                "task 6 (line 8): depends on 42, which is not in the file: add it, or remove the dependency");
        assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("dependency cycle:", "task 1 (line 3)", "task 2 (line 4)", "task 3 (line 5)"));
        assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("dependency cycle:", "task 4 (line 6)", "task 5 (line 7)"));
    }

    @Test
    void aCycleThroughFeaturesThatExistIsRefusedToo() {
        Feature alpha = plans.ijoka.features().create(plans.project.id(), NewFeature.of("Alpha", Category.FUNCTIONAL));
        Feature beta = plans.ijoka.features().create(plans.project.id(), NewFeature.of("Beta", Category.FUNCTIONAL));
        plans.ijoka.dependencies().add(alpha.id(), beta.id(), DependencyKind.BLOCKS, null);
        long mark = plans.lastSequence();
        Path file = plans.file("tasks.json", """
                {"tasks": [{"id": 1, "title": "Beta", "dependencies": [2]}, {"id": 2, "title": "Gamma", "dependencies": [3]},
                           {"id": 3, "title": "Alpha"}]}
                """);

        ImportException e = catchThrowableOfType(ImportException.class, () -> plans.importFile(file, ImportOptions.defaults()));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .contains("dependency cycle:", "task 1 (line 1) (#2)", "task 2 (line 1)", "task 3 (line 2) (#1)");
        assertThat(plans.features()).hasSize(2);
        assertThat(plans.lastSequence()).isEqualTo(mark);
    }

    @Test
    void malformedJsonNamesTheLine() {
        ImportException e = refused("malformed.json");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("line 6");
            assertThat(p.message()).startsWith("malformed JSON: Unexpected character").contains("(line 6, column");
        });
    }

    @Test
    void wrongTypesAreReportedPerItemWithTheirLines() {
        ImportException e = refused("wrong-types.json");

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "feature 2 (line 8): 'description' must be a string, but line 10 has a number",
                "feature 3 (line 14): 'passes' must be true or false, but line 18 has a string",
                "feature 3 (line 14): 'steps' must be an array, but line 17 has a string",
                "feature 4 (line 20): must be an object with a description, but is a string",
                "feature 5 (line 21): 'description' is missing: every entry needs one",
                "feature 5 (line 21): 'steps' must hold strings, but its element 1 (line 23) is a number");
    }

    @Test
    void badJsonLinesAreEachReported() {
        ImportException e = refused("bad-issues.jsonl");

        assertThat(e.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("line 2: not a JSON object:"),
                p -> assertThat(p).isEqualTo("line 3 (x-3): 'priority' must be between 0 and 4, but line 1 has 9"),
                p -> assertThat(p).startsWith("line 4 (x-4): unknown status 'sleeping'"));
    }

    @Test
    void unknownDependenciesInBeadsAreReported() {
        Path file = plans.file("issues.jsonl", """
                {"id":"x-1","title":"One","dependencies":[{"issue_id":"x-1","depends_on_id":"x-99","type":"blocks"}]}
                """);

        ImportException e = refused(file, ImportOptions.defaults());

        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly("line 1 (x-1): depends on x-99, which is not in the file: add it, or remove the dependency");
    }

    @Test
    void tooLargeEmptyUnreadableAndUnknownFilesAreRefused() throws IOException {
        Path big = plans.file("feature_list.json", "[" + "{\"description\": \"x\"},".repeat(100) + "{\"description\": \"y\"}]");
        assertThat(refused(big, ImportOptions.defaults().withMaxBytes(1_000)).problems()).singleElement().asString()
                .contains("the file is 2", "bytes; imports take at most 1000 bytes");

        assertThat(refused(plans.file("empty.json", "  \n"), ImportOptions.defaults()).problems()).singleElement().asString()
                .isEqualTo("the file is empty");
        assertThat(refused(plans.file("feature_list.json", "[]"), ImportOptions.defaults()).problems()).singleElement().asString()
                .isEqualTo("the file holds no features: nothing to import");

        Path latin1 = plans.directory.resolve("latin1.json");
        Files.write(latin1, new byte[] {'[', '"', (byte) 0xE9, '"', ']'});
        assertThat(refused(latin1, ImportOptions.defaults()).problems()).singleElement().asString().contains("not UTF-8");

        assertThat(refused(plans.directory.resolve("missing.json"), ImportOptions.defaults()).problems()).singleElement()
                .asString().contains("there is no such file");

        assertThat(refused(plans.file("other.json", "{\"name\": \"x\"}"), ImportOptions.defaults()).problems())
                .singleElement().asString().contains("cannot tell the file's format", "--format");
    }

    @Test
    void tooLongTextsAreReportedWithTheLimit() {
        Path file = plans.file("feature_list.json", "[{\"description\": \"" + "x".repeat(2_001) + "\"}]");

        assertThat(refused(file, ImportOptions.defaults()).problems()).singleElement().asString()
                .isEqualTo("feature 1 (line 1): description is 2001 characters long; the limit is 2000: shorten it");
    }

    @Test
    void aFileCanBeCheckedWithoutAProject() {
        Importer importer = new Importer(plans.ijoka);

        ImportResult ok = importer.check(Plans.sample("tasks.json"), ImportOptions.defaults());
        assertThat(ok.dryRun()).isTrue();
        assertThat(ok.created()).isEqualTo(10);
        assertThat(ok.dependenciesAdded()).isEqualTo(8);
        assertThatThrownBy(() -> importer.check(Plans.sample("tasks-cycles.json"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("4 problems found");
        assertThat(plans.features()).isEmpty();
    }

    @Test
    void aNewProjectIsCreatedOnlyForAFileThatPassesEveryCheck() {
        Importer importer = new Importer(plans.ijoka);
        int[] created = {0};
        java.util.function.Supplier<dev.ijoka.domain.ProjectId> create = () -> {
            created[0]++;
            return plans.ijoka.projects().open(plans.directory.resolve("..")).id();
        };

        assertThatThrownBy(() -> importer.importIntoNewProject(create, Plans.sample("tasks-cycles.json"), ImportOptions.defaults(),
                ImportProgress.NONE)).isInstanceOf(ImportException.class);
        assertThat(created[0]).isZero();
        importer.importIntoNewProject(create, Plans.sample("tasks.json"), ImportOptions.defaults().withDryRun(true),
                ImportProgress.NONE);
        assertThat(created[0]).isZero();

        ImportResult r = importer.importIntoNewProject(create, Plans.sample("tasks.json"), ImportOptions.defaults(),
                ImportProgress.NONE);
        assertThat(created[0]).isEqualTo(1);
        assertThat(r.created()).isEqualTo(10);
        assertThat(r.createdFeatures().getFirst().project()).isNotEqualTo(plans.project.id());
    }

    @Test
    void csvAndMarkdownCannotBeImported() {
        assertThatThrownBy(() -> ImportOptions.defaults().withFormat(Format.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can be exported but not imported");
    }
}
