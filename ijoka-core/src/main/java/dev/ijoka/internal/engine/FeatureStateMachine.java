package dev.ijoka.internal.engine;

import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import java.util.List;

/**
 * The feature state machine as a pure function. Both switches are exhaustive, so a new status or
 * command does not compile until every case says what it does.
 *
 * <pre>
 * start     pending, in_progress(*) → in_progress     (*) taking over or renewing a claim
 * complete  in_progress            → complete
 * block     pending, in_progress   → blocked
 * unblock   blocked                → pending
 * reopen    complete               → pending
 * </pre>
 */
final class FeatureStateMachine {

    private FeatureStateMachine() {}

    /** @throws IllegalTransitionException saying where the feature is and what it allows */
    static Status target(Feature feature, FeatureCommand command) {
        Status from = feature.status();
        boolean allowed = switch (command) {
            case FeatureCommand.Start c -> from == Status.PENDING || from == Status.IN_PROGRESS;
            case FeatureCommand.Complete c -> from == Status.IN_PROGRESS;
            case FeatureCommand.Block c -> from == Status.PENDING || from == Status.IN_PROGRESS;
            case FeatureCommand.Unblock c -> from == Status.BLOCKED;
            case FeatureCommand.Reopen c -> from == Status.COMPLETE;
        };
        if (!allowed) {
            throw refusal(feature, command.verb());
        }
        return switch (command) {
            case FeatureCommand.Start c -> Status.IN_PROGRESS;
            case FeatureCommand.Complete c -> Status.COMPLETE;
            case FeatureCommand.Block c -> Status.BLOCKED;
            case FeatureCommand.Unblock c -> Status.PENDING;
            case FeatureCommand.Reopen c -> Status.PENDING;
        };
    }

    /** The commands a feature in this status accepts. */
    static List<String> allowedFrom(Status status) {
        return switch (status) {
            case PENDING -> List.of("start", "block");
            case IN_PROGRESS -> List.of("complete", "block");
            case BLOCKED -> List.of("unblock");
            case COMPLETE -> List.of("reopen");
        };
    }

    static IllegalTransitionException refusal(Feature feature, String verb) {
        String state = feature.status().wireName()
                + (feature.status() == Status.BLOCKED && feature.blockReason() != null
                        ? " (" + feature.blockReason() + ")" : "");
        return new IllegalTransitionException("cannot " + verb + " " + feature.ref() + ": it is " + state
                + ". From " + feature.status().wireName() + " you can " + String.join(" or ", allowedFrom(feature.status())) + ".");
    }
}
