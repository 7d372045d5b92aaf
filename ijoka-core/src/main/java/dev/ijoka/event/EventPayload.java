package dev.ijoka.event;

import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Decision;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an event says, one record per {@link EventType}. Payloads that change state carry everything
 * a replay needs to rebuild that state ({@link Replay}); the others carry what the timeline shows.
 */
public sealed interface EventPayload {

    EventType type();

    // --- projects ---------------------------------------------------------------------------

    record ProjectRegistered(Project project) implements EventPayload {
        @Override public EventType type() { return EventType.PROJECT_REGISTERED; }
    }

    // --- features ---------------------------------------------------------------------------

    /** The whole feature as created. */
    record FeatureCreated(Feature feature) implements EventPayload {
        @Override public EventType type() { return EventType.FEATURE_CREATED; }
    }

    /** The fields that changed (others are null). */
    record FeatureUpdated(FeatureUpdate changes) implements EventPayload {
        @Override public EventType type() { return EventType.FEATURE_UPDATED; }
    }

    record FeatureStarted() implements EventPayload {
        @Override public EventType type() { return EventType.FEATURE_STARTED; }
    }

    record FeatureCompleted() implements EventPayload {
        @Override public EventType type() { return EventType.FEATURE_COMPLETED; }
    }

    /** @param blockingFeature the feature named as the cause, which also became a dependency */
    record FeatureBlocked(String reason, @Nullable FeatureId blockingFeature) implements EventPayload {
        public FeatureBlocked { Objects.requireNonNull(reason, "reason"); }
        @Override public EventType type() { return EventType.FEATURE_BLOCKED; }
    }

    record FeatureUnblocked() implements EventPayload {
        @Override public EventType type() { return EventType.FEATURE_UNBLOCKED; }
    }

    record FeatureReopened(String reason) implements EventPayload {
        public FeatureReopened { Objects.requireNonNull(reason, "reason"); }
        @Override public EventType type() { return EventType.FEATURE_REOPENED; }
    }

    record StepChecked(int index, String text, boolean done) implements EventPayload {
        @Override public EventType type() { return EventType.STEP_CHECKED; }
    }

    // --- dependencies -----------------------------------------------------------------------

    record DependencyAdded(FeatureId dependent, FeatureId dependency, DependencyKind kind) implements EventPayload {
        @Override public EventType type() { return EventType.DEPENDENCY_ADDED; }
    }

    record DependencyRemoved(FeatureId dependent, FeatureId dependency) implements EventPayload {
        @Override public EventType type() { return EventType.DEPENDENCY_REMOVED; }
    }

    // --- claims -----------------------------------------------------------------------------

    record ClaimTaken(Claim claim) implements EventPayload {
        @Override public EventType type() { return EventType.CLAIM_TAKEN; }
    }

    record ClaimRenewed(SessionId session, Instant leaseUntil) implements EventPayload {
        @Override public EventType type() { return EventType.CLAIM_RENEWED; }
    }

    /** A lease lapsed; the feature stays in progress, unclaimed, until someone takes it. */
    record ClaimExpired(SessionId previousHolder, Instant leaseUntil) implements EventPayload {
        @Override public EventType type() { return EventType.CLAIM_EXPIRED; }
    }

    record ClaimTakenOver(SessionId previousHolder, Claim claim) implements EventPayload {
        @Override public EventType type() { return EventType.CLAIM_TAKEN_OVER; }
    }

    /** The holder let go: it completed or blocked the feature, or its session ended. */
    record ClaimReleased(SessionId session, String why) implements EventPayload {
        @Override public EventType type() { return EventType.CLAIM_RELEASED; }
    }

    // --- insights and rules -----------------------------------------------------------------

    record InsightRecorded(Insight insight) implements EventPayload {
        @Override public EventType type() { return EventType.INSIGHT_RECORDED; }
    }

    record RuleAdded(Rule rule) implements EventPayload {
        @Override public EventType type() { return EventType.RULE_ADDED; }
    }

    record RuleToggled(RuleId rule, boolean enabled) implements EventPayload {
        @Override public EventType type() { return EventType.RULE_TOGGLED; }
    }

