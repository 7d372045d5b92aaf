package dev.ijoka.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Size bounds on text: errors name the field and the limit it broke. */
class LimitsTest {

    @Test
    void textUpToTheLimitIsAccepted() {
        assertThat(Limits.checkLength("description", "x".repeat(Limits.MAX_DESCRIPTION), Limits.MAX_DESCRIPTION))
                .hasSize(Limits.MAX_DESCRIPTION);
    }

    @Test
    void textBeyondTheLimitIsRefusedNamingFieldLengthAndLimit() {
        assertThatThrownBy(() -> Limits.checkLength("description", "x".repeat(2_001), Limits.MAX_DESCRIPTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description is 2001 characters long; the limit is 2000: shorten it");
    }

    @Test
    void requiredTextIsStrippedAndMustNotBeBlank() {
        assertThat(Limits.requireText("agent", "  claude-code \n", Limits.MAX_NAME)).isEqualTo("claude-code");
        assertThatThrownBy(() -> Limits.requireText("agent", " \t ", Limits.MAX_NAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent is required and must not be blank");
        assertThatThrownBy(() -> Limits.requireText("agent", null, Limits.MAX_NAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent is required and must not be blank");
    }

    @Test
    void theLimitAppliesToTheStrippedText() {
        String padded = "  " + "x".repeat(Limits.MAX_NAME) + "  ";

        assertThat(Limits.requireText("agent", padded, Limits.MAX_NAME)).hasSize(Limits.MAX_NAME);
    }

    @Test
    void newFeaturesAreCheckedAgainstTheLimits() {
        assertThatThrownBy(() -> NewFeature.of(" ", Category.FUNCTIONAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description is required and must not be blank");
        assertThatThrownBy(() -> NewFeature.of("a", Category.FUNCTIONAL).withDetails("d".repeat(Limits.MAX_DETAILS + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("details is 64001 characters long");
        assertThatThrownBy(() -> NewFeature.of("a", Category.FUNCTIONAL)
                .withStepList(Collections.nCopies(Limits.MAX_STEPS + 1, Step.todo("s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a feature has at most 200 steps, got 201");
        assertThatThrownBy(() -> Step.todo("s".repeat(Limits.MAX_STEP + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("step text is 1001 characters long");
    }

    @Test
    void sessionIdsAndTagsAreBoundedToo() {
        assertThatThrownBy(() -> SessionId.of("s".repeat(Limits.MAX_NAME + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("session id is 201 characters long");
        assertThatThrownBy(() -> Insight.normalizeTags(List.of("t".repeat(Limits.MAX_TAG + 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tag is 65 characters long");
    }
}
