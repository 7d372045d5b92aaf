package dev.ijoka.swing.internal.ui;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import java.awt.Component;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The state-machine commands a person runs from the window (Board drops, the detail panel's buttons), as the
 * web board runs them: as a person (no session), from the version shown, asking a reason to block or reopen.
 * A refusal is the engine's message, told to the person; nothing else changes.
 */
public final class FeatureActions {

    /** The verbs, in the order the detail panel shows them. */
    public static final List<String> VERBS = List.of("start", "complete", "block", "unblock", "reopen");

    private final Ijoka ijoka;
    private final Executor storeExecutor;
    private final Consumer<String> tell;
    private final ReasonPrompt prompt;

    public FeatureActions(Ijoka ijoka, Executor storeExecutor, Consumer<String> tell, ReasonPrompt prompt) {
        this.ijoka = ijoka;
        this.storeExecutor = storeExecutor;
        this.tell = tell;
        this.prompt = prompt;
    }

    /** The command that moves a feature between two columns of the board, as the web board maps them. */
    public static Optional<String> verbFor(Status from, Status to) {
        return Optional.ofNullable(switch (to) {
            case IN_PROGRESS -> "start";
            case COMPLETE -> "complete";
            case BLOCKED -> "block";
            case PENDING -> from == Status.BLOCKED ? "unblock" : from == Status.COMPLETE ? "reopen" : null;
        });
    }

    /**
     * The commands the state machine allows from a status, in the order the detail panel shows them: what the
     * engine's refusal names as allowed. ({@code start} on a feature in progress is a session's re-claim, nothing a
     * person asks for, so it is not offered.)
     */
    public static List<String> allowed(Status status) {
        return switch (status) {
            case PENDING -> List.of("start", "block");
            case IN_PROGRESS -> List.of("complete", "block");
            case BLOCKED -> List.of("unblock");
            case COMPLETE -> List.of("reopen");
        };
    }

    /** Whether the verb is offered for a feature in this status ({@link #allowed}). */
    public static boolean applies(String verb, Status status) {
        return allowed(status).contains(verb);
    }

    /** The status a verb leads to: the column a card moves to. */
    public static Status target(String verb) {
        return switch (verb) {
            case "start" -> Status.IN_PROGRESS;
            case "complete" -> Status.COMPLETE;
            case "block" -> Status.BLOCKED;
            case "unblock", "reopen" -> Status.PENDING;
            default -> throw new IllegalArgumentException("no command " + verb);
        };
    }

    /** "Start", "Block…": a button's text. */
    public static String label(String verb) {
        String name = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
        return verb.equals("block") || verb.equals("reopen") ? name + "…" : name;
    }

    /**
     * Runs {@code verb} on the feature as shown. Called on the event-dispatch thread; {@code after} is called
     * there too, with whether the engine took the command (false when refused or when the person cancelled).
     */
    public void run(Component parent, Feature feature, String verb, Consumer<Boolean> after) {
        @Nullable String reason = null;
        if (verb.equals("block") || verb.equals("reopen")) {
            reason = prompt.ask(parent, (verb.equals("block") ? "Block " : "Reopen ") + feature.ref() + ": why?");
            if (reason == null) {
                after.accept(false);
                return;
            }
            if (reason.isBlank()) {
                tell.accept("A reason is required to " + verb + " " + feature.ref() + ": say what is wrong.");
                after.accept(false);
                return;
            }
        }
        FeatureCommand command = command(verb, feature, reason);
        Background.run(storeExecutor, () -> ijoka.features().apply(command),
                transition -> {
                    if (!transition.warnings().isEmpty()) {
                        tell.accept(String.join("\n", transition.warnings()));
                    }
                    after.accept(true);
                },
                error -> {
                    tell.accept(feature.ref() + ": " + Background.message(error));
                    after.accept(false);
                });
    }

    private static FeatureCommand command(String verb, Feature f, @Nullable String reason) {
        Long expected = f.version();
        return switch (verb) {
            case "start" -> new FeatureCommand.Start(f.id(), null, expected);
            case "complete" -> new FeatureCommand.Complete(f.id(), null, expected);
            case "block" -> new FeatureCommand.Block(f.id(), null, reason == null ? "" : reason, null, expected);
            case "unblock" -> new FeatureCommand.Unblock(f.id(), null, expected);
            case "reopen" -> new FeatureCommand.Reopen(f.id(), null, reason == null ? "" : reason, expected);
            default -> throw new IllegalArgumentException("no command " + verb);
        };
    }
}
