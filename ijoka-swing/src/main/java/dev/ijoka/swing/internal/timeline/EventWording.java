package dev.ijoka.swing.internal.timeline;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventSummary;
import dev.ijoka.event.EventType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * What an event says, as the Timeline shows it: its label, icon and time here; its line from the core's
 * {@link EventSummary}, which every face words events with (features by their {@code #number}, sessions by their
 * agent, never bare UUIDs where a name is known). Plain text only.
 */
final class EventWording {

    /** How much of a prompt, commit message or reason a line shows. */
    static final int SUMMARY_LENGTH = 240;

    static final DateTimeFormatter CLOCK = EventSummary.CLOCK;

    private final Function<FeatureId, String> ref;
    private final Function<SessionId, String> who;

    /**
     * @param ref a feature's {@code #number}, or its id when it no longer exists
     * @param who a session's agent, or its id when unknown
     */
    EventWording(Function<FeatureId, String> ref, Function<SessionId, String> who) {
        this.ref = ref;
        this.who = who;
    }

    /** {@code feature started}. */
    static String label(EventType type) {
        return type.wireName().replace('_', ' ');
    }

    /** The line's text after its label, clipped to one line. */
    String summary(EventPayload payload) {
        return clip(words(payload));
    }

    private String words(EventPayload payload) {
        return EventSummary.of(payload, ref, who);
    }

    /** One line: newlines of prompts and commit messages become spaces; long text ends with an ellipsis. */
    static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SUMMARY_LENGTH ? flat : flat.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** A glyph per type, as the web's Timeline draws them, so a long log can be scanned by shape. */
    static String icon(EventType type) {
        return switch (type.wireName()) {
            case "feature_created" -> "+"; // the web's full-width plus has no glyph in many desktop fonts
            case "feature_updated" -> "✎";
            case "feature_started" -> "▶";
            case "feature_completed" -> "✔";
            case "feature_blocked" -> "⊘";
            case "feature_unblocked" -> "⇥";
            case "feature_reopened" -> "↺";
            case "step_checked" -> "☑";
            case "dependency_added" -> "⇢";
            case "dependency_removed" -> "✂";
            case "claim_taken", "claim_renewed", "claim_taken_over" -> "⚑";
            case "claim_expired", "claim_released" -> "⚐";
            case "insight_recorded" -> "✦";
            case "rule_added", "rule_toggled" -> "⚖";
            case "rule_triggered" -> "⚠";
            case "rule_violated" -> "✖";
            case "session_started" -> "◉";
            case "session_ended", "agent_stopped" -> "◼";
            case "prompt_submitted" -> "✉";
            case "tool_used" -> "⚙";
            case "commit_made" -> "⊙";
            default -> "•";
        };
    }

    static String time(Instant at) {
        return CLOCK.format(at);
    }
}