    /** A rule applied and let the command through, saying {@code message}. */
    record RuleTriggered(RuleId rule, String ruleKind, String command, String message) implements EventPayload {
        @Override public EventType type() { return EventType.RULE_TRIGGERED; }
    }

    /** A rule refused a command. */
    record RuleViolated(RuleId rule, String ruleKind, String command, String message) implements EventPayload {
        @Override public EventType type() { return EventType.RULE_VIOLATED; }

        static RuleViolated of(Decision.Deny deny, String ruleKind, String command) {
            return new RuleViolated(deny.rule(), ruleKind, command, deny.message());
        }
    }

    // --- an agent's own todo list ------------------------------------------------------------

    /**
     * A change to an agent session's own todo list ({@link dev.ijoka.domain.AgentPlan}), recorded with the
     * session and the feature the list belongs to (none when the session held none). Only changes are
     * logged: a list written again unchanged appends nothing. {@link TodoLists#apply} is what each does.
     */
    sealed interface TodoEvent extends EventPayload {}

    /** @param position where the item went in the list (0 first; past the end means at the end) */
    record TodoAdded(AgentTodo item, int position) implements TodoEvent {
        public TodoAdded { Objects.requireNonNull(item, "item"); }
        @Override public EventType type() { return EventType.TODO_ADDED; }
    }

    /** The item as it is now: its status, or its wording, changed. */
    record TodoChanged(AgentTodo item) implements TodoEvent {
        public TodoChanged { Objects.requireNonNull(item, "item"); }
        @Override public EventType type() { return EventType.TODO_CHANGED; }
    }

    /** @param content what the item said, for the timeline */
    record TodoRemoved(String id, String content) implements TodoEvent {
        public TodoRemoved {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
        @Override public EventType type() { return EventType.TODO_REMOVED; }
    }

    // --- sessions and agent activity --------------------------------------------------------

    /** What an agent did, reported by hooks: recorded against the session's current feature. */
    sealed interface Activity extends EventPayload {}

    record SessionStarted(String agent) implements EventPayload {
        @Override public EventType type() { return EventType.SESSION_STARTED; }
    }

    record SessionEnded(String reason) implements EventPayload {
        @Override public EventType type() { return EventType.SESSION_ENDED; }
    }

    record PromptSubmitted(String prompt) implements Activity {
        @Override public EventType type() { return EventType.PROMPT_SUBMITTED; }
    }

    /**
     * A tool the agent ran.
     *
     * @param success whether it worked: {@link ToolOutcome#UNKNOWN} when the hook could not tell
     */
    record ToolUsed(String tool, List<String> files, ToolOutcome success) implements Activity {
        public ToolUsed {
            files = List.copyOf(files);
            Objects.requireNonNull(success, "success");
        }

        /** A tool use whose outcome is known. */
        public ToolUsed(String tool, List<String> files, boolean success) {
            this(tool, files, ToolOutcome.of(success));
        }

        @Override public EventType type() { return EventType.TOOL_USED; }
    }

    /**
     * A commit that the session's repository gained, as git tells it.
     *
     * @param author {@code Name <email>} from git, or {@code null} when not known (events written before it was kept)
     */
    record CommitMade(String sha, String message, @Nullable String author) implements Activity {
        public CommitMade(String sha, String message) {
            this(sha, message, null);
        }

        @Override public EventType type() { return EventType.COMMIT_MADE; }
    }

    /**
     * The session's repository HEAD moved to a commit that does not descend from the one it saw before
     * (an amend, a rebase, a reset, another branch checked out): what was there was replaced, not added to.
     *
     * @param from the HEAD the session saw before
     * @param to the HEAD now
     * @param subject the subject of {@code to}'s commit message
     */
    record HeadRewritten(String from, String to, String subject) implements Activity {
        @Override public EventType type() { return EventType.HEAD_REWRITTEN; }
    }

    /** @param kind what stopped: {@code stop}, {@code subagent_stop} or {@code pre_compact} */
    record AgentStopped(String kind) implements Activity {
        @Override public EventType type() { return EventType.AGENT_STOPPED; }
    }
}
