package dev.ijoka.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of event in the log, with the payload record that carries it. */
public enum EventType {
    PROJECT_REGISTERED(EventPayload.ProjectRegistered.class),
    FEATURE_CREATED(EventPayload.FeatureCreated.class),
    FEATURE_UPDATED(EventPayload.FeatureUpdated.class),
    FEATURE_STARTED(EventPayload.FeatureStarted.class),
    FEATURE_COMPLETED(EventPayload.FeatureCompleted.class),
    FEATURE_BLOCKED(EventPayload.FeatureBlocked.class),
    FEATURE_UNBLOCKED(EventPayload.FeatureUnblocked.class),
    FEATURE_REOPENED(EventPayload.FeatureReopened.class),
    STEP_CHECKED(EventPayload.StepChecked.class),
    DEPENDENCY_ADDED(EventPayload.DependencyAdded.class),
    DEPENDENCY_REMOVED(EventPayload.DependencyRemoved.class),
    CLAIM_TAKEN(EventPayload.ClaimTaken.class),
    CLAIM_RENEWED(EventPayload.ClaimRenewed.class),
    CLAIM_EXPIRED(EventPayload.ClaimExpired.class),
    CLAIM_TAKEN_OVER(EventPayload.ClaimTakenOver.class),
    CLAIM_RELEASED(EventPayload.ClaimReleased.class),
    INSIGHT_RECORDED(EventPayload.InsightRecorded.class),
    RULE_ADDED(EventPayload.RuleAdded.class),
    RULE_TOGGLED(EventPayload.RuleToggled.class),
    RULE_TRIGGERED(EventPayload.RuleTriggered.class),
    RULE_VIOLATED(EventPayload.RuleViolated.class),
    SESSION_STARTED(EventPayload.SessionStarted.class),
    SESSION_ENDED(EventPayload.SessionEnded.class),
    PROMPT_SUBMITTED(EventPayload.PromptSubmitted.class),
    TOOL_USED(EventPayload.ToolUsed.class),
    COMMIT_MADE(EventPayload.CommitMade.class),
    HEAD_REWRITTEN(EventPayload.HeadRewritten.class),
    AGENT_STOPPED(EventPayload.AgentStopped.class),
    TODO_ADDED(EventPayload.TodoAdded.class),
    TODO_CHANGED(EventPayload.TodoChanged.class),
    TODO_REMOVED(EventPayload.TodoRemoved.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final Class<? extends EventPayload> payloadType;

    EventType(Class<? extends EventPayload> payloadType) {
        this.payloadType = payloadType;
    }

    /** The record class of this type's payload: what a store deserializes the stored JSON into. */
    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The lower-case name stored in the log and shown on the wire: {@code feature_started}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromWire(String text) {
        EventType type = BY_WIRE_NAME.get(text.strip().toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown event type '" + text + "': use one of "
                    + String.join(", ", BY_WIRE_NAME.keySet().stream().sorted().toList()));
        }
        return type;
    }
}
