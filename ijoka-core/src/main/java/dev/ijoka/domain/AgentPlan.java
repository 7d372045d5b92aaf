package dev.ijoka.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent session's own todo list, kept against the feature the session held when it wrote it, or
 * against the session alone when it held none. What a person watching sees on the feature's card:
 * how far the agent is through its list and what it is doing now.
 *
 * @param feature the feature the list belongs to; null for a session that held no feature
 * @param items the items in the agent's order, at most {@link Limits#MAX_TODOS}
 * @param updatedAt when the list last changed
 */
public record AgentPlan(ProjectId project, SessionId session, @Nullable FeatureId feature, List<AgentTodo> items,
        Instant updatedAt) {

    public AgentPlan {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(session, "session");
        items = List.copyOf(items);
        if (items.size() > Limits.MAX_TODOS) {
            throw new IllegalArgumentException("a todo list has " + items.size() + " items; the limit is "
                    + Limits.MAX_TODOS + ": shorten it");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** How many items are completed. */
    public int done() {
        return (int) items.stream().filter(i -> i.status() == TodoStatus.COMPLETED).count();
    }

    public int total() {
        return items.size();
    }

    /** The item in progress (the first, should the agent mark several). */
    public Optional<AgentTodo> current() {
        return items.stream().filter(i -> i.status() == TodoStatus.IN_PROGRESS).findFirst();
    }

    /** The "now" line: the item in progress, in its {@code activeForm}; empty when nothing is in progress. */
    public Optional<String> now() {
        return current().map(AgentTodo::doing);
    }

    /** {@code 3/7 · now: Running the migration tests}, or {@code 3/7} when nothing is in progress. */
    public String line() {
        return done() + "/" + total() + now().map(n -> " · now: " + n).orElse("");
    }

    public Optional<AgentTodo> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The same list as changed at {@code at}. */
    public AgentPlan with(List<AgentTodo> changed, Instant at) {
        return new AgentPlan(project, session, feature, changed, at);
    }

    /** An empty list of a session, for a feature or none. */
    public static AgentPlan empty(ProjectId project, SessionId session, @Nullable FeatureId feature, Instant at) {
        return new AgentPlan(project, session, feature, List.of(), at);
    }
}
