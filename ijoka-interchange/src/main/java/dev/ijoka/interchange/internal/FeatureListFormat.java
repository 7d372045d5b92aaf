package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's {@code feature_list.json}, as its long-running-agent harness writes it: an array of
 * {@code {"category", "description", "steps": [...], "passes": false}}. It has no ids, no priorities
 * and no dependencies: file order is the plan's order, so features are numbered in file order with
 * priority 0 (ties go to the lower number), and {@code passes: true} means complete, every step done.
 */
public final class FeatureListFormat {

    private FeatureListFormat() {}

    public static List<SourceItem> read(Json root, Report report) {
        List<Json> entries;
        if (root instanceof Json.Arr a) {
            entries = a.items();
        } else if (root instanceof Json.Obj o && o.get("features") instanceof Json.Arr a) {
            entries = a.items();
        } else {
            report.problem("line " + root.line(), "a feature_list.json is an array of features, "
                    + "[{\"category\": \"functional\", \"description\": \"...\", \"steps\": [\"...\"], \"passes\": false}], "
                    + "but this file holds " + root.kind());
            return List.of();
        }
        List<SourceItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Json e = entries.get(i);
            String where = "feature " + (i + 1) + " (line " + e.line() + ")";
            if (!(e instanceof Json.Obj o)) {
                report.problem(where, "must be an object with a description, but is " + e.kind());
                continue;
            }
            Fields f = new Fields(o, where, report);
            String description = f.string("description", true);
            Category category = Categories.map(f.string("category", false), where, report);
            boolean passes = f.bool("passes", false);
            List<Step> steps = Items.steps(f.strings("steps"), passes, where, report);
            if (description == null) {
                continue;
            }
            NewFeature feature = Items.feature(where, report, description, null, category, Kind.FEATURE, 0, steps);
            if (feature != null) {
                items.add(new SourceItem(String.valueOf(i + 1), where, feature, passes ? Status.COMPLETE : Status.PENDING,
                        null, null, List.of()));
            }
        }
        return items;
    }

    /** The features in plan order (priority, then number), as the harness expects them. */
    public static List<Map<String, Object>> write(List<Feature> features) {
        List<Map<String, Object>> out = new ArrayList<>(features.size());
        for (Feature f : ExportData.inRankOrder(features)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("category", f.category().wireName());
            e.put("description", f.description());
            e.put("steps", f.steps().stream().map(Step::text).toList());
            e.put("passes", f.status() == Status.COMPLETE);
            out.add(e);
        }
        return out;
    }
}
