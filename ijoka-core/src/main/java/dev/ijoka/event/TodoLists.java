package dev.ijoka.event;

import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change to an agent's todo list means, as events ({@link #diff}), and what an event does to a
 * list ({@link #apply}). The engine stores the list that applying its own events gives, and
 * {@link Replay} applies the same events: so the stored lists are, by construction, a replay of the log.
 */
public final class TodoLists {

    /** The prefix of the ids given to the items of a whole list ({@code TodoWrite}), which has none of its own. */
    static final String WRITTEN_ID = "todo-";

    private TodoLists() {}

    /** The list after one event. An event that names an item the list lacks changes nothing. */
    public static List<AgentTodo> apply(List<AgentTodo> items, EventPayload.TodoEvent event) {
        List<AgentTodo> out = new ArrayList<>(items);
        switch (event) {
            case EventPayload.TodoAdded e -> out.add(Math.clamp(e.position(), 0, out.size()), e.item());
            case EventPayload.TodoChanged e -> {
                int at = indexOf(out, e.item().id());
                if (at >= 0) {
                    out.set(at, e.item());
                }
            }
            case EventPayload.TodoRemoved e -> {
                int at = indexOf(out, e.id());
                if (at >= 0) {
                    out.remove(at);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The list after the events, in order. */
    public static List<AgentTodo> applyAll(List<AgentTodo> items, List<? extends EventPayload.TodoEvent> events) {
        List<AgentTodo> out = items;
        for (EventPayload.TodoEvent e : events) {
            out = apply(out, e);
        }
        return out;
    }

    /**
     * The events that take {@code items} to what {@code change} asks for; none when it asks for what is
     * there already.
     *
     * <p>A whole list is matched to the old one by content, in order (the first unmatched item of equal
     * content), since {@code TodoWrite} items carry no ids: a matched item keeps its id and is changed when
     * its status or {@code activeForm} differs; an old item left unmatched is removed, a new one added at
     * its place. A new order of the same items is not recorded: the list keeps the order items came in.
     *
     * @throws IllegalArgumentException when the change would make the list longer than {@link Limits#MAX_TODOS}
     */
    public static List<EventPayload.TodoEvent> diff(List<AgentTodo> items, TodoChange change) {
        List<EventPayload.TodoEvent> events = switch (change) {
            case TodoChange.Replace r -> replace(items, r.items());
            case TodoChange.Upsert u -> upsert(items, u);
            case TodoChange.Remove r -> find(items, r.id())
                    .<List<EventPayload.TodoEvent>>map(i -> List.of(new EventPayload.TodoRemoved(i.id(), i.content())))
                    .orElse(List.of());
        };
        int size = applyAll(items, events).size();
        if (size > Limits.MAX_TODOS) {
            throw new IllegalArgumentException("a todo list would have " + size + " items; the limit is "
                    + Limits.MAX_TODOS + ": remove some first");
        }
        return events;
    }

    private static List<EventPayload.TodoEvent> replace(List<AgentTodo> old, List<TodoChange.Item> wanted) {
        AgentTodo[] matched = new AgentTodo[wanted.size()];
        boolean[] kept = new boolean[old.size()];
        for (int n = 0; n < wanted.size(); n++) {
            for (int o = 0; o < old.size(); o++) {
                if (!kept[o] && old.get(o).content().equals(wanted.get(n).content())) {
                    kept[o] = true;
                    matched[n] = old.get(o);
                    break;
                }
            }
        }
        List<EventPayload.TodoEvent> events = new ArrayList<>();
        for (int o = 0; o < old.size(); o++) {
            if (!kept[o]) {
                events.add(new EventPayload.TodoRemoved(old.get(o).id(), old.get(o).content()));
            }
        }
        int next = nextWrittenId(old);
        for (int n = 0; n < wanted.size(); n++) {
            TodoChange.Item w = wanted.get(n);
            AgentTodo was = matched[n];
            if (was == null) {
                events.add(new EventPayload.TodoAdded(new AgentTodo(WRITTEN_ID + next++, w.content(), w.activeForm(), w.status()), n));
            } else {
                AgentTodo now = new AgentTodo(was.id(), w.content(), w.activeForm(), w.status());
                if (!now.equals(was)) {
                    events.add(new EventPayload.TodoChanged(now));
                }
            }
        }
        return events;
    }

    private static List<EventPayload.TodoEvent> upsert(List<AgentTodo> items, TodoChange.Upsert u) {
        Optional<AgentTodo> was = find(items, u.id());
        if (was.isEmpty()) {
            String content = u.content() != null ? u.content() : "Task #" + u.id();
            TodoStatus status = u.status() != null ? u.status() : TodoStatus.PENDING;
            return List.of(new EventPayload.TodoAdded(new AgentTodo(u.id(), content, u.activeForm(), status), items.size()));
        }
        AgentTodo old = was.get();
        AgentTodo now = new AgentTodo(old.id(), u.content() != null ? u.content() : old.content(),
                u.activeForm() != null ? u.activeForm() : old.activeForm(), u.status() != null ? u.status() : old.status());
        return now.equals(old) ? List.of() : List.of(new EventPayload.TodoChanged(now));
    }

    private static int nextWrittenId(List<AgentTodo> items) {
        int max = 0;
        for (AgentTodo i : items) {
            if (i.id().startsWith(WRITTEN_ID)) {
                try {
                    max = Math.max(max, Integer.parseInt(i.id().substring(WRITTEN_ID.length())));
                } catch (NumberFormatException e) {
                    // not one of ours: it cannot collide with a number we give
                }
            }
        }
        return max + 1;
    }

    private static Optional<AgentTodo> find(List<AgentTodo> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static int indexOf(List<AgentTodo> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
