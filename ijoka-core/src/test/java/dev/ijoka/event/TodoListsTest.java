package dev.ijoka.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of an agent's todo list: which events a change means, and what each event does. */
class TodoListsTest {

    private static final TodoStatus P = TodoStatus.PENDING;
    private static final TodoStatus I = TodoStatus.IN_PROGRESS;
    private static final TodoStatus C = TodoStatus.COMPLETED;

    private static TodoChange.Item item(String content, TodoStatus status) {
        return new TodoChange.Item(content, null, status);
    }

    private static List<AgentTodo> after(List<AgentTodo> items, TodoChange change) {
        return TodoLists.applyAll(items, TodoLists.diff(items, change));
    }

    @Test
    void itemsOfEqualContentAreMatchedInOrderAndKeepTheirIds() {
        List<AgentTodo> first = after(List.of(), new TodoChange.Replace(List.of(item("Test", C), item("Test", P))));
        assertThat(first).extracting(AgentTodo::id).containsExactly("todo-1", "todo-2");

        List<AgentTodo> second = after(first, new TodoChange.Replace(List.of(item("Test", C), item("Test", I), item("Ship", P))));

        assertThat(second).containsExactly(new AgentTodo("todo-1", "Test", null, C), new AgentTodo("todo-2", "Test", null, I),
                new AgentTodo("todo-3", "Ship", null, P));
    }

    @Test
    void newIdsNeverReuseOneStillInTheList() {
        List<AgentTodo> list = List.of(new AgentTodo("todo-7", "Keep", null, P), new AgentTodo("todo-x", "Odd", null, P));
        assertThat(after(list, new TodoChange.Replace(List.of(item("Keep", P), item("New", P)))))
                .extracting(AgentTodo::id).containsExactly("todo-7", "todo-8");
    }

    @Test
    void anEventAboutAnItemTheListLacksChangesNothingAndAnAddPastTheEndGoesAtTheEnd() {
        List<AgentTodo> one = List.of(new AgentTodo("1", "One", null, P));
        assertThat(TodoLists.apply(one, new EventPayload.TodoChanged(new AgentTodo("9", "Nine", null, C)))).isEqualTo(one);
        assertThat(TodoLists.apply(one, new EventPayload.TodoRemoved("9", "Nine"))).isEqualTo(one);
        assertThat(TodoLists.apply(one, new EventPayload.TodoAdded(new AgentTodo("2", "Two", null, P), 50)))
                .extracting(AgentTodo::id).containsExactly("1", "2");
    }

    @Test
    void aChangeThatAsksForWhatIsThereMeansNoEvent() {
        List<AgentTodo> list = after(List.of(), new TodoChange.Replace(List.of(item("A", I), item("B", P))));
        assertThat(TodoLists.diff(list, new TodoChange.Replace(List.of(item("A", I), item("B", P))))).isEmpty();
        assertThat(TodoLists.diff(list, new TodoChange.Upsert(list.getFirst().id(), "A", null, I))).isEmpty();
        assertThat(TodoLists.diff(list, new TodoChange.Remove("nope"))).isEmpty();
    }
}
