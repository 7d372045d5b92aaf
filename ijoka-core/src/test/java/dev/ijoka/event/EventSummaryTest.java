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

    @Test
    void anAgentsTodoChangesSayWhichItemAndHowBesideTheirType() {
        SessionId session = fx.session("s-1");
        fx.ijoka.features().start(fx.feature("login").id(), session);
        long mark = fx.mark();
        fx.ijoka.sessions().changeTodos(session, new dev.ijoka.domain.TodoChange.Replace(List.of(
                new dev.ijoka.domain.TodoChange.Item("Write the form", "Writing the form", dev.ijoka.domain.TodoStatus.IN_PROGRESS),
                new dev.ijoka.domain.TodoChange.Item("Test it", null, dev.ijoka.domain.TodoStatus.PENDING))));
        fx.ijoka.sessions().changeTodos(session, new dev.ijoka.domain.TodoChange.Replace(List.of(
                new dev.ijoka.domain.TodoChange.Item("Write the form", "Writing the form", dev.ijoka.domain.TodoStatus.COMPLETED))));

        assertThat(fx.eventsSince(mark).stream().map(e -> e.type().wireName() + " " + summary(e))).containsExactly(
                "todo_added Write the form (in progress)", "todo_added Test it",
                "todo_removed Test it", "todo_changed ✓ Write the form");
        assertThat(EventSummary.of(new EventPayload.TodoChanged(new dev.ijoka.domain.AgentTodo("1", "Run it", "Running it",
                dev.ijoka.domain.TodoStatus.IN_PROGRESS)), FeatureId::value, SessionId::value)).isEqualTo("now: Running it");
    }
}
