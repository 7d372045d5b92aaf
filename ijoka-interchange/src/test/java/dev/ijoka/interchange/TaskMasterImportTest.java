package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task Master's tasks.json: tasks, subtasks, dependencies, statuses, priorities and tags. */
class TaskMasterImportTest {

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    @Test
    void importsTasksAndSubtasksWithTheirParents() {
        ImportResult result = plans.importSample("tasks.json");

        assertThat(result.format()).isEqualTo(Format.TASK_MASTER);
        assertThat(result.created()).isEqualTo(10);
        assertThat(plans.features()).extracting(Feature::description).containsExactly(
                "Set up the project repository", "Design the database schema", "Users table", "Messages table",
                "Implement authentication", "Sign-up endpoint", "Log-in endpoint", "Chat interface",
                "Export conversations as PDF", "Voice input");
        Feature schema = plans.byDescription("Design the database schema");
        assertThat(plans.byDescription("Users table").parent()).isEqualTo(schema.id());
        assertThat(plans.byDescription("Messages table").parent()).isEqualTo(schema.id());
    }

    @Test
    void dependenciesBecomeBlocksEdgesResolvingSubtaskReferences() {
        ImportResult result = plans.importSample("tasks.json");

        assertThat(plans.edges()).containsExactly(
                "Chat interface -> Implement authentication",
                "Chat interface -> Messages table",
                "Design the database schema -> Set up the project repository",
                "Export conversations as PDF -> Chat interface",
                "Implement authentication -> Design the database schema",
                "Log-in endpoint -> Sign-up endpoint",
                "Messages table -> Users table",
                "Sign-up endpoint -> Users table");
        assertThat(result.dependenciesAdded()).isEqualTo(8);
    }

    @Test
    void mapsStatusesPrioritiesAndTextsIntoIjokaTerms() {
        plans.importSample("tasks.json");

        Feature repo = plans.byDescription("Set up the project repository");
        assertThat(repo.status()).isEqualTo(Status.COMPLETE);
        assertThat(repo.priority()).isEqualTo(1);
        assertThat(repo.details()).isEqualTo("""
                Create the repository with the build, linting and CI.

                ## Details

                Use Node 20 and pnpm. Add ESLint and Prettier.

                ## Test strategy

                CI runs green on an empty commit.""");
        Feature schema = plans.byDescription("Design the database schema");
        assertThat(schema.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(schema.claim()).isNull();
        assertThat(schema.steps()).extracting(Step::text)
                .containsExactly("Migrations apply to an empty database", "Migrations roll back cleanly");
        assertThat(schema.details()).doesNotContain("Test strategy");
        assertThat(plans.byDescription("Users table").priority()).isEqualTo(1);
        assertThat(plans.byDescription("Implement authentication").priority()).isZero();
        assertThat(plans.byDescription("Chat interface").status()).isEqualTo(Status.IN_PROGRESS);
        Feature pdf = plans.byDescription("Export conversations as PDF");
        assertThat(pdf.status()).isEqualTo(Status.BLOCKED);
        assertThat(pdf.blockReason()).isEqualTo("deferred in Task Master");
        assertThat(pdf.priority()).isEqualTo(-1);
        assertThat(plans.byDescription("Voice input").blockReason()).isEqualTo("cancelled in Task Master");
    }

    @Test
    void nextIsTheHighestPriorityReadyTask() {
        plans.importSample("tasks.json");

        assertThat(plans.ijoka.plan().next(plans.project.id(), null)).map(Feature::description).contains("Messages table");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        plans.importSample("tasks.json");
        long mark = plans.lastSequence();

        ImportResult again = plans.importSample("tasks.json");

        assertThat(again.unchanged()).isTrue();
        assertThat(again.matched()).isEqualTo(10);
        assertThat(again.dependenciesUnchanged()).isEqualTo(8);
        assertThat(plans.lastSequence()).isEqualTo(mark);
    }

    @Test
    void importsThousandsOfFeaturesInOneBatchAndReportsProgress() {
        StringBuilder json = new StringBuilder("{\"tasks\": [");
        for (int i = 1; i <= 5_000; i++) {
            json.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"title\": \"Task ").append(i)
                    .append("\", \"dependencies\": ").append(i > 2 ? "[" + (i - 1) + ", " + (i - 2) + "]" : "[]").append('}');
        }
        java.nio.file.Path file = plans.file("tasks.json", json.append("]}").toString());
        java.util.List<String> stages = new java.util.ArrayList<>();
        long[] lastWritten = {0, 0};

        ImportResult r = new Importer(plans.ijoka).importFile(plans.project.id(), file, ImportOptions.defaults(),
                (stage, done, total) -> {
                    if (stages.isEmpty() || !stages.getLast().equals(stage.name())) {
                        stages.add(stage.name());
                    }
                    if (stage == ImportProgress.Stage.WRITING) {
                        lastWritten[0] = done;
                        lastWritten[1] = total;
                    }
                });

        assertThat(r.created()).isEqualTo(5_000);
        assertThat(r.dependenciesAdded()).isEqualTo(9_996);
        assertThat(stages).containsExactly("READING", "CHECKING", "WRITING");
        assertThat(lastWritten).containsExactly(14_996, 14_996);
        assertThat(plans.ijoka.plan().ready(plans.project.id())).extracting(Feature::description).containsExactly("Task 1", "Task 2");
        assertThat(plans.ijoka.plan().criticalPath(plans.project.id())).hasSize(4_999);
    }

    @Test
    void theTaggedFormImportsMasterUnlessAnotherTagIsChosen() {
        plans.importSample("tasks-tagged.json");
        assertThat(plans.features()).extracting(Feature::description)
                .containsExactly("Write the landing page", "Add the sign-up form");
        assertThat(plans.edges()).containsExactly("Add the sign-up form -> Write the landing page");

        plans.importFile(Plans.sample("tasks-tagged.json"), ImportOptions.defaults().withTag("feature-payments"));
        assertThat(plans.features()).hasSize(3);
        assertThat(plans.features().getLast().description()).isEqualTo("Integrate the payment provider");
    }

    @Test
    void anUnknownTagOrSeveralTagsWithoutMasterAreProblems() {
        assertThatThrownBy(() -> plans.importFile(Plans.sample("tasks-tagged.json"), ImportOptions.defaults().withTag("nope")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("there is no tag 'nope' in the file; it has master, feature-payments");

        String twoTags = """
                {"a": {"tasks": [{"id": 1, "title": "x"}]}, "b": {"tasks": [{"id": 1, "title": "y"}]}}
                """;
        assertThatThrownBy(() -> plans.importFile(plans.file("tasks.json", twoTags), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the file has the tags a, b and none is called master: choose one (--tag NAME)");
    }
}
