package dev.ijoka.swing.internal.timeline;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventGlyph;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventSummary;
import dev.ijoka.event.EventType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * What an event says, as the Timeline shows it: its label and time here; its glyph and its line from the core's
 * {@link EventGlyph} and {@link EventSummary}, which every face words events with (features by their {@code #number}, sessions by their
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

    /** The type's glyph, the same as the web's Timeline draws ({@link EventGlyph}). */
    static String icon(EventType type) {
        return EventGlyph.of(type);
    }

    static String time(Instant at) {
        return CLOCK.format(at);
    }
}
