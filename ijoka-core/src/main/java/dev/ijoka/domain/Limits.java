package dev.ijoka.domain;

/**
 * Size bounds on text the engine accepts. They keep one careless agent from filling the store or an
 * MCP answer; every front end reports a breach with the limit it broke.
 */
public final class Limits {

    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_DETAILS = 64_000;
    public static final int MAX_STEP = 1_000;
    public static final int MAX_STEPS = 200;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_INSIGHT = 8_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 64;
    public static final int MAX_NAME = 200;
    public static final int MAX_RULE_TEXT = 4_000;
    /** An item of an agent's own todo list ({@link AgentTodo}). */
    public static final int MAX_TODO = 1_000;
    /** Items in an agent's own todo list ({@link AgentPlan}). */
    public static final int MAX_TODOS = 100;

    private Limits() {}

    /** @throws IllegalArgumentException naming the field and the limit */
    public static String checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length()
                    + " characters long; the limit is " + max + ": shorten it");
        }
        return value;
    }

    /** @throws IllegalArgumentException if the value is blank, naming the field */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return checkLength(field, value.strip(), max);
    }
}
