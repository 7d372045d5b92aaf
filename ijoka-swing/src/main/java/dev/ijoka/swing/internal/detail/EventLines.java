package dev.ijoka.swing.internal.detail;

import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.swing.internal.ui.PlainText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line of a feature's history: when, what, and the words that came with it (a reason, a step, a commit). */
final class EventLines {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private EventLines() {}

    static String line(Event e) {
        String what = e.type().wireName().replace('_', ' ');
        String words = switch (e.payload()) {
            case EventPayload.FeatureBlocked b -> b.reason();
            case EventPayload.FeatureReopened r -> r.reason();
            case EventPayload.StepChecked s -> (s.done() ? "done: " : "undone: ") + s.text();
            case EventPayload.CommitMade c -> c.sha().substring(0, Math.min(8, c.sha().length())) + " " + c.message();
            case EventPayload.ToolUsed t -> t.tool();
            case EventPayload.RuleViolated v -> v.message();
            case EventPayload.RuleTriggered t -> t.message();
            case EventPayload.ClaimReleased r -> r.why();
            default -> "";
        };
        return WHEN.format(e.at()) + "  " + what + (words.isBlank() ? "" : ": " + PlainText.excerpt(words, 100));
    }
}
