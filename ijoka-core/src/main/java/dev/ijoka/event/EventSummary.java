package dev.ijoka.event;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.SessionId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an event says, in one line a person reads: {@code #2 depends on #1 (blocks)}, not two ids. Every face
 * that lists events (the dashboard's timeline and detail panel, the desktop app, the JSON views) words them
 * here, so they agree. Plain text, never markup: the caller escapes it for wherever it goes.
 */
public final class EventSummary {

    /** How times inside a summary read: {@code 2026-02-03 10:15:02 UTC}. */
    public static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private EventSummary() {}

    private static String todoStatus(dev.ijoka.domain.TodoStatus status) {
        return switch (status) {
            case PENDING -> "";
            case IN_PROGRESS -> " (in progress)";
            case COMPLETED -> " (completed)";
        };
    }

    /**
     * @param payload what happened
     * @param ref a feature's ref as people know it ({@code #12}); the bare id for one that no longer exists
     * @param who a session as people know it (its agent's name); the bare id when unknown
     * @return the line, possibly empty when the event's type says it all ({@code feature started})
     */
    public static String of(EventPayload payload, Function<FeatureId, String> ref, Function<SessionId, String> who) {
        Function<@Nullable FeatureId, String> refOrEmpty = id -> id == null ? "" : ref.apply(id);
        return switch (payload) {
            case EventPayload.ProjectRegistered e -> "project " + e.project().name() + " at " + e.project().root();
            case EventPayload.FeatureCreated e -> e.feature().description() + " (" + e.feature().category().wireName()
                    + ", " + e.feature().status().wireName().replace('_', ' ') + ")";
            case EventPayload.FeatureUpdated e -> changed(e.changes(), refOrEmpty);
            case EventPayload.FeatureStarted e -> "";
            case EventPayload.FeatureCompleted e -> "";
            case EventPayload.FeatureUnblocked e -> "";
            case EventPayload.FeatureBlocked e -> e.reason()
                    + (e.blockingFeature() == null ? "" : " (waits for " + ref.apply(e.blockingFeature()) + ")");
            case EventPayload.FeatureReopened e -> e.reason();
            case EventPayload.StepChecked e -> (e.done() ? "✓ " : "☐ ") + "step " + (e.index() + 1) + ": " + e.text();
            case EventPayload.DependencyAdded e -> ref.apply(e.dependent()) + " depends on " + ref.apply(e.dependency())
                    + " (" + e.kind().wireName() + ")";
            case EventPayload.DependencyRemoved e -> ref.apply(e.dependent()) + " no longer depends on "
                    + ref.apply(e.dependency());
            case EventPayload.ClaimTaken e -> "by " + who.apply(e.claim().session()) + ", lease until "
                    + CLOCK.format(e.claim().leaseUntil());
            case EventPayload.ClaimRenewed e -> "by " + who.apply(e.session()) + ", lease until " + CLOCK.format(e.leaseUntil());
            case EventPayload.ClaimExpired e -> "the lease of " + who.apply(e.previousHolder()) + " ran out at "
                    + CLOCK.format(e.leaseUntil());
            case EventPayload.ClaimTakenOver e -> "from " + who.apply(e.previousHolder()) + " by " + who.apply(e.claim().session());
            case EventPayload.ClaimReleased e -> who.apply(e.session()) + ": " + e.why();
            case EventPayload.InsightRecorded e -> e.insight().kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ": " + e.insight().text();
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
            // The type already says "todo added", "todo changed", "todo removed": the line says which item and how.
            case EventPayload.TodoAdded e -> e.item().content() + todoStatus(e.item().status());
            case EventPayload.TodoChanged e -> switch (e.item().status()) {
                case IN_PROGRESS -> "now: " + e.item().doing();
                case COMPLETED -> "✓ " + e.item().content();
                case PENDING -> e.item().content() + " (pending)";
            };
            case EventPayload.TodoRemoved e -> e.content();
        };
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }

    private static String changed(FeatureUpdate u, Function<@Nullable FeatureId, String> ref) {
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
            parts.add("parent: " + ref.apply(u.parent()));
        }
        return parts.isEmpty() ? "" : "changed " + String.join("; ", parts);
    }
}
