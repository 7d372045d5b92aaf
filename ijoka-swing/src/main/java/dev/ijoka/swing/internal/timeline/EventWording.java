package dev.ijoka.swing.internal.timeline;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an event says, in the words the web dashboard's Timeline uses (its {@code EventLine}): features by
 * their {@code #number}, sessions by their agent, never bare UUIDs where a name is known. Plain text only.
 * The web keeps the same wording in its own internals; when a third face needs it, it belongs in the core.
 */
final class EventWording {

    /** How much of a prompt, commit message or reason a line shows. */
    static final int SUMMARY_LENGTH = 240;

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

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

    private String ref(@Nullable FeatureId id) {
        return id == null ? "" : ref.apply(id);
    }

    private String words(EventPayload payload) {
        return switch (payload) {
            case EventPayload.ProjectRegistered e -> "project " + e.project().name() + " at " + e.project().root();
            case EventPayload.FeatureCreated e -> e.feature().description() + " (" + e.feature().category().wireName()
                    + ", " + e.feature().status().wireName().replace('_', ' ') + ")";
            case EventPayload.FeatureUpdated e -> changed(e.changes());
            case EventPayload.FeatureStarted e -> "";
            case EventPayload.FeatureCompleted e -> "";
            case EventPayload.FeatureUnblocked e -> "";
            case EventPayload.FeatureBlocked e -> e.reason()
                    + (e.blockingFeature() == null ? "" : " (waits for " + ref(e.blockingFeature()) + ")");
            case EventPayload.FeatureReopened e -> e.reason();
            case EventPayload.StepChecked e -> (e.done() ? "✓ " : "☐ ") + "step " + (e.index() + 1) + ": " + e.text();
            case EventPayload.DependencyAdded e -> ref(e.dependent()) + " depends on " + ref(e.dependency())
                    + " (" + e.kind().wireName() + ")";
            case EventPayload.DependencyRemoved e -> ref(e.dependent()) + " no longer depends on " + ref(e.dependency());
            case EventPayload.ClaimTaken e -> "by " + who.apply(e.claim().session()) + ", lease until "
                    + CLOCK.format(e.claim().leaseUntil());
            case EventPayload.ClaimRenewed e -> "by " + who.apply(e.session()) + ", lease until " + CLOCK.format(e.leaseUntil());
            case EventPayload.ClaimExpired e -> "the lease of " + who.apply(e.previousHolder()) + " ran out at "
                    + CLOCK.format(e.leaseUntil());
            case EventPayload.ClaimTakenOver e -> "from " + who.apply(e.previousHolder()) + " by " + who.apply(e.claim().session());
            case EventPayload.ClaimReleased e -> who.apply(e.session()) + ": " + e.why();
            case EventPayload.InsightRecorded e -> e.insight().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": " + e.insight().text();
            case EventPayload.RuleAdded e -> e.rule().spec().describe();
            case EventPayload.RuleToggled e -> (e.enabled() ? "enabled " : "disabled ") + e.rule().value();
            case EventPayload.RuleTriggered e -> e.command() + ": " + e.message();
            case EventPayload.RuleViolated e -> e.command() + " refused: " + e.message();
            case EventPayload.SessionStarted e -> e.agent();
            case EventPayload.SessionEnded e -> e.reason();
            case EventPayload.PromptSubmitted e -> e.prompt();
            case EventPayload.ToolUsed e -> e.tool() + (e.files().isEmpty() ? "" : " " + String.join(", ", e.files()))
                    + switch (e.success()) {
                        case SUCCEEDED -> "";
                        case FAILED -> " (failed)";
                        case UNKNOWN -> " (outcome unknown)";
                    };
            case EventPayload.CommitMade e -> shortSha(e.sha()) + " " + e.message()
                    + (e.author() == null ? "" : " (" + e.author() + ")");
            case EventPayload.HeadRewritten e -> "HEAD rewritten from " + shortSha(e.from()) + " to " + shortSha(e.to())
                    + " " + e.subject();
            case EventPayload.AgentStopped e -> e.kind();
        };
    }

    private String changed(FeatureUpdate u) {
        List<String> parts = new ArrayList<>();
        if (u.description() != null) {
            parts.add("description: " + u.description());
        }
        if (u.details() != null) {
            parts.add("details");
        }
        if (u.category() != null) {
            parts.add("category: " + u.category().wireName());
        }
        if (u.kind() != null) {
            parts.add("kind: " + u.kind().wireName());
        }
        if (u.priority() != null) {
            parts.add("priority: " + u.priority());
        }
        if (u.steps() != null) {
            parts.add(u.steps().size() + " steps");
        }
        if (u.parent() != null) {
            parts.add("parent: " + ref(u.parent()));
        }
        return parts.isEmpty() ? "" : "changed " + String.join("; ", parts);
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
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
