package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Step;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps each agent session's own todo list (Claude Code's {@code TodoWrite} list and Task
 * tools) against the feature the session works on, appending only what changed; the stored lists
 * equal a replay of the log ({@link EngineFixture} checks after every test).
 */
public abstract class AgentTodosContract extends EngineFixture {

    private static TodoChange.Replace list(TodoChange.Item... items) {
        return new TodoChange.Replace(List.of(items));
    }

    private static TodoChange.Item item(String content, TodoStatus status) {
        return new TodoChange.Item(content, content.replaceFirst("^(\\w+?)e? ", "$1ing "), status);
    }

    private static final TodoStatus P = TodoStatus.PENDING;
    private static final TodoStatus I = TodoStatus.IN_PROGRESS;
    private static final TodoStatus C = TodoStatus.COMPLETED;

    @Test
    public void aWrittenListIsKeptAgainstTheClaimedFeatureAndShowsWhatIsInProgress() {
        SessionId s = session("s1");
        Feature f = feature("Migrations");
        ijoka.features().start(f.id(), s);
        long before = lastSequence();

        AgentPlan plan = ijoka.sessions().changeTodos(s, list(item("Write the migration", I), item("Run the migration tests", P),
                item("Update the docs", P)));

        assertThat(plan.feature()).isEqualTo(f.id());
        assertThat(plan.items()).extracting(AgentTodo::content)
                .containsExactly("Write the migration", "Run the migration tests", "Update the docs");
        assertThat(plan.items()).extracting(AgentTodo::id).doesNotHaveDuplicates();
        assertThat(plan.line()).isEqualTo("0/3 · now: Writing the migration");
        assertThat(typesAfter(before)).containsExactly(EventType.TODO_ADDED, EventType.TODO_ADDED, EventType.TODO_ADDED);
        assertThat(eventsAfter(before)).allSatisfy(e -> {
            assertThat(e.feature()).isEqualTo(f.id());
            assertThat(e.session()).isEqualTo(s);
        });
        assertThat(ijoka.sessions().featureTodos(f.id())).contains(plan);
        assertThat(ijoka.sessions().featureTodos(project.id())).containsEntry(f.id(), plan).hasSize(1);
        assertThat(ijoka.sessions().todos(s)).contains(plan);
        assertThat(reload(f).steps()).as("the agent's list is not the feature's steps").isEmpty();
    }

    @Test
    public void itemsMovingToInProgressAndCompletedAppendOneChangeEach() {
        SessionId s = session("s1");
        Feature f = feature(dev.ijoka.domain.NewFeature.of("With steps", dev.ijoka.domain.Category.FUNCTIONAL)
                .withSteps("It works"));
        ijoka.features().start(f.id(), s);
        ijoka.sessions().changeTodos(s, list(item("Write it", I), item("Test it", P)));
        long before = lastSequence();

        AgentPlan plan = ijoka.sessions().changeTodos(s, list(item("Write it", C), item("Test it", I)));

        assertThat(eventsAfter(before)).extracting(Event::payload).containsExactly(
                new EventPayload.TodoChanged(plan.items().get(0)), new EventPayload.TodoChanged(plan.items().get(1)));
        assertThat(plan.line()).isEqualTo("1/2 · now: Testing it");
        plan = ijoka.sessions().changeTodos(s, list(item("Write it", C), item("Test it", C)));
        assertThat(plan.line()).isEqualTo("2/2");
        assertThat(plan.now()).isEmpty();
        assertThat(reload(f).steps()).as("steps untouched").containsExactly(new Step("It works", false));
    }

