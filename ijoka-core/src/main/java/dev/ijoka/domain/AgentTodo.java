package dev.ijoka.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One item of an agent's own todo list (Claude Code's {@code TodoWrite} list, or its Task tools' tasks).
 * Not a step of a feature: steps are the acceptance checklist people and {@code ijoka_check_step} keep;
 * this is what the agent plans to do, in its own words.
 *
 * @param id the item's id in its list: Claude Code's task id, or one the engine gives a {@code TodoWrite} item
 * @param content what is to be done ("Run the migration tests")
 * @param activeForm the same, as it reads while it is being done ("Running the migration tests"); null when not given
 * @param status where it stands
 */
public record AgentTodo(String id, String content, @Nullable String activeForm, TodoStatus status) {

    public AgentTodo {
        id = Limits.requireText("todo id", id, Limits.MAX_NAME);
        content = Limits.requireText("todo content", content, Limits.MAX_TODO);
        activeForm = activeForm == null || activeForm.isBlank() ? null
                : Limits.checkLength("todo activeForm", activeForm.strip(), Limits.MAX_TODO);
        Objects.requireNonNull(status, "status");
    }

    /** How the item reads while it is in progress: its {@code activeForm}, else its content. */
    public String doing() {
        return activeForm != null ? activeForm : content;
    }

    public AgentTodo withStatus(TodoStatus to) {
        return new AgentTodo(id, content, activeForm, to);
    }
}
