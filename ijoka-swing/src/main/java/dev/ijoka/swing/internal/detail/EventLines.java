package dev.ijoka.swing.internal.detail;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventSummary;
import dev.ijoka.swing.internal.ui.PlainText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** One line of a feature's history: when, what, and what it says in the words every face uses ({@link EventSummary}). */
final class EventLines {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private EventLines() {}

    /**
     * @param ref a feature's {@code #number}, or its id when it no longer exists
     * @param who a session's agent, or its id when unknown
     */
    static String line(Event e, Function<FeatureId, String> ref, Function<SessionId, String> who) {
        String what = e.type().wireName().replace('_', ' ');
        String words = EventSummary.of(e.payload(), ref, who);
        return WHEN.format(e.at()) + "  " + what + (words.isBlank() ? "" : ": " + PlainText.excerpt(words, 100));
    }
}
