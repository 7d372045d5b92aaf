package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Anthropic's feature_list.json: file order, passes, categories, re-import. */
class FeatureListImportTest {

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    @Test
    void importsEveryFeatureInFileOrder() {
        ImportResult result = plans.importSample("feature_list.json");

        assertThat(result.format()).isEqualTo(Format.FEATURE_LIST);
        assertThat(result.read()).isEqualTo(8);
        assertThat(result.created()).isEqualTo(8);
        assertThat(result.matched()).isZero();
        assertThat(plans.features()).extracting(Feature::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(plans.features().getFirst().description()).isEqualTo("New chat button creates a fresh conversation");
        assertThat(plans.features()).extracting(Feature::priority).containsOnly(0);
    }

    @Test
    void passesBecomesCompleteWithEveryStepDoneAndNextIsTheFirstThatDoesNotPass() {
        plans.importSample("feature_list.json");

        Feature first = plans.byDescription("New chat button creates a fresh conversation");
        assertThat(first.status()).isEqualTo(Status.COMPLETE);
        assertThat(first.steps()).hasSize(4).allMatch(Step::done);
        assertThat(first.completedAt()).isNotNull();
        Feature second = plans.byDescription("User can send a message and see the streamed reply");
        assertThat(second.status()).isEqualTo(Status.PENDING);
        assertThat(second.steps()).extracting(Step::done).containsOnly(false);
        assertThat(plans.ijoka.plan().next(plans.project.id(), null)).contains(second);
    }

    @Test
    void mapsCategoriesAndWarnsAboutUnknownOnes() {
        ImportResult result = plans.importSample("feature_list.json");

        assertThat(plans.byDescription("Sidebar collapses on narrow screens").category()).isEqualTo(Category.UI);
        assertThat(plans.byDescription("API key is never sent to the browser").category()).isEqualTo(Category.SECURITY);
        assertThat(plans.byDescription("All buttons are reachable with the keyboard").category()).isEqualTo(Category.FUNCTIONAL);
        assertThat(result.warnings()).singleElement().hasToString(
                "feature 7 (line 62): unknown category 'accessibility-audit', imported as functional");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        plans.importSample("feature_list.json");
        long mark = plans.lastSequence();

        ImportResult again = plans.importSample("feature_list.json");

        assertThat(again.unchanged()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.matched()).isEqualTo(8);
        assertThat(plans.lastSequence()).isEqualTo(mark);
        assertThat(plans.features()).hasSize(8);
    }

    @Test
    void aGrownFileAddsOnlyTheNewFeaturesAndWhatPeopleChangedStays() {
        plans.importSample("feature_list.json");
        Feature second = plans.byDescription("User can send a message and see the streamed reply");
        plans.ijoka.features().start(second.id(), null);
        String grown = """
                [
                  {"category": "functional", "description": "User can send a message and see the streamed reply", "steps": [], "passes": false},
                  {"category": "testing", "description": "Load test with 100 users", "steps": ["Run k6"], "passes": false}
                ]
                """;

        ImportResult result = plans.importFile(plans.file("feature_list.json", grown), ImportOptions.defaults());

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.matched()).isEqualTo(1);
        assertThat(plans.byDescription("Load test with 100 users").number()).isEqualTo(9);
        assertThat(plans.byDescription("User can send a message and see the streamed reply").status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndChangesNothing() {
        long mark = plans.lastSequence();

        ImportResult result = plans.importFile(Plans.sample("feature_list.json"), ImportOptions.defaults().withDryRun(true));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.created()).isEqualTo(8);
        assertThat(plans.features()).isEmpty();
        assertThat(plans.lastSequence()).isEqualTo(mark);
    }

    @Test
    void duplicateDescriptionsAreTwoFeaturesAndStillReimportCleanly() {
        String twice = """
                [{"description": "Same words"}, {"description": "Same   words"}, {"description": "Other"}]
                """;
        plans.importFile(plans.file("feature_list.json", twice), ImportOptions.defaults());
        ImportResult again = plans.importFile(plans.file("feature_list.json", twice), ImportOptions.defaults());

        assertThat(plans.features()).hasSize(3);
        assertThat(again.unchanged()).isTrue();
    }
}
