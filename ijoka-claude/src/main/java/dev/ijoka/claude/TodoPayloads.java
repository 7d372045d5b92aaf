package dev.ijoka.claude;

import dev.ijoka.domain.Limits;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.event.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the change to the agent's own todo list that a hook event carries, if it carries one. The shapes,
 * and where each comes from (samples in the tests' {@code todo-payloads} resources):
 *
 * <ul>
 *   <li>{@code PostToolUse} of {@code TodoWrite}: {@code tool_input.todos}, the whole list,
 *       {@code [{"content", "status": "pending"|"in_progress"|"completed", "activeForm"}]} (Claude Code's
 *       tool description; https://code.claude.com/docs/en/hooks shows PostToolUse's {@code tool_input});
 *   <li>{@code PostToolUse} of {@code TaskCreate}: {@code tool_input.subject}, {@code activeForm}. The new
 *       task's id is in the response, whose shape is not documented: read leniently from
 *       {@code tool_response.task.id}, {@code tool_response.id}, {@code tool_response.taskId}, or a text
 *       response {@code "Task #3 created successfully: …"};
 *   <li>{@code PostToolUse} of {@code TaskUpdate}: {@code tool_input.taskId}, and any of {@code status}
 *       ({@code "deleted"} removes it), {@code subject}, {@code activeForm}; not documented either, read
 *       leniently ({@code task_id} too). A response that says it failed changes nothing;
 *   <li>the hook events {@code TaskCreated} and {@code TaskCompleted}: {@code task_id},
 *       {@code task_subject} (https://code.claude.com/docs/en/hooks#taskcreated, #taskcompleted).
 * </ul>
 *
 * Text longer than {@link Limits#MAX_TODO} is shortened, as a prompt is; anything else that does not fit
 * (a list longer than {@link Limits#MAX_TODOS}, an item without content, a status Claude Code does not
 * send) is refused with an {@link IllegalArgumentException}, which the hook logs and otherwise ignores.
 */
final class TodoPayloads {

    /** The tools whose use changes the list; {@code ijoka init}'s PostToolUse hook (matcher {@code *}) sees them all. */
    static final List<String> TOOLS = List.of("TodoWrite", "TaskCreate", "TaskUpdate");

    private static final Pattern TASK_NUMBER = Pattern.compile("Task #(\\S+?)[:\\s]");

    private TodoPayloads() {}

    /**
     * The change a {@code PostToolUse} of one of {@link #TOOLS} makes; empty for other tools and for a
     * use that failed.
     *
     * @throws IllegalArgumentException if the payload is not what the tool sends
     */
    static Optional<TodoChange> afterToolUse(JsonNode payload) {
        String tool = text(payload, "tool_name");
        if (tool == null || !TOOLS.contains(tool)) {
            return Optional.empty();
        }
        JsonNode response = payload.path("tool_response");
        if (HookHandler.outcome(response) == ToolOutcome.FAILED) {
            return Optional.empty();
        }
        JsonNode input = payload.path("tool_input");
        if (!input.isObject()) {
            throw refused(tool, "tool_input is not an object");
        }
        return Optional.of(switch (tool) {
            case "TodoWrite" -> written(input.path("todos"));
            case "TaskCreate" -> new TodoChange.Upsert(createdId(response).orElseThrow(
                    () -> refused(tool, "its tool_response names no task id")),
                    required(input, "subject", tool), clip(text(input, "activeForm")), null);
            default -> updated(input, tool);
        });
    }

    /** The change of a {@code TaskCreated} or {@code TaskCompleted} hook event. */
    static TodoChange taskEvent(JsonNode payload, boolean completed) {
        String event = completed ? "TaskCompleted" : "TaskCreated";
        String id = required(payload, "task_id", event);
        return new TodoChange.Upsert(id, clip(text(payload, "task_subject")), null, completed ? TodoStatus.COMPLETED : null);
    }

    private static TodoChange written(JsonNode todos) {
        if (!todos.isArray()) {
            throw refused("TodoWrite", "tool_input.todos is not a list");
        }
        if (todos.size() > Limits.MAX_TODOS) {
            throw refused("TodoWrite", "the list has " + todos.size() + " items; the limit is " + Limits.MAX_TODOS);
        }
        List<TodoChange.Item> items = new ArrayList<>();
        for (JsonNode todo : todos) {
            if (!todo.isObject()) {
                throw refused("TodoWrite", "an item of tool_input.todos is not an object");
            }
            items.add(new TodoChange.Item(required(todo, "content", "TodoWrite"), clip(text(todo, "activeForm")),
                    status(required(todo, "status", "TodoWrite"), "TodoWrite")));
        }
        return new TodoChange.Replace(items);
    }

    private static TodoChange updated(JsonNode input, String tool) {
        String id = text(input, "taskId") != null ? text(input, "taskId") : text(input, "task_id");
        if (id == null || id.isBlank()) {
            throw refused(tool, "tool_input has no taskId");
        }
        String status = text(input, "status");
        if ("deleted".equals(status)) {
            return new TodoChange.Remove(id);
        }
        return new TodoChange.Upsert(id, clip(text(input, "subject")), clip(text(input, "activeForm")),
                status == null ? null : status(status, tool));
    }

    /** The id of the task a {@code TaskCreate} made, wherever its response says it. */
    static Optional<String> createdId(JsonNode response) {
        for (JsonNode candidate : List.of(response.path("task").path("id"), response.path("id"), response.path("taskId"))) {
            if (candidate.isString() && !candidate.stringValue().isBlank()) {
                return Optional.of(candidate.stringValue());
            }
            if (candidate.isIntegralNumber()) {
                return Optional.of(candidate.asString());
            }
        }
        if (response.isString()) {
            Matcher m = TASK_NUMBER.matcher(response.stringValue() + " ");
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static TodoStatus status(String text, String tool) {
        try {
            return TodoStatus.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw refused(tool, e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw refused(what, "\"" + field + "\" is missing or blank");
        }
        return clip(value);
    }

    private static @Nullable String clip(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.length() <= Limits.MAX_TODO ? s : s.substring(0, Limits.MAX_TODO - 1) + "…";
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isString() ? n.stringValue() : n.isIntegralNumber() ? n.asString() : null;
    }

    private static IllegalArgumentException refused(String what, String why) {
        return new IllegalArgumentException(what + ": " + why + "; the agent's todo list was left as it was");
    }
}