    @Test
    public void aReplacedListRemovesWhatIsGoneAddsWhatIsNewAndKeepsTheIdsOfWhatStays() {
        SessionId s = session("s1");
        Feature f = feature("Replace");
        ijoka.features().start(f.id(), s);
        AgentPlan first = ijoka.sessions().changeTodos(s, list(item("Alpha", C), item("Beta", I), item("Gamma", P)));
        long before = lastSequence();

        AgentPlan second = ijoka.sessions().changeTodos(s, list(item("Alpha", C), item("Delta", I), item("Beta", P)));

        List<EventPayload> changes = eventsAfter(before).stream().map(Event::payload).toList();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).isEqualTo(new EventPayload.TodoRemoved(first.items().get(2).id(), "Gamma"));
        assertThat(changes).filteredOn(EventPayload.TodoAdded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EventPayload.TodoAdded) e).item().content()).isEqualTo("Delta"));
        assertThat(changes).filteredOn(EventPayload.TodoChanged.class::isInstance).singleElement()
                .isEqualTo(new EventPayload.TodoChanged(first.items().get(1).withStatus(P)));
        assertThat(second.items()).extracting(AgentTodo::content).containsExactly("Alpha", "Delta", "Beta");
        assertThat(second.item(first.items().get(0).id())).map(AgentTodo::content).contains("Alpha");
        assertThat(second.items()).extracting(AgentTodo::id).doesNotHaveDuplicates();

        long beforeEmpty = lastSequence();
        AgentPlan empty = ijoka.sessions().changeTodos(s, list());
        assertThat(empty.items()).isEmpty();
        assertThat(typesAfter(beforeEmpty)).containsOnly(EventType.TODO_REMOVED).hasSize(3);
        assertThat(ijoka.sessions().featureTodos(f.id())).isEmpty();
    }

    @Test
    public void theSameListSentTwiceAppendsNothing() {
        SessionId s = session("s1");
        Feature f = feature("Twice");
        ijoka.features().start(f.id(), s);
        TodoChange.Replace same = list(item("One", C), item("Two", I), item("Two", P));
        AgentPlan first = ijoka.sessions().changeTodos(s, same);
        long before = lastSequence();

        AgentPlan again = ijoka.sessions().changeTodos(s, same);

        assertThat(lastSequence()).isEqualTo(before);
        assertThat(again).isEqualTo(first);
        assertThat(ijoka.sessions().changeTodos(s, new TodoChange.Upsert(first.items().get(1).id(), null, null, I)))
                .isEqualTo(first);
        assertThat(ijoka.sessions().changeTodos(s, new TodoChange.Remove("no such item"))).isEqualTo(first);
        assertThat(lastSequence()).isEqualTo(before);
    }

    @Test
    public void aSessionWithoutAClaimKeepsItsListAgainstTheSessionAlone() {
        SessionId s = session("s1");
        Feature f = feature("Not claimed");
        long before = lastSequence();

        AgentPlan plan = ijoka.sessions().changeTodos(s, list(item("Look around", I)));

        assertThat(plan.feature()).isNull();
        assertThat(eventsAfter(before)).singleElement().satisfies(e -> {
            assertThat(e.feature()).isNull();
            assertThat(e.session()).isEqualTo(s);
            assertThat(e.project()).isEqualTo(project.id());
        });
        assertThat(ijoka.sessions().todos(s)).contains(plan);
        assertThat(ijoka.sessions().featureTodos(f.id())).isEmpty();
        assertThat(ijoka.sessions().featureTodos(project.id())).isEmpty();
        assertThat(ijoka.sessions().todoLists(project.id())).containsExactly(plan);

        ijoka.features().start(f.id(), s);
        AgentPlan onFeature = ijoka.sessions().changeTodos(s, list(item("Look around", C), item("Build it", I)));
        assertThat(onFeature.feature()).as("a claim moves the list the session writes to the feature").isEqualTo(f.id());
        assertThat(onFeature.items()).hasSize(2);
        assertThat(ijoka.sessions().todoLists(project.id())).containsExactly(onFeature, plan);
    }

    @Test
    public void twoSessionsOnTwoFeaturesKeepTwoLists() {
        SessionId s1 = session("s1");
        SessionId s2 = session("s2");
        Feature f1 = feature("One");
        Feature f2 = feature("Two");
        ijoka.features().start(f1.id(), s1);
        ijoka.features().start(f2.id(), s2);

        ijoka.sessions().changeTodos(s1, list(item("Write one", I)));
        ijoka.sessions().changeTodos(s2, list(item("Write two", C), item("Test two", I)));
        ijoka.sessions().changeTodos(s1, new TodoChange.Upsert("7", "Ship one", "Shipping one", P));

        assertThat(ijoka.sessions().featureTodos(f1.id())).hasValueSatisfying(p -> {
            assertThat(p.session()).isEqualTo(s1);
            assertThat(p.line()).isEqualTo("0/2 · now: Writing one");
        });
        assertThat(ijoka.sessions().featureTodos(f2.id())).hasValueSatisfying(p -> {
            assertThat(p.session()).isEqualTo(s2);
            assertThat(p.line()).isEqualTo("1/2 · now: Testing two");
        });
        assertThat(ijoka.sessions().featureTodos(project.id())).containsOnlyKeys(f1.id(), f2.id());
    }

    @Test
    public void singleItemsAreCreatedUpdatedAndDeletedByTheirIds() {
        SessionId s = session("s1");
        Feature f = feature("Tasks");
        ijoka.features().start(f.id(), s);

        ijoka.sessions().changeTodos(s, new TodoChange.Upsert("1", "Explore the code", "Exploring the code", null));
        ijoka.sessions().changeTodos(s, new TodoChange.Upsert("2", "Write the fix", null, null));
        AgentPlan plan = ijoka.sessions().changeTodos(s, new TodoChange.Upsert("1", null, null, I));
        assertThat(plan.items()).containsExactly(new AgentTodo("1", "Explore the code", "Exploring the code", I),
                new AgentTodo("2", "Write the fix", null, P));
        assertThat(plan.line()).isEqualTo("0/2 · now: Exploring the code");

        plan = ijoka.sessions().changeTodos(s, new TodoChange.Upsert("9", null, null, C));
        assertThat(plan.item("9")).as("an update of an item never seen names it as Claude Code does")
                .contains(new AgentTodo("9", "Task #9", null, C));
        plan = ijoka.sessions().changeTodos(s, new TodoChange.Remove("2"));
        assertThat(plan.items()).extracting(AgentTodo::id).containsExactly("1", "9");
    }

    @Test
    public void listsPastTheLimitAreRefusedAndChangeNothing() {
        SessionId s = session("s1");
        ijoka.sessions().changeTodos(s, list(item("Keep me", P)));
        long before = lastSequence();
        List<TodoChange.Item> tooMany = IntStream.range(0, Limits.MAX_TODOS + 1).mapToObj(i -> item("Item " + i, P)).toList();

        assertThatThrownBy(() -> new TodoChange.Replace(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(Limits.MAX_TODOS));
        List<TodoChange.Item> full = IntStream.range(0, Limits.MAX_TODOS).mapToObj(i -> item("Item " + i, P)).toList();
        ijoka.sessions().changeTodos(s, new TodoChange.Replace(full));
        long atLimit = lastSequence();
        assertThatThrownBy(() -> ijoka.sessions().changeTodos(s, new TodoChange.Upsert("x", "One more", null, P)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit is " + Limits.MAX_TODOS);
        assertThat(lastSequence()).isEqualTo(atLimit);
        assertThat(atLimit).isGreaterThan(before);
        assertThatThrownBy(() -> new TodoChange.Item("x".repeat(Limits.MAX_TODO + 1), null, P))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(Limits.MAX_TODO));
        assertThatThrownBy(() -> ijoka.sessions().changeTodos(SessionId.of("nobody"), list()))
                .isInstanceOf(NotFoundException.class);
    }
}
