package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.web.internal.api.RuleActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Rules page's model: every rule with its counters and latest decision, and the latest decisions. */
final class RulesView {

    /** How many recent decisions the page lists. */
    static final int RECENT = 20;

    private RulesView() {}

    static void fill(Ijoka ijoka, Project p, Map<String, Object> m) {
        RuleActivity activity = RuleActivity.of(ijoka, p.id());
        Map<String, Event> last = activity.lastByRule();
        // Project rules before global ones, oldest first within each: the order they were added in.
        List<Rule> rules = ijoka.rules().list(p.id()).stream()
                .sorted(Comparator.comparing(Rule::isGlobal).thenComparing(Rule::createdAt)).toList();
        m.put("rules", rules.stream().map(r -> RuleActivity.rule(r, last)).toList());
        Map<String, String> described = new LinkedHashMap<>();
        rules.forEach(r -> described.put(r.id().value(), r.spec().describe()));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (Event e : activity.latest(RECENT)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("outcome", e.type() == EventType.RULE_VIOLATED ? "violated" : "triggered");
            d.put("at", e.at().toString());
            d.put("rule", described.getOrDefault(RuleActivity.ruleOf(e), "a removed rule"));
            d.put("command", RuleActivity.command(e));
            d.put("message", RuleActivity.message(e));
            Feature f = e.feature() == null ? null : ijoka.features().find(e.feature()).orElse(null);
            d.put("featureId", f == null ? null : f.id().value());
            d.put("featureRef", f == null ? null : f.ref());
            recent.add(d);
        }
        m.put("decisions", recent);
    }
}
