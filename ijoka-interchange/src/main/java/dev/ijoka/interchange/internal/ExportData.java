package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything an exporter writes about one project, read once.
 *
 * @param features every feature, by number
 * @param agents the agents of the project's sessions, by session id
 */
public record ExportData(Project project, List<Feature> features, List<Dependency> dependencies, List<Insight> insights,
        List<Rule> rules, Progress progress, Map<String, String> agents, Instant exportedAt) {

    /** The plan's order: priority descending, then number. */
    public static final Comparator<Feature> RANK =
            Comparator.comparingInt(Feature::priority).reversed().thenComparingInt(Feature::number);

    public ExportData {
        features = features.stream().sorted(Comparator.comparingInt(Feature::number)).toList();
        dependencies = List.copyOf(dependencies);
        insights = List.copyOf(insights);
        rules = List.copyOf(rules);
        agents = Map.copyOf(agents);
    }

    public Map<FeatureId, Feature> byId() {
        return features.stream().collect(Collectors.toMap(Feature::id, Function.identity()));
    }

    /** Each feature's outgoing edges (what it depends on), in the order of the dependency targets' numbers. */
    public Map<FeatureId, List<Dependency>> dependenciesByDependent() {
        Map<FeatureId, Feature> byId = byId();
        Map<FeatureId, List<Dependency>> out = new HashMap<>();
        for (Dependency d : dependencies) {
            out.computeIfAbsent(d.dependent(), k -> new java.util.ArrayList<>()).add(d);
        }
        out.values().forEach(list -> list.sort(Comparator.comparingInt(
                (Dependency d) -> byId.containsKey(d.dependency()) ? byId.get(d.dependency()).number() : Integer.MAX_VALUE)));
        return out;
    }

    static List<Feature> inRankOrder(List<Feature> features) {
        return features.stream().sorted(RANK).toList();
    }
}
