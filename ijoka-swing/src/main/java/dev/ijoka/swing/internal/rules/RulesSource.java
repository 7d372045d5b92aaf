package dev.ijoka.swing.internal.rules;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the Rules view shows, with the engine calls the web's Rules page makes: the rules (project ones
 * before global ones, each in the order added) and what they decided lately, from the log's
 * {@code rule_triggered} and {@code rule_violated} events. Call off the event-dispatch thread.
 */
final class RulesSource {

    /** How many recent decisions the view lists, as the web's page does. */
    static final int RECENT = 20;

    /** One decision of a rule. */
    record Decision(boolean violated, Instant at, String rule, String command, String message, @Nullable FeatureId feature,
            @Nullable String featureRef) {}

    /** A rule and its latest decision in this project, if any. */
    record Row(Rule rule, @Nullable Decision last) {}

    record Snapshot(List<Row> rules, List<Decision> recent) {}

    private final Ijoka ijoka;

    RulesSource(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    Snapshot read(ProjectId project) {
        List<Rule> rules = ijoka.rules().list(project).stream()
                .sorted(Comparator.comparing(Rule::isGlobal).thenComparing(Rule::createdAt)).toList();
        Map<String, String> described = new HashMap<>();
        rules.forEach(r -> described.put(r.id().value(), r.spec().describe()));
        List<Event> events = ijoka.events().query(EventQuery.latest(project, EventQuery.MAX_LIMIT)
                .ofTypes(Set.of(EventType.RULE_TRIGGERED, EventType.RULE_VIOLATED)));
        Map<FeatureId, Optional<Feature>> features = new HashMap<>();
        Map<String, Decision> last = new HashMap<>();
        List<Decision> recent = new ArrayList<>();
        for (Event e : events) { // newest first: the first seen of each rule is its latest
            String rule;
            String command;
            String message;
            switch (e.payload()) {
                case EventPayload.RuleTriggered t -> {
                    rule = t.rule().value();
                    command = t.command();
                    message = t.message();
                }
                case EventPayload.RuleViolated v -> {
                    rule = v.rule().value();
                    command = v.command();
                    message = v.message();
                }
                default -> {
                    continue;
                }
            }
            FeatureId fid = e.feature();
            Feature f = fid == null ? null : features.computeIfAbsent(fid, id -> ijoka.features().find(id)).orElse(null);
            Decision d = new Decision(e.type() == EventType.RULE_VIOLATED, e.at(), described.getOrDefault(rule, "a removed rule"),
                    command, message, f == null ? null : f.id(), f == null ? null : f.ref());
            last.putIfAbsent(rule, d);
            if (recent.size() < RECENT) {
                recent.add(d);
            }
        }
        return new Snapshot(rules.stream().map(r -> new Row(r, last.get(r.id().value()))).toList(), recent);
    }
}
