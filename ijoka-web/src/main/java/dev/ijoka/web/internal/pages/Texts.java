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

    /**
     * An event's payload in a line a person reads: its fields as {@code name: value}, leaving out a
     * whole feature (a creation carries one; the panel shows the feature itself). The full JSON is
     * what {@link #json} gives, for a tooltip.
     */
    public String brief(@Nullable Object payload) {
        if (!(payload instanceof java.util.Map<?, ?> map)) {
            return json(payload);
        }
        StringBuilder out = new StringBuilder();
        for (var e : map.entrySet()) {
            if (e.getValue() == null || e.getValue() instanceof java.util.Map<?, ?>) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(" · ");
            }
            out.append(e.getKey()).append(": ").append(e.getValue() instanceof String s ? s : json(e.getValue()));
        }
        return out.toString();
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
