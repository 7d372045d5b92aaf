package dev.ijoka.store.contract;

import static dev.ijoka.store.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store contract, part two: the event log. Sequences, pages after a sequence, queries with
 * every filter, and every kind of payload given back exactly. Stores extend {@link StoreContract},
 * which includes these tests.
 */
public abstract class EventLogContract extends ConcurrentStoreContract {

    @Test
    public void anEmptyLogHasSequenceZeroAndNoEvents() {
        assertThat(reads.lastSequence()).isZero();
        assertThat(reads.eventsAfter(0, 10)).isEmpty();
        assertThat(reads.events(EventQuery.latest(ProjectId.of("none"), 10))).isEmpty();
    }

    @Test
    public void appendAssignsConsecutiveSequencesAndReturnsTheEventsAsStored() {
        Project p = aProject("log");
        List<Event> batch1 = List.of(started(p), started(p), started(p));
        List<Event> batch2 = List.of(started(p), started(p));

        List<Event> stored1 = writes.append(batch1);
        List<Event> stored2 = writes.append(batch2);

        long first = stored1.getFirst().sequence();
        assertThat(first).isPositive();
        List<Event> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Event e = i < 3 ? batch1.get(i) : batch2.get(i - 3);
            expected.add(e.withSequence(first + i));
        }
        assertThat(stored1).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(stored2).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(reads.lastSequence()).isEqualTo(first + 4);
        assertThat(reads.eventsAfter(0, 100)).containsExactlyElementsOf(expected);
        assertThat(reads.eventsAfter(first + 1, 2)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(reads.eventsAfter(0, 1)).containsExactly(expected.getFirst());
        assertThat(reads.eventsAfter(first + 4, 10)).isEmpty();
        assertThat(writes.append(List.of())).isEmpty();
        assertThat(reads.lastSequence()).as("after appending nothing").isEqualTo(first + 4);
    }

    @Test
    public void eventsAfterReturnsTheEventsOfEveryProjectAndGlobalOnesInOrder() {
        Project p = aProject("one");
        Project q = aProject("two");
        List<Event> stored = writes.append(List.of(
                started(p),
                TestData.event(null, null, null, at(1), new EventPayload.RuleToggled(new RuleId("r"), true)),
                started(q)));

        assertThat(reads.eventsAfter(0, 10)).containsExactlyElementsOf(stored);
        assertThat(stored.get(1).project()).isNull();
    }

    @Test
    public void everyEventTypeRoundTripsExactly() {
        Project p = aProject("payloads");
        Session s = aSession(TestData.session(p.id(), "s1"));
        Feature f = aFeature(TestData.feature(p.id(), 1));
        Feature g = aFeature(TestData.feature(p.id(), 2));
        PayloadSamples samples = new PayloadSamples(p, f.id(), g.id(), s.id());
        List<Event> stored = new ArrayList<>();
        int i = 0;
        for (EventType type : EventType.values()) {
            List<Event> events = new ArrayList<>();
            for (EventPayload payload : samples.of(type)) {
                assertThat(payload.type()).as("sample of %s", type).isEqualTo(type);
                FeatureId about = i % 3 == 2 ? null : f.id();
                SessionId by = i % 2 == 1 ? null : s.id();
                events.add(TestData.event(p.id(), about, by, at(i).plus(i, ChronoUnit.MICROS), payload));
                i++;
            }
            stored.addAll(writes.append(events));
        }

        assertThat(reads.eventsAfter(0, 1_000)).containsExactlyElementsOf(stored);
        assertThat(reads.events(EventQuery.latest(p.id(), 1_000))).containsExactlyElementsOf(stored.reversed());
        for (EventType type : EventType.values()) {
            assertThat(reads.events(EventQuery.latest(p.id(), 1_000).ofTypes(Set.of(type))))
                    .as("events of type %s", type.wireName())
                    .containsExactlyElementsOf(stored.reversed().stream().filter(e -> e.type() == type).toList());
        }
        assertThat(EnumSet.copyOf(stored.stream().map(Event::type).toList())).isEqualTo(EnumSet.allOf(EventType.class));
    }

