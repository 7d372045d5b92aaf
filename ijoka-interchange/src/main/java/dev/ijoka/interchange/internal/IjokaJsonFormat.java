package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.interchange.JsonViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ijoka's own JSON: everything about a project's plan, for backups, moving a plan between stores,
 * and scripts. {@code {"format": "ijoka", "version": 1, "project": {...}, "progress": {...},
 * "features": [...], "insights": [...], "rules": [...]}}; each feature in its one view ({@link
 * JsonViews#feature}, its parent as a ref {@code "#3"}) with its dependencies, {@code [{"feature":
 * "#3", "kind": "blocks"}]}. Importing reads the features, their parents and dependencies (insights
 * and rules are not imported); a parent or dependency written as a bare number, as exports before
 * the refs were, reads the same.
 */
public final class IjokaJsonFormat {

    public static final String FORMAT = "ijoka";
    public static final int VERSION = 1;

    private IjokaJsonFormat() {}

    /** A feature's number from its ref ({@code "#3"} or {@code 3}). */
    private static @Nullable String number(@Nullable String ref) {
        return ref != null && ref.startsWith("#") ? ref.substring(1).strip() : ref;
    }

    /** Whether a parsed document is one of ours. */
    public static boolean isIjoka(Json root) {
        return root instanceof Json.Obj o && o.get("format") instanceof Json.Str s && FORMAT.equals(s.value());
    }

    public static List<SourceItem> read(Json root, Report report) {
        if (!(root instanceof Json.Obj o) || !isIjoka(root)) {
            report.problem("line " + root.line(), "an Ijoka export is an object with \"format\": \"ijoka\"");
            return List.of();
        }
        Fields top = new Fields(o, "line " + o.line(), report);
        int version = top.integer("version", VERSION, 1, Integer.MAX_VALUE);
        if (version > VERSION) {
            report.problem("line " + o.line(), "this file is format version " + version + "; this Ijoka reads up to version "
                    + VERSION + ": upgrade Ijoka");
            return List.of();
        }
        List<SourceItem> items = new ArrayList<>();
        List<Json> features = top.array("features");
        for (int i = 0; i < features.size(); i++) {
            Json e = features.get(i);
            String where = "feature " + (i + 1) + " (line " + e.line() + ")";
            if (!(e instanceof Json.Obj fo)) {
                report.problem(where, "must be an object, but is " + e.kind());
                continue;
            }
            Fields f = new Fields(fo, where, report);
            String id = f.id("number", true);
            String description = f.string("description", true);
            String details = f.string("details", false);
            Category category = wire(f.string("category", false), Category.FUNCTIONAL, Category::fromWire, where, report);
            Kind kind = wire(f.string("kind", false), Kind.FEATURE, Kind::fromWire, where, report);
            Status status = wire(f.string("status", false), Status.PENDING, Status::fromWire, where, report);
            int priority = f.integer("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
            String reason = f.string("blockReason", false);
            if (status == Status.BLOCKED && reason == null) {
                reason = "blocked (imported)";
            }
            if (status != Status.BLOCKED) {
                reason = null;
            }
            List<Step> steps = new ArrayList<>();
            for (Json s : f.array("steps")) {
                if (s instanceof Json.Obj so) {
                    Fields sf = new Fields(so, where, report);
                    String text = sf.string("text", true);
                    boolean done = sf.bool("done", false);
                    if (text != null) {
                        steps.addAll(Items.steps(List.of(text), done, where, report));
                    }
                } else {
                    report.problem(where, "each step must be an object {\"text\": ..., \"done\": false}, but line " + s.line()
                            + " has " + s.kind());
                }
            }
            Json parentValue = fo.get("parent");
            String parent = number(parentValue == null ? null : f.idValue(parentValue, "parent"));
            List<SourceItem.Edge> deps = new ArrayList<>();
            for (Json d : f.array("dependencies")) {
                if (d instanceof Json.Obj dobj) {
                    Fields df = new Fields(dobj, where, report);
                    String target = number(df.id("feature", true));
                    DependencyKind k = wire(df.string("kind", false), DependencyKind.BLOCKS, DependencyKind::fromWire, where, report);
                    if (target != null) {
                        deps.add(new SourceItem.Edge(target, k));
                    }
                } else {
                    report.problem(where, "each dependency must be an object {\"feature\": 3, \"kind\": \"blocks\"}, but line "
                            + d.line() + " has " + d.kind());
                }
            }
            if (id == null || description == null) {
                continue;
            }
            NewFeature feature = Items.feature(where, report, description, details, category, kind, priority, steps);
            if (feature != null) {
                items.add(new SourceItem(id, where, feature, status, reason, parent, deps));
            }
        }
        return items;
    }

    private static <T> T wire(@Nullable String raw, T fallback, java.util.function.Function<String, T> parse, String where,
            Report report) {
        if (raw == null) {
            return fallback;
        }
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            report.problem(where, e.getMessage());
            return fallback;
        }
    }

    public static Map<String, Object> write(ExportData data) {
        Map<FeatureId, Feature> byId = data.byId();
        Map<FeatureId, List<Dependency>> deps = data.dependenciesByDependent();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("exportedAt", data.exportedAt().toString());
        root.put("project", JsonViews.project(data.project()));
        root.put("progress", JsonViews.progress(data.progress()));
        JsonViews.Context context = JsonViews.Context.of(data.exportedAt(), byId, data.agents());
        List<Map<String, Object>> features = new ArrayList<>();
        for (Feature f : data.features()) {
            Map<String, Object> m = JsonViews.feature(f, context);
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Dependency d : deps.getOrDefault(f.id(), List.of())) {
                Feature target = byId.get(d.dependency());
                if (target != null) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("feature", target.ref());
                    dm.put("kind", d.kind().wireName());
                    ds.add(dm);
                }
            }
            m.put("dependencies", ds);
            features.add(m);
        }
        root.put("features", features);
        List<Map<String, Object>> insights = new ArrayList<>();
        for (Insight i : data.insights()) {
            insights.add(JsonViews.insight(i, context));
        }
        root.put("insights", insights);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule r : data.rules()) {
            rules.add(JsonViews.rule(r));
        }
        root.put("rules", rules);
        return root;
    }
}
