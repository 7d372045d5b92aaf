package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.Replay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The proof that the log is complete: what the store holds equals what a replay of its log rebuilds. */
public final class ReplayAssertions {

    private ReplayAssertions() {}

    /** Every event of the store, oldest first, read page by page. */
    public static List<Event> allEvents(Ijoka ijoka) {
        List<Event> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Event> page = ijoka.events().after(after, EventQuery.MAX_LIMIT);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.getLast().sequence();
        }
    }

    /**
     * Asserts that the log's sequences increase and its ids are unique, and that every project's
     * features (as {@link Replay#comparable}), dependencies, rules (with their counters) and insights
     * equal those a {@link Replay} of the whole log rebuilds.
     */
    public static void assertStoredStateEqualsReplay(Ijoka ijoka) {
        List<Event> events = allEvents(ijoka);
        assertThat(events).extracting(Event::sequence).as("sequences of the log").isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(new HashSet<>(events.stream().map(Event::sequence).toList())).as("unique sequences").hasSize(events.size());
        assertThat(new HashSet<>(events.stream().map(Event::id).toList())).as("unique event ids").hasSize(events.size());

        Replay replay = Replay.of(events);
        List<Project> projects = ijoka.projects().list();
        assertThat(projects).as("projects").containsExactlyInAnyOrderElementsOf(replay.projects().values());
        for (Project p : projects) {
            List<Feature> stored = ijoka.features().list(p.id()).stream().map(Replay::comparable).toList();
            List<Feature> replayed = replay.features().values().stream()
                    .filter(f -> f.project().equals(p.id()))
                    .sorted(Comparator.comparingInt(Feature::number))
                    .map(Replay::comparable)
                    .toList();
            assertThat(stored).as("features of %s: stored vs replayed", p.name()).containsExactlyElementsOf(replayed);
            assertThat(Set.copyOf(ijoka.dependencies().list(p.id()))).as("dependencies of %s", p.name())
                    .isEqualTo(replay.dependencies().stream().filter(d -> d.project().equals(p.id())).collect(Collectors.toSet()));
            assertThat(ijoka.rules().list(p.id())).as("rules of %s, with counters", p.name())
                    .containsExactlyInAnyOrderElementsOf(replay.rules().values().stream().filter(r -> r.appliesTo(p.id())).toList());
            // Agents' todo lists are derived from their events: compare the items of each (session, feature).
            Map<Replay.TodoKey, List<AgentTodo>> storedTodos = new HashMap<>();
            ijoka.sessions().todoLists(p.id()).forEach(l -> storedTodos.put(new Replay.TodoKey(l.session(), l.feature()), l.items()));
            Map<Replay.TodoKey, List<AgentTodo>> replayedTodos = new HashMap<>();
            replay.todos().forEach((k, l) -> {
                if (l.project().equals(p.id())) {
                    replayedTodos.put(k, l.items());
                }
            });
            assertThat(storedTodos).as("agents' todo lists of %s: stored vs replayed", p.name()).isEqualTo(replayedTodos);
            // The API pages insights (at most 500, newest first): compare that page with the newest of the replay.
            List<Insight> logged = replay.insights().stream().filter(i -> i.project().equals(p.id())).toList().reversed();
            assertThat(ijoka.insights().search(p.id(), null, null, 500)).as("insights of %s", p.name())
                    .containsExactlyInAnyOrderElementsOf(logged.subList(0, Math.min(500, logged.size())));
        }
    }
}
