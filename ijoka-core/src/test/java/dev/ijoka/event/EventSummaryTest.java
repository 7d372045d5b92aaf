package dev.ijoka.event;

import static dev.ijoka.domain.DependencyKind.BLOCKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Fixture;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.SessionId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events in the words every face shows: features by their refs, sessions by their agents, times in UTC. */
class EventSummaryTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private String summary(Event e) {
        Function<FeatureId, String> ref = id -> fx.ijoka.features().find(id).map(Feature::ref).orElse(id.value());
        return EventSummary.of(e.payload(), ref, s -> s.value().equals("s-1") ? "claude" : s.value());
    }

    @Test
    void aDependencyReadsAsRefsNotIds() {
        Feature one = fx.feature("schema");
        Feature two = fx.feature("login");
        long mark = fx.mark();
        fx.ijoka.dependencies().add(two.id(), one.id(), BLOCKS, null);
        fx.ijoka.dependencies().remove(two.id(), one.id(), null);

        List<String> lines = fx.eventsSince(mark).stream().map(this::summary).toList();

        assertThat(lines).containsExactly("#2 depends on #1 (blocks)", "#2 no longer depends on #1");
    }

    @Test
    void aClaimNamesTheAgentAndTheLeaseInUtc() {
        Feature f = fx.feature("login");
        SessionId session = fx.session("s-1");
        long mark = fx.mark();
        fx.ijoka.features().start(f.id(), session);

        assertThat(fx.eventsSince(mark).stream().map(this::summary))
                .contains("by claude, lease until 2026-03-02 09:30:00 UTC");
    }

    @Test
    void aFeatureThatNoLongerExistsIsNamedByItsId() {
        FeatureId gone = FeatureId.of("f-gone");
        String line = EventSummary.of(new EventPayload.DependencyRemoved(gone, gone), id -> id.value(), SessionId::value);
        assertThat(line).isEqualTo("f-gone no longer depends on f-gone");
    }
}
