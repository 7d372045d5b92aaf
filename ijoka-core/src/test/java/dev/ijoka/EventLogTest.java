package dev.ijoka;

import static dev.ijoka.event.EventType.FEATURE_CREATED;
import static dev.ijoka.event.EventType.FEATURE_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading the log: pages of one project newest first, and everything after a sequence oldest first. */
class EventLogTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void sequencesAreGaplessAndIdsUnique() {
        Feature a = fx.feature("a");
        fx.features().start(a.id(), fx.session("s1"));
        fx.features().complete(a.id(), null);

        List<Event> all = fx.eventsSince(0);

        assertThat(all).extracting(Event::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(all).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(fx.ijoka.events().lastSequence()).isEqualTo(all.size());
    }

    @Test
    void aQueryPagesThroughOneFeaturesEventsNewestFirst() {
        SessionId s1 = fx.session("s1");
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.features().start(a.id(), s1);
        fx.features().start(b.id(), null);

        List<Event> page = fx.ijoka.events().query(EventQuery.latest(fx.project.id(), 2).forFeature(a.id()));

        assertThat(page).extracting(Event::type).containsExactly(dev.ijoka.event.EventType.CLAIM_TAKEN, FEATURE_STARTED);
        List<Event> older = fx.ijoka.events().query(
                EventQuery.latest(fx.project.id(), 10).forFeature(a.id()).before(page.getLast().sequence()));
        assertThat(older).extracting(Event::type).containsExactly(FEATURE_CREATED);
    }

    @Test
    void aQueryFiltersBySessionAndType() {
        SessionId s1 = fx.session("s1");
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        fx.features().start(a.id(), s1);
        fx.features().start(b.id(), null);

        assertThat(fx.ijoka.events().query(EventQuery.latest(fx.project.id(), 10).ofTypes(Set.of(FEATURE_STARTED))))
                .extracting(Event::feature).containsExactly(b.id(), a.id());
        assertThat(fx.ijoka.events().query(EventQuery.latest(fx.project.id(), 10).forSession(s1)
                .ofTypes(Set.of(FEATURE_STARTED)))).extracting(Event::feature).containsExactly(a.id());
    }

    @Test
    void afterRefusesALimitOutOfRange() {
        assertThatThrownBy(() -> fx.ijoka.events().after(0, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("limit must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> fx.ijoka.events().after(0, 1_001)).isInstanceOf(InvalidInputException.class);
    }
}
