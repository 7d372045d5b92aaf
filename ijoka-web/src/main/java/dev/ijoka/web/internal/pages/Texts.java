package dev.ijoka.web.internal.pages;

import dev.ijoka.web.internal.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Formatting the templates call: {@code ${texts.ago(e.at)}}. Output is text, escaped by {@code th:text}. */
public final class Texts {

    private final InstantSource clock;

    /** @param clock the engine's clock ({@code Ijoka.clock()}), so "5 min ago" agrees with the engine's leases and states */
    public Texts(InstantSource clock) {
        this.clock = clock;
    }

    /** A value as compact JSON (an event's payload in the timeline). */
    public String json(@Nullable Object value) {
        return value == null ? "" : Json.text(value);
    }

    /** {@code 5 min ago}, {@code in 20 min}, from an ISO-8601 instant. */
    public String ago(@Nullable String isoInstant) {
        if (isoInstant == null) {
            return "";
        }
        try {
            Duration d = Duration.between(Instant.parse(isoInstant), clock.instant());
            boolean future = d.isNegative();
            long s = Math.abs(d.getSeconds());
            String amount = s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s < 86_400 ? s / 3600 + " h" : s / 86_400 + " d";
            return future ? "in " + amount : amount + " ago";
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** {@code in_progress} as people read it: {@code in progress}. */
    public String words(@Nullable String wireName) {
        return wireName == null ? "" : wireName.replace('_', ' ');
    }
}
