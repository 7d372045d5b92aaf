package dev.ijoka.web.internal.pages;

import dev.ijoka.domain.Status;
import java.util.List;

/**
 * The state-machine commands the detail panel offers as buttons. Every command is shown; those the
 * state machine allows from the feature's status lead, the others are subdued but still answer with
 * the engine's own refusal (which says what is allowed), rather than hiding why nothing happens.
 */
final class PanelActions {

    private PanelActions() {}

    /** One button: the command's wire name, its label, and whether the status allows it. */
    record Action(String command, String label, boolean legal, boolean needsReason) {
        public String getCommand() {
            return command;
        }

        public String getLabel() {
            return label;
        }

        public boolean isLegal() {
            return legal;
        }

        public boolean isNeedsReason() {
            return needsReason;
        }
    }

    static List<Action> of(Status status) {
        // An exhaustive switch: a new status does not compile until the panel knows what it allows.
        List<String> legal = switch (status) {
            case PENDING -> List.of("start", "block");
            case IN_PROGRESS -> List.of("complete", "block");
            case BLOCKED -> List.of("unblock");
            case COMPLETE -> List.of("reopen");
        };
        return List.of(
                new Action("start", "Start", legal.contains("start"), false),
                new Action("complete", "Complete", legal.contains("complete"), false),
                new Action("block", "Block…", legal.contains("block"), true),
                new Action("unblock", "Unblock", legal.contains("unblock"), false),
                new Action("reopen", "Reopen…", legal.contains("reopen"), true));
    }
}
