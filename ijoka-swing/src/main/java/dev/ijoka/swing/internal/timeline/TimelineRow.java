package dev.ijoka.swing.internal.timeline;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.event.Event;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the Timeline's list: a session's header, or one event under it. */
sealed interface TimelineRow {

    /**
     * Consecutive events of one session (or of none: the command line, the dashboard, imports).
     *
     * @param agent the session's agent, {@code unknown agent} when the session is gone, {@code No session}
     * @param from the oldest of its events shown, {@code to} the newest
     */
    record Header(@Nullable String session, String agent, Instant from, Instant to) implements TimelineRow {}

    /**
     * One event, worded.
     *
     * @param agent who ran the event's session, for its group's header
     * @param featureRef {@code #12}, the bare id of a feature that no longer exists, or null when the event is about none
     */
    record Line(Event event, String agent, @Nullable String featureRef, @Nullable String featureDescription, String summary)
            implements TimelineRow {

        long sequence() {
            return event.sequence();
        }

        @Nullable String session() {
            return event.session() == null ? null : event.session().value();
        }

        @Nullable FeatureId feature() {
            return event.feature();
        }
    }
}
