package dev.ijoka.swing.internal.notify;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which events the user hears of, and how they are said. Four, as the engine records them:
 * <ul>
 *   <li>{@link EventType#FEATURE_COMPLETED} and {@link EventType#FEATURE_BLOCKED};</li>
 *   <li>{@link EventType#CLAIM_EXPIRED}: the engine's record of a session gone stale (quiet until its lease on a
 *       feature ran out); a session's staleness by itself is computed from its last activity and is no event;</li>
 *   <li>{@link EventType#RULE_VIOLATED}: a rule denied an agent's command.</li>
 * </ul>
 */
final class Notices {

    /** The event types that make a notification. */
    static final Set<EventType> TYPES = Set.of(EventType.FEATURE_COMPLETED, EventType.FEATURE_BLOCKED,
            EventType.CLAIM_EXPIRED, EventType.RULE_VIOLATED);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private Notices() {}

    /** The notice for an event, reading the feature and project it names; empty for events the user is not told of. */
    static Optional<Notice> of(Ijoka ijoka, Event event) {
        if (!TYPES.contains(event.type())) {
            return Optional.empty();
        }
        ProjectId projectId = event.project();
        String project = projectId == null ? "all projects"
                : ijoka.projects().list().stream().filter(p -> p.id().equals(projectId)).map(Project::name)
                        .findFirst().orElse("project " + projectId);
        FeatureId featureId = event.feature();
        @Nullable Feature feature = featureId == null ? null : ijoka.features().find(featureId).orElse(null);
        String named = feature == null ? (featureId == null ? "" : "feature " + featureId)
                : feature.ref() + " " + quoted(feature.description());
        return Optional.ofNullable(switch (event.payload()) {
            case EventPayload.FeatureCompleted c -> new Notice(
                    feature == null ? "A feature completed" : "Feature " + feature.ref() + " complete",
                    named + " in " + project + " is complete.", projectId, featureId);
            case EventPayload.FeatureBlocked b -> new Notice(
                    feature == null ? "A feature was blocked" : "Feature " + feature.ref() + " blocked",
                    named + " in " + project + " is blocked: " + b.reason(), projectId, featureId);
            case EventPayload.ClaimExpired x -> new Notice(
                    feature == null ? "A session went stale" : "Session went stale on " + feature.ref(),
                    "Session " + x.previousHolder().value() + " went quiet and its lease on " + named + " in " + project
                            + " ran out at " + TIME.format(x.leaseUntil())
                            + ". The feature is still in progress, free for another session to take.",
                    projectId, featureId);
            case EventPayload.RuleViolated r -> new Notice(
                    "A rule denied an agent",
                    "The “" + r.ruleKind().replace('_', ' ') + "” rule refused to " + r.command()
                            + (named.isEmpty() ? "" : " " + named)
                            + " in " + project + ": " + r.message(), projectId, featureId);
            default -> null;
        });
    }

    /** What a summary says about notices held while paused. */
    static Notice heldSummary(List<Notice> held, int beyond) {
        if (held.size() == 1 && beyond == 0) {
            return held.getFirst();
        }
        int total = held.size() + beyond;
        StringBuilder body = new StringBuilder();
        int shown = Math.min(5, held.size());
        for (int i = 0; i < shown; i++) {
            body.append(held.get(i).summary()).append('\n');
        }
        if (total > shown) {
            body.append("and ").append(total - shown).append(" more; the window's timeline has them all.");
        }
        return new Notice(total + " things happened while notifications were paused", body.toString().strip(),
                null, null);
    }

    private static String quoted(String text) {
        return "“" + text + "”";
    }
}
