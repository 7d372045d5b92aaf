package dev.ijoka.event;

/**
 * A glyph per event type, so that a long log can be scanned by shape before it is read: the dashboard's timeline
 * and the desktop app's draw the same ones. Every type has its own case (no fallback), so a new type does not
 * compile until it has a glyph. Each is one character that the common desktop fonts (DejaVu, Noto, Segoe UI
 * Symbol) draw: a plain {@code +} rather than the full-width plus, which many of them lack.
 */
public final class EventGlyph {

    private EventGlyph() {}

    /** The glyph of {@code type}, e.g. {@code ▶} for {@code feature_started}. */
    public static String of(EventType type) {
        return switch (type) {
            case PROJECT_REGISTERED -> "⌂";
            case FEATURE_CREATED -> "+";
            case FEATURE_UPDATED -> "✎";
            case FEATURE_STARTED -> "▶";
            case FEATURE_COMPLETED -> "✔";
            case FEATURE_BLOCKED -> "⊘";
            case FEATURE_UNBLOCKED -> "⇥";
            case FEATURE_REOPENED -> "↺";
            case STEP_CHECKED -> "☑";
            case DEPENDENCY_ADDED -> "⇢";
            case DEPENDENCY_REMOVED -> "✂";
            case CLAIM_TAKEN, CLAIM_RENEWED, CLAIM_TAKEN_OVER -> "⚑";
            case CLAIM_EXPIRED, CLAIM_RELEASED -> "⚐";
            case INSIGHT_RECORDED -> "✦";
            case RULE_ADDED, RULE_TOGGLED -> "⚖";
            case RULE_TRIGGERED -> "⚠";
            case RULE_VIOLATED -> "✖";
            case SESSION_STARTED -> "◉";
            case SESSION_ENDED, AGENT_STOPPED -> "◼";
            case PROMPT_SUBMITTED -> "✉";
            case TOOL_USED -> "⚙";
            case COMMIT_MADE -> "⊙";
            case HEAD_REWRITTEN -> "↯";
            // The agent's own todo list: an empty box added, a half-filled circle changed, erased removed.
            case TODO_ADDED -> "☐";
            case TODO_CHANGED -> "◑";
            case TODO_REMOVED -> "⌫";
        };
    }
}
