package dev.ijoka;

import static dev.ijoka.domain.InsightKind.ANTI_PATTERN;
import static dev.ijoka.domain.InsightKind.BEST_PRACTICE;
import static dev.ijoka.domain.InsightKind.SOLUTION;
import static dev.ijoka.domain.InsightKind.TOOL_USAGE;
import static dev.ijoka.event.EventType.INSIGHT_RECORDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Insights: recorded with an event, found by words and tags, the best offered first. */
class InsightsTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Records an insight one minute after the previous one, so "newest first" has a meaning. */
    private Insight record(String text, InsightKind kind, String... tags) {
        fx.advance(Duration.ofMinutes(1));
        return fx.ijoka.insights().record(fx.project.id(), NewInsight.of(text, kind, tags), null);
    }

    private static List<String> texts(List<Insight> insights) {
        return insights.stream().map(Insight::text).toList();
    }

    @Test
    void recordingAnInsightStoresItWithAnEventAndCleanTags() {
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in");
        long mark = fx.mark();

        Insight i = fx.ijoka.insights().record(fx.project.id(),
                NewInsight.of("  Use a fresh CSRF token per form  ", SOLUTION, " Security ", "security", "FORMS", "")
                        .about(fx.number(1)), s1);

        assertThat(i.text()).isEqualTo("Use a fresh CSRF token per form");
        assertThat(i.tags()).containsExactly("security", "forms");
        assertThat(i.feature()).isEqualTo(f.id());
        assertThat(i.session()).isEqualTo(s1);
        assertThat(i.createdAt()).isEqualTo(Fixture.T0);
        assertThat(fx.typesSince(mark)).containsExactly(INSIGHT_RECORDED);
        assertThat(fx.eventsSince(mark).getFirst().payload()).isEqualTo(new EventPayload.InsightRecorded(i));
        assertThat(fx.eventsSince(mark).getFirst().feature()).isEqualTo(f.id());
    }

    @Test
    void anInsightNeedsAKnownProjectAndFeature() {
        assertThatThrownBy(() -> fx.ijoka.insights().record(ProjectId.of("nope"), NewInsight.of("x", SOLUTION), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.ijoka.insights().record(fx.project.id(),
                NewInsight.of("x", SOLUTION).about(fx.number(9)), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("#9");
    }

    @Test
    void searchFindsInsightsContainingEveryWordIgnoringCaseNewestFirst() {
        record("Run the migrations before the tests", BEST_PRACTICE, "db");
        record("Flyway migrations must never be edited", ANTI_PATTERN, "db", "flyway");
        record("The tests need Docker", TOOL_USAGE, "ci");

        assertThat(texts(fx.ijoka.insights().search(fx.project.id(), "MIGRATIONS", null, 10)))
                .containsExactly("Flyway migrations must never be edited", "Run the migrations before the tests");
        assertThat(texts(fx.ijoka.insights().search(fx.project.id(), "tests migrations", null, 10)))
                .containsExactly("Run the migrations before the tests");
        assertThat(fx.ijoka.insights().search(fx.project.id(), "kubernetes", null, 10)).isEmpty();
    }

    @Test
    void searchFiltersByTagAndMatchesWordsInTags() {
        record("Run the migrations before the tests", BEST_PRACTICE, "db");
        record("Flyway migrations must never be edited", ANTI_PATTERN, "db", "flyway");
        record("The tests need Docker", TOOL_USAGE, "ci");

        assertThat(texts(fx.ijoka.insights().search(fx.project.id(), null, "DB", 10)))
                .containsExactly("Flyway migrations must never be edited", "Run the migrations before the tests");
        assertThat(texts(fx.ijoka.insights().search(fx.project.id(), "tests", "ci", 10)))
                .containsExactly("The tests need Docker");
        assertThat(texts(fx.ijoka.insights().search(fx.project.id(), "flyway", null, 10)))
                .containsExactly("Flyway migrations must never be edited");
        assertThat(fx.ijoka.insights().search(fx.project.id(), null, null, 2)).hasSize(2);
    }

    @Test
    void topOffersSolutionsThenAntiPatternsThenAdviceNewestFirstWithinEach() {
        record("old tool tip", TOOL_USAGE);
        record("old solution", SOLUTION);
        record("best practice", BEST_PRACTICE);
        record("anti-pattern", ANTI_PATTERN);
        record("new solution", SOLUTION);
        record("new tool tip", TOOL_USAGE);

        assertThat(texts(fx.ijoka.insights().top(fx.project.id(), 10))).containsExactly(
                "new solution", "old solution", "anti-pattern", "best practice", "new tool tip", "old tool tip");
        assertThat(texts(fx.ijoka.insights().top(fx.project.id(), 2))).containsExactly("new solution", "old solution");
    }

    @Test
    void insightsBelongToTheirProject(@TempDir Path other) {
        Project second = fx.ijoka.projects().open(other);
        record("here", SOLUTION);

        assertThat(fx.ijoka.insights().top(second.id(), 10)).isEmpty();
        assertThat(fx.ijoka.insights().search(second.id(), "here", null, 10)).isEmpty();
    }

    @Test
    void tagsAreBounded() {
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = "t" + i;
        }
        assertThatThrownBy(() -> NewInsight.of("x", SOLUTION, many))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an insight has at most 20 tags, got 21");
    }
}
