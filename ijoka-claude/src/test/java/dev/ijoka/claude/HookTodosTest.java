package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.ReplayAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claude Code's own todo list ({@code TodoWrite}, the Task tools and the {@code TaskCreated} /
 * {@code TaskCompleted} events), mirrored by the hook onto the feature its session holds, from the
 * payloads Claude Code sends (resources {@code todo-payloads/}, whose README says where each shape
 * comes from), on a real SQLite store.
 */
class HookTodosTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private Ijoka engine;
    private HookHandler handler;
    private Project project;

    @BeforeEach
    void setUp() {
        engine = Ijoka.builder().store("jdbc:sqlite:" + dir.resolve("ijoka.db")).build();
        handler = new HookHandler(engine, Map.of(), Path.of("/nowhere"));
        project = engine.projects().open(dir);
    }

    @AfterEach
    void tearDown() {
        try {
            ReplayAssertions.assertStoredStateEqualsReplay(engine);
        } finally {
            engine.close();
        }
    }

    private ObjectNode sample(String name, String session) {
        try (InputStream in = HookTodosTest.class.getResourceAsStream("todo-payloads/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("SESSION", session).replace("\"CWD\"", JSON.writeValueAsString(dir.toString()));
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<String> hook(String sample, String session) {
        return handler.handle(sample(sample, session));
    }

    /** A session that holds a feature, as {@code ijoka mcp} leaves it after {@code ijoka_start_feature}. */
    private Feature claimed(String session, String description) {
        engine.sessions().start(project.id(), SessionId.of(session), HookHandler.AGENT);
        Feature f = engine.features().create(project.id(), NewFeature.of(description, Category.FUNCTIONAL).withSteps("It migrates"));
        engine.features().start(f.id(), SessionId.of(session));
        return f;
    }

    private AgentPlan planOf(Feature f) {
        return engine.sessions().featureTodos(f.id()).orElseThrow();
    }

    private List<EventType> todoEventsAfter(long sequence) {
        return engine.events().after(sequence, 1000).stream().map(Event::type)
                .filter(t -> t.wireName().startsWith("todo_")).toList();
    }

    @Test
    void aTodoWriteListIsCreatedOnTheClaimedFeatureAndItsItemsMoveOn() {
        Feature f = claimed("s1", "Schema V4");

        assertThat(hook("todowrite-created", "s1")).as("nothing for the agent's context").isEmpty();
        assertThat(planOf(f).line()).isEqualTo("0/3 · now: Writing the V4 migration");
        assertThat(planOf(f).items()).extracting(AgentTodo::status)
                .containsExactly(TodoStatus.IN_PROGRESS, TodoStatus.PENDING, TodoStatus.PENDING);

        long before = engine.events().lastSequence();
        hook("todowrite-progress", "s1");
        assertThat(planOf(f).line()).isEqualTo("1/3 · now: Running the migration tests");
        assertThat(todoEventsAfter(before)).containsExactly(EventType.TODO_CHANGED, EventType.TODO_CHANGED);
        assertThat(engine.events().after(before, 100)).extracting(Event::type).contains(EventType.TOOL_USED);
        assertThat(engine.features().get(f.id()).steps()).as("the feature's own steps are untouched")
                .singleElement().satisfies(s -> assertThat(s.done()).isFalse());
    }

    @Test
    void aReplacedListDropsWhatIsGoneAndTheSameListTwiceAppendsNothing() {
        Feature f = claimed("s1", "Schema V4");
        hook("todowrite-created", "s1");
        hook("todowrite-progress", "s1");

        long before = engine.events().lastSequence();
        hook("todowrite-replaced", "s1");
        assertThat(planOf(f).items()).extracting(AgentTodo::content)
                .containsExactly("Write the V4 migration", "Fix the PostgreSQL index");
        assertThat(planOf(f).line()).isEqualTo("1/2 · now: Fixing the PostgreSQL index");
        assertThat(todoEventsAfter(before)).containsExactlyInAnyOrder(EventType.TODO_REMOVED, EventType.TODO_REMOVED,
                EventType.TODO_ADDED);

        long again = engine.events().lastSequence();
        hook("todowrite-replaced", "s1");
        assertThat(todoEventsAfter(again)).as("an unchanged list appends no todo event").isEmpty();
    }

    @Test
    void theTaskToolsAndTaskEventsUpdateSingleItems() {
        Feature f = claimed("s1", "Tasks");

        hook("taskcreate-object-response", "s1");
        hook("taskcreate-text-response", "s1");
        hook("task-created", "s1");
        assertThat(planOf(f).items()).containsExactly(
                new AgentTodo("1", "Explore the store code", "Exploring the store code", TodoStatus.PENDING),
                new AgentTodo("2", "Write the fix", "Writing the fix", TodoStatus.PENDING),
                new AgentTodo("3", "Run the migration tests", null, TodoStatus.PENDING));

        hook("taskupdate-in-progress", "s1");
        assertThat(planOf(f).line()).isEqualTo("0/3 · now: Exploring the store code");
        hook("task-completed", "s1");
        hook("taskupdate-deleted", "s1");
        assertThat(planOf(f).items()).extracting(AgentTodo::id, AgentTodo::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", TodoStatus.COMPLETED), org.assertj.core.groups.Tuple.tuple("3", TodoStatus.PENDING));
        assertThat(planOf(f).line()).isEqualTo("1/2");

        long before = engine.events().lastSequence();
        hook("task-completed", "s1");
        assertThat(todoEventsAfter(before)).as("completed twice: one change").isEmpty();
    }

    @Test
    void aSessionWithoutAClaimKeepsItsListOnTheSession() {
        hook("todowrite-created", "lonely");

        AgentPlan plan = engine.sessions().todos(SessionId.of("lonely")).orElseThrow();
        assertThat(plan.feature()).isNull();
        assertThat(plan.line()).isEqualTo("0/3 · now: Writing the V4 migration");
        assertThat(engine.sessions().featureTodos(project.id())).isEmpty();
    }

    @Test
    void twoSessionsOnTwoFeaturesKeepTwoLists() {
        Feature one = claimed("s1", "One");
        Feature two = claimed("s2", "Two");

        hook("todowrite-created", "s1");
        hook("todowrite-replaced", "s2");

        assertThat(planOf(one).session()).isEqualTo(SessionId.of("s1"));
        assertThat(planOf(one).line()).isEqualTo("0/3 · now: Writing the V4 migration");
        assertThat(planOf(two).session()).isEqualTo(SessionId.of("s2"));
        assertThat(planOf(two).line()).isEqualTo("1/2 · now: Fixing the PostgreSQL index");
    }

    @Test
    void aSubagentsOwnListIsNotTheSessions() {
        Feature f = claimed("s1", "Main");
        hook("todowrite-created", "s1");
        ObjectNode sub = sample("todowrite-replaced", "s1");
        sub.put("agent_id", "agent-7");
        sub.put("agent_type", "Explore");

        handler.handle(sub);

        assertThat(planOf(f).total()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed-todos-not-a-list", "malformed-item-without-content", "malformed-unknown-status",
            "malformed-update-without-id", "malformed-task-event-without-id"})
    void malformedPayloadsAreRefusedAndChangeNoList(String sample) {
        Feature f = claimed("s1", "Guarded");
        hook("todowrite-created", "s1");
        AgentPlan before = planOf(f);
        long sequence = engine.events().lastSequence();

        assertThatThrownBy(() -> hook(sample, "s1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("todo list was left as it was");

        assertThat(planOf(f)).isEqualTo(before);
        assertThat(todoEventsAfter(sequence)).isEmpty();
    }

    @Test
    void aListPastTheLimitIsRefusedAndTooLongTextIsShortened() {
        Feature f = claimed("s1", "Bounded");
        ObjectNode tooMany = sample("todowrite-created", "s1");
        ArrayNode todos = ((ObjectNode) tooMany.path("tool_input")).putArray("todos");
        for (int i = 0; i <= Limits.MAX_TODOS; i++) {
            todos.addObject().put("content", "Item " + i).put("status", "pending");
        }
        assertThatThrownBy(() -> handler.handle(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is " + Limits.MAX_TODOS);
        assertThat(engine.sessions().featureTodos(f.id())).isEmpty();

        ObjectNode long_ = sample("todowrite-created", "s1");
        ((ObjectNode) long_.path("tool_input").path("todos").get(0)).put("activeForm", "x".repeat(5_000));
        handler.handle(long_);
        assertThat(planOf(f).now()).hasValueSatisfying(n -> assertThat(n).hasSize(Limits.MAX_TODO).endsWith("…"));
    }

    @Test
    void aFailedTaskUpdateChangesNothing() {
        Feature f = claimed("s1", "Failed");
        hook("taskcreate-object-response", "s1");
        ObjectNode failed = sample("taskupdate-in-progress", "s1");
        failed.putObject("tool_response").put("success", false).put("error", "Task not found");

        handler.handle(failed);

        assertThat(planOf(f).current()).isEmpty();
    }

    @Test
    void theTaskIdOfATaskCreateIsReadFromEveryResponseShapeSeen() {
        for (String response : List.of("{\"task\":{\"id\":\"4\",\"subject\":\"x\"}}", "{\"id\":4}", "{\"taskId\":\"4\"}",
                "\"Task #4 created successfully: x\"")) {
            JsonNode node = JSON.readTree(response);
            assertThat(TodoPayloads.createdId(node)).as(response).contains("4");
        }
        assertThat(TodoPayloads.createdId(JSON.readTree("{\"ok\":true}"))).isEmpty();
    }
}
