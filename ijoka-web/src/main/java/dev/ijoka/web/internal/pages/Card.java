package dev.ijoka.web.internal.pages;

import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Feature;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a Kanban card, a Table row or a graph list item shows of a feature. Plain getters, since the
 * templates' expression language (OGNL) reads properties through them.
 */
public final class Card {

    private final Feature feature;
    private final @Nullable String holder;
    private final @Nullable AgentPlan todos;

    Card(Feature feature, Map<String, String> agents) {
        this(feature, agents, null);
    }

    /** @param todos the agent's own todo list on the feature, if it has one */
    Card(Feature feature, Map<String, String> agents, @Nullable AgentPlan todos) {
        this.feature = feature;
        this.todos = todos == null || todos.items().isEmpty() ? null : todos;
        this.holder = feature.claim() == null ? null
                : agents.getOrDefault(feature.claim().session().value(), feature.claim().session().value());
    }

    public String getId() {
        return feature.id().value();
    }

    public String getRef() {
        return feature.ref();
    }

    public int getNumber() {
        return feature.number();
    }

    public String getDescription() {
        return feature.description();
    }

    public String getCategory() {
        return feature.category().wireName();
    }

    public String getKind() {
        return feature.kind().wireName();
    }

    public String getStatus() {
        return feature.status().wireName();
    }

    public int getPriority() {
        return feature.priority();
    }

    public long getStepsDone() {
        return feature.stepsDone();
    }

    public int getStepsTotal() {
        return feature.steps().size();
    }

    public long getVersion() {
        return feature.version();
    }

    public @Nullable String getBlockReason() {
        return feature.blockReason();
    }

    /** The agent holding the claim, if any. */
    public @Nullable String getHolder() {
        return holder;
    }

    /** When the claim's lease ends (ISO-8601), if there is a claim. */
    public @Nullable String getLeaseUntil() {
        return feature.claim() == null ? null : feature.claim().leaseUntil().toString();
    }

    /** How far the agent is through its own todo list, {@code 3/7}; null without a list. Not the steps. */
    public @Nullable String getTodoProgress() {
        return todos == null ? null : todos.done() + "/" + todos.total();
    }

    /** What the agent does now (its item in progress, in its activeForm); null when nothing is in progress. */
    public @Nullable String getTodoNow() {
        return todos == null ? null : todos.now().orElse(null);
    }

    public String getUpdatedAt() {
        return feature.updatedAt().toString();
    }
}
