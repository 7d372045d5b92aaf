package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** beads JSONL: statuses, priorities, types, labels, and the four dependency types. */
class BeadsImportTest {

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    @Test
    void importsEveryLiveIssueAndSkipsTombstones() {
        ImportResult result = plans.importSample("issues.jsonl");

        assertThat(result.format()).isEqualTo(Format.BEADS);
        assertThat(plans.features()).extracting(Feature::description).containsExactly(
                "Chat epic", "Message list renders history", "Send box sends on Enter", "Enter in IME composition sends early",
                "Set up CI", "Typing indicator");
        assertThat(result.warnings()).singleElement().asString().contains("chat-k1l2", "tombstone");
    }

    @Test
    void mapsTypesStatusesPrioritiesAndLabels() {
        plans.importSample("issues.jsonl");

        Feature epic = plans.byDescription("Chat epic");
        assertThat(epic.kind()).isEqualTo(Kind.EPIC);
        assertThat(epic.category()).isEqualTo(Category.UI);
        assertThat(epic.priority()).isEqualTo(1);
        Feature list = plans.byDescription("Message list renders history");
        assertThat(list.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(list.priority()).isEqualTo(2);
        assertThat(list.steps()).containsExactly(new Step("Renders 50 messages", true), new Step("Scrolls to the newest", false));
        assertThat(list.details()).isEqualTo("Show the last 50 messages.\n\n## Design\n\nVirtualised list.");
        Feature bug = plans.byDescription("Enter in IME composition sends early");
        assertThat(bug.kind()).isEqualTo(Kind.BUG);
        assertThat(bug.status()).isEqualTo(Status.BLOCKED);
        assertThat(bug.blockReason()).isEqualTo("blocked in beads");
        assertThat(bug.category()).isEqualTo(Category.TESTING);
        Feature ci = plans.byDescription("Set up CI");
        assertThat(ci.status()).isEqualTo(Status.COMPLETE);
        assertThat(ci.kind()).isEqualTo(Kind.CHORE);
        assertThat(ci.category()).isEqualTo(Category.INFRASTRUCTURE);
        assertThat(ci.priority()).isEqualTo(-1);
        assertThat(plans.byDescription("Typing indicator").priority()).isEqualTo(-2);
        assertThat(plans.byDescription("Send box sends on Enter").kind()).isEqualTo(Kind.FEATURE);
    }

    @Test
    void blocksAndRelatedBecomeEdgesAndParentChildBecomesTheParent() {
        plans.importSample("issues.jsonl");

        assertThat(plans.edges()).containsExactly(
                "Enter in IME composition sends early -> Send box sends on Enter (related)",
                "Send box sends on Enter -> Message list renders history",
                "Typing indicator -> Send box sends on Enter (related)");
        Feature epic = plans.byDescription("Chat epic");
        assertThat(plans.byDescription("Message list renders history").parent()).isEqualTo(epic.id());
        assertThat(plans.byDescription("Send box sends on Enter").parent()).isEqualTo(epic.id());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        plans.importSample("issues.jsonl");
        long mark = plans.lastSequence();

        assertThat(plans.importSample("issues.jsonl").unchanged()).isTrue();
        assertThat(plans.lastSequence()).isEqualTo(mark);
    }
}
