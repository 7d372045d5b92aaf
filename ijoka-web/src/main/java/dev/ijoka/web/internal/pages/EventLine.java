package dev.ijoka.web.internal.pages;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventGlyph;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventSummary;
import dev.ijoka.interchange.JsonViews;
import dev.ijoka.web.internal.http.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One line of the Timeline: what happened, to which feature, in words a person reads at a glance,
 * with the raw payload kept for whoever wants the detail. Every string here is plain text that the
 * template escapes; nothing is markup. Plain getters, since the templates' OGNL reads properties
 * through them.
 */
public final class EventLine {

    /** How much of a prompt, commit message or reason a line shows; the full payload is one click away. */
    static final int SUMMARY_LENGTH = 240;

    static final DateTimeFormatter CLOCK = EventSummary.CLOCK;

    private final Event event;
    private final @Nullable Feature feature;
    private final String summary;
    private final JsonViews.Context context;

    EventLine(Event event, Function<FeatureId, @Nullable Feature> features, Map<String, String> agents, Instant now) {
        this.event = event;
        this.context = new JsonViews.Context(now, features, agents::get);
        this.feature = event.feature() == null ? null : features.apply(event.feature());
        this.summary = clip(summary(event.payload(), features, agents));
    }

    public long getSequence() {
        return event.sequence();
    }

    public String getType() {
        return event.type().wireName();
    }

    /** {@code feature started}. */
    public String getLabel() {
        return event.type().wireName().replace('_', ' ');
    }

    /** The family the type belongs to (status, step, dependency, claim, rule, session, activity, other): what colours its icon. */
    public String getFamily() {
        return family(event.type().wireName());
    }

    public String getIcon() {
        return EventGlyph.of(event.type());
    }

    public @Nullable String getFeatureId() {
        return event.feature() == null ? null : event.feature().value();
    }

    /** {@code #12}, or the bare id of a feature that no longer exists in the plan. */
    public @Nullable String getFeatureRef() {
        if (event.feature() == null) {
            return null;
        }
        return feature == null ? event.feature().value() : feature.ref();
    }

    public @Nullable String getFeatureDescription() {
        return feature == null ? null : feature.description();
    }

    public @Nullable String getSession() {
        return event.session() == null ? null : event.session().value();
    }

    public String getAt() {
        return event.at().toString();
    }

    /** {@code 2026-02-03 10:15:02 UTC}; the page's script shows it in the reader's time zone. */
    public String getClock() {
        return CLOCK.format(event.at());
    }

    public String getSummary() {
        return summary;
    }

    /** The whole payload as compact JSON, for the line's "details". */
    public String getPayload() {
        Object value = JsonViews.event(event, context).get("payload");
        return value == null ? "{}" : Json.text(value);
    }

    private static String summary(EventPayload payload, Function<FeatureId, @Nullable Feature> features,
            Map<String, String> agents) {
        return EventSummary.of(payload, id -> {
            Feature f = features.apply(id);
            return f == null ? id.value() : f.ref();
        }, s -> agents.getOrDefault(s.value(), s.value()));
    }

    /** One line: newlines of prompts and commit messages become spaces; long text ends with an ellipsis. */
    static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SUMMARY_LENGTH ? flat : flat.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    static String family(String type) {
        if (type.startsWith("feature_")) {
            return "status";
        }
        if (type.startsWith("step_")) {
            return "step";
        }
        if (type.startsWith("dependency_")) {
            return "dependency";
        }
        if (type.startsWith("claim_")) {
            return "claim";
        }
        if (type.startsWith("rule_")) {
            return "rule";
        }
        if (type.startsWith("session_") || type.equals("agent_stopped")) {
            return "session";
        }
        if (type.equals("prompt_submitted") || type.equals("tool_used") || type.equals("commit_made")) {
            return "activity";
        }
        return "other";
    }

    /** The time this line happened, for the session header's span. */
    Instant at() {
        return event.at();
    }
}
