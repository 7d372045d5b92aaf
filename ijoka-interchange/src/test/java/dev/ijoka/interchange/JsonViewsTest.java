package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.PayloadSamples;
import dev.ijoka.store.contract.TestData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every event's payload maps to JSON through Jackson, in the wire convention, with its values in their views. */
class JsonViewsTest {

    private static final Instant NOW = TestData.T0;

    private final Project project = TestData.project("shop");
    private final FeatureId feature = TestData.featureId();
    private final FeatureId other = TestData.featureId();
    private final SessionId session = SessionId.of("s-1");
    private final JsonViews.Context context = JsonViews.Context.of(NOW, Map.of(), Map.of("s-1", "claude-code"));

    @Test
    void everyPayloadOfEveryTypeIsWrittenInTheWireConvention() {
        PayloadSamples samples = new PayloadSamples(project, feature, other, session);
        for (EventType type : EventType.values()) {
            for (EventPayload payload : samples.of(type)) {
                Event e = TestData.event(project.id(), feature, session, NOW, payload);
                Map<String, Object> json = JsonViews.event(e, context);

                assertThat(json.get("type")).isEqualTo(type.wireName());
                assertThat(json.get("feature")).isEqualTo(feature.value());
                assertThat(json.get("at")).isEqualTo(NOW.toString());
                assertThat(json.get("payload")).as("%s", type).isInstanceOf(Map.class);
                assertWire(json.get("payload"), type.wireName());
                assertThat(JsonMapper.builder().build().writeValueAsString(json)).isNotBlank();
            }
        }
    }

    @Test
    void anAgentsTodoListShowsItsProgressItsNowLineAndItsItemsInTheWireConvention() {
        dev.ijoka.domain.AgentPlan plan = new dev.ijoka.domain.AgentPlan(project.id(), session, null, List.of(
                new dev.ijoka.domain.AgentTodo("todo-1", "Write it", null, dev.ijoka.domain.TodoStatus.COMPLETED),
                new dev.ijoka.domain.AgentTodo("2", "Run the tests", "Running the tests", dev.ijoka.domain.TodoStatus.IN_PROGRESS)),
                NOW);

        Map<String, Object> json = JsonViews.agentTodos(plan, context);

        assertThat(json).containsEntry("session", "s-1").containsEntry("agent", "claude-code").containsEntry("done", 1)
                .containsEntry("total", 2).containsEntry("now", "Running the tests").containsEntry("feature", null)
                .containsEntry("updatedAt", NOW.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json.get("items");
        assertThat(items.get(0)).containsExactly(Map.entry("id", "todo-1"), Map.entry("content", "Write it"),
                new java.util.AbstractMap.SimpleEntry<>("activeForm", null), Map.entry("status", "completed"));
        assertThat(items.get(1)).containsEntry("activeForm", "Running the tests").containsEntry("status", "in_progress");
        assertThat(JsonViews.agentTodoSummary(plan, context)).doesNotContainKey("items").containsEntry("total", 2);
    }

    @Test
    void valuesInAPayloadAreInTheirViews() {
        PayloadSamples samples = new PayloadSamples(project, feature, other, session);

        @SuppressWarnings("unchecked")
        Map<String, Object> created = (Map<String, Object>) payload(samples.of(EventType.FEATURE_CREATED).getLast()).get("feature");
        assertThat(created.keySet()).containsExactlyElementsOf(JsonViews.feature(
                ((EventPayload.FeatureCreated) samples.of(EventType.FEATURE_CREATED).getLast()).feature(), context).keySet());

        Map<?, ?> claim = (Map<?, ?>) payload(samples.of(EventType.CLAIM_TAKEN).getFirst()).get("claim");
        assertThat(claim.get("agent")).isEqualTo("claude-code");
        assertThat(claim.get("live")).as("judged by the context's clock").isEqualTo(true);

        Map<String, Object> added = payload(samples.of(EventType.DEPENDENCY_ADDED).getFirst());
        assertThat(added).containsEntry("dependent", feature.value()).containsEntry("dependency", other.value())
                .containsEntry("kind", "blocks");
        assertThat(payload(samples.of(EventType.FEATURE_BLOCKED).getFirst())).doesNotContainKey("blockingFeature");
    }

    private Map<String, Object> payload(EventPayload p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) JsonViews.event(TestData.event(project.id(), feature, session, NOW, p),
                context).get("payload");
        return out;
    }

    /** No id written as {@code {"value": ...}}, no enum in capitals, no time as a number. */
    private static void assertWire(Object v, String where) {
        switch (v) {
            case Map<?, ?> m -> {
                assertThat(m.keySet()).as("%s: an id is a string, not an object", where).isNotEqualTo(java.util.Set.of("value"));
                m.forEach((k, x) -> {
                    assertThat((String) k).as("%s: camelCase names", where).doesNotContain("_");
                    assertWire(x, where + "." + k);
                });
            }
            case List<?> l -> l.forEach(x -> assertWire(x, where + "[]"));
            case String s -> assertThat(s.matches("[A-Z][A-Z_]+") && s.length() > 2).as("%s: %s is not an enum constant", where, s).isFalse();
            case null, default -> { }
        }
    }
}
