package dev.ijoka.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Fixture;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BurnUpTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private BurnUp burnUp() {
        return new BurnUp(f.ijoka.events(), f.project.id());
    }

    @Test
    void anEmptyProjectHasNoPoints() {
        assertThat(burnUp().series()).isEqualTo(new BurnUp.Series(List.of(), "day"));
    }

    @Test
    void countsCreatedCompletedReopenedAndImportedCompleteFeatures() {
        Feature a = f.feature("First");
        Feature b = f.feature("Second");
        f.feature("Third");
        f.features().createAll(f.project.id(), new FeatureBatch(List.of(
                new FeatureBatch.Entry(NewFeature.of("Imported done", Category.FUNCTIONAL), Status.COMPLETE, null, null)),
                List.of()), FeatureBatch.Progress.NONE);
        f.advance(Duration.ofMinutes(5));
        for (Feature x : List.of(a, b)) {
            f.features().start(x.id(), null);
            f.features().complete(x.id(), null);
        }
        f.advance(Duration.ofMinutes(5));
        f.features().reopen(b.id(), null, "the tests fail again");

        BurnUp.Series series = burnUp().series();

        assertThat(series.bucket()).isEqualTo("minute");
        assertThat(series.points()).containsExactly(
                new BurnUp.Point(Fixture.T0, 4, 1),
                new BurnUp.Point(Fixture.T0.plus(Duration.ofMinutes(5)), 4, 3),
                new BurnUp.Point(Fixture.T0.plus(Duration.ofMinutes(10)), 4, 2));
    }

    @Test
    void aFollowingInstanceReadsOnlyWhatIsNewAndAgreesWithAFreshOne() {
        BurnUp following = burnUp();
        Feature a = f.feature("First");
        assertThat(following.series().points()).containsExactly(new BurnUp.Point(Fixture.T0, 1, 0));
        f.advance(Duration.ofHours(2));
        f.features().start(a.id(), null);
        f.features().complete(a.id(), null);
        f.feature("Second");
        BurnUp.Series followed = following.series();
        assertThat(followed).isEqualTo(burnUp().series());
        assertThat(followed.points().getLast()).isEqualTo(new BurnUp.Point(Fixture.T0.plus(Duration.ofHours(2)), 2, 1));
    }

    @Test
    void bucketsByMinuteHourOrDayAndWidensThemToStayUnderTheLimit() {
        Instant t = Instant.parse("2026-01-01T10:00:30Z");
        assertThat(BurnUp.bucketed(List.of(new BurnUp.Point(t, 1, 0), new BurnUp.Point(t.plusSeconds(20), 2, 0))))
                .isEqualTo(new BurnUp.Series(List.of(new BurnUp.Point(Instant.parse("2026-01-01T10:00:00Z"), 2, 0)), "minute"));
        assertThat(BurnUp.bucketed(List.of(new BurnUp.Point(t, 1, 0), new BurnUp.Point(t.plus(Duration.ofHours(7)), 1, 1))))
                .isEqualTo(new BurnUp.Series(List.of(new BurnUp.Point(Instant.parse("2026-01-01T10:00:00Z"), 1, 0),
                        new BurnUp.Point(Instant.parse("2026-01-01T17:00:00Z"), 1, 1)), "hour"));
        assertThat(BurnUp.bucketed(List.of(new BurnUp.Point(t, 1, 0), new BurnUp.Point(t.plus(Duration.ofDays(4)), 1, 1)))
                .bucket()).isEqualTo("day");

        List<BurnUp.Point> everyMinute = new ArrayList<>();
        for (int i = 0; i < 5 * 60; i++) { // five hours, one change a minute: 300 minutes fit
            everyMinute.add(new BurnUp.Point(t.plus(Duration.ofMinutes(i)), i + 1, 0));
        }
        assertThat(BurnUp.bucketed(everyMinute).points()).hasSize(300);
        List<BurnUp.Point> everyHour = new ArrayList<>();
        for (int i = 0; i < 2 * 365 * 24; i++) { // two years by the hour: days, two to a point
            everyHour.add(new BurnUp.Point(t.plus(Duration.ofHours(i)), i + 1, 0));
        }
        BurnUp.Series wide = BurnUp.bucketed(everyHour);
        assertThat(wide.bucket()).isEqualTo("2 days");
        assertThat(wide.points()).hasSizeLessThanOrEqualTo(BurnUp.MAX_POINTS);
        assertThat(wide.points().getLast().total()).as("the last bucket ends with the last change").isEqualTo(everyHour.size());
    }
}