    @Test
    public void eventQueriesFilterByFeatureSessionTypesAndBeforeNewestFirstUpToTheLimit() {
        Log log = aLog();
        long middle = log.events.get(log.events.size() / 2).sequence();
        EventQuery all = EventQuery.latest(log.p.id(), 1_000);
        List<EventQuery> queries = List.of(
                all,
                EventQuery.latest(log.p.id(), 5),
                EventQuery.latest(log.p.id(), 1),
                all.forFeature(log.f1),
                all.forFeature(log.f2).forSession(log.s2),
                all.forSession(log.s1),
                all.ofTypes(Set.of(EventType.TOOL_USED)),
                all.ofTypes(Set.of(EventType.FEATURE_STARTED, EventType.PROMPT_SUBMITTED)),
                all.before(middle),
                all.before(middle).forFeature(log.f1).ofTypes(Set.of(EventType.FEATURE_STARTED, EventType.TOOL_USED)),
                EventQuery.latest(log.p.id(), 3).forSession(log.s2).before(middle),
                all.before(1),
                all.forFeature(log.elsewhere),
                EventQuery.latest(log.q.id(), 1_000),
                EventQuery.latest(log.q.id(), 2).ofTypes(Set.of(EventType.PROMPT_SUBMITTED)));

        for (EventQuery query : queries) {
            List<Event> expected = log.events.reversed().stream().filter(query::matches).limit(query.limit()).toList();
            assertThat(reads.events(query)).as("%s", query).containsExactlyElementsOf(expected);
        }
        assertThat(reads.events(all.forFeature(log.f1))).as("the filter is not vacuous").isNotEmpty();
    }

    /** A mixed log: two projects, global events, events with and without feature and session. */
    private record Log(Project p, Project q, FeatureId f1, FeatureId f2, FeatureId elsewhere, SessionId s1, SessionId s2,
            List<Event> events) {}

    private Log aLog() {
        Project p = aProject("mixed");
        Project q = aProject("mixed elsewhere");
        FeatureId f1 = aFeature(TestData.feature(p.id(), 1)).id();
        FeatureId f2 = aFeature(TestData.feature(p.id(), 2)).id();
        FeatureId g1 = aFeature(TestData.feature(q.id(), 1)).id();
        SessionId s1 = aSession(TestData.session(p.id(), "s1")).id();
        SessionId s2 = aSession(TestData.session(p.id(), "s2")).id();
        List<FeatureId> features = Arrays.asList(f1, f2, null);
        List<SessionId> sessions = Arrays.asList(s1, null, s2, s2);
        List<EventPayload> payloads = List.of(new EventPayload.FeatureStarted(), new EventPayload.PromptSubmitted("go"),
                new EventPayload.ToolUsed("Bash", List.of("a.sh"), true), new EventPayload.FeatureCompleted(),
                new EventPayload.CommitMade("abc", "fix"));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Event e;
            if (i % 7 == 3) {
                e = TestData.event(q.id(), i % 2 == 0 ? g1 : null, s1, at(i), payloads.get(i % payloads.size()));
            } else if (i % 11 == 5) {
                e = TestData.event(null, null, null, at(i), new EventPayload.RuleToggled(new RuleId("r"), true));
            } else {
                e = TestData.event(p.id(), features.get(i % 3), sessions.get(i % 4), at(i), payloads.get(i % payloads.size()));
            }
            events.add(e);
            if (i % 10 == 9) {
                List<Event> batch = List.copyOf(events.subList(events.size() - 10, events.size()));
                List<Event> stored = writes.append(batch);
                events.subList(events.size() - 10, events.size()).clear();
                events.addAll(stored);
            }
        }
        return new Log(p, q, f1, f2, g1, s1, s2, List.copyOf(events));
    }

    private static Event started(Project p) {
        return TestData.event(p.id(), null, null, at(1), new EventPayload.FeatureStarted());
    }
}
