package dev.ijoka.mcp.internal;

import static dev.ijoka.mcp.internal.Schema.array;
import static dev.ijoka.mcp.internal.Schema.bool;
import static dev.ijoka.mcp.internal.Schema.input;
import static dev.ijoka.mcp.internal.Schema.integer;
import static dev.ijoka.mcp.internal.Schema.object;
import static dev.ijoka.mcp.internal.Schema.oneOf;
import static dev.ijoka.mcp.internal.Schema.props;
import static dev.ijoka.mcp.internal.Schema.string;

import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tools that shape the plan: add and update features, add and remove dependencies. */
final class EditTools {

    /** Priorities are plain integers; this keeps them readable. */
    private static final int MAX_PRIORITY = 1_000_000;

    private EditTools() {}

    static List<ToolDef> all() {
        return List.of(add(), update());
    }

    static List<ToolDef> dependencyTools() {
        return List.of(addDependency(), removeDependency());
    }

    // ---- ijoka_add_feature

    private static ToolDef add() {
        return new ToolDef("ijoka_add_feature",
                "Add a pending feature. dependsOn names features that must be complete before it can start.",
                input(props(
                        "description", string("what it does, one sentence"),
                        "category", oneOf("default functional", ReadTools.wireNames(Category.values())),
                        "kind", oneOf("default feature", ReadTools.wireNames(Kind.values())),
                        "priority", integer("higher goes first, default 0"),
                        "details", string("longer text, Markdown"),
                        "steps", array(string(), "verification steps"),
                        "dependsOn", array(string(), Shapes.REF + " each"),
                        "parent", string("epic it belongs to, " + Shapes.REF)), "description"),
                object(props("feature", Shapes.FULL), "feature"),
                false, EditTools::add);
    }

    private static Reply add(Call call) {
        String description = call.args.string("description");
        Category category = call.args.optEnum("category", Category::fromWire, Category.FUNCTIONAL);
        Kind kind = call.args.optEnum("kind", Kind::fromWire, Kind.FEATURE);
        Integer priority = call.args.optInt("priority", -MAX_PRIORITY, MAX_PRIORITY);
        String details = call.args.optString("details");
        List<Step> steps = call.args.strings("steps").stream().map(Step::todo).toList();
        List<FeatureRef> dependsOn = call.args.features("dependsOn");
        FeatureRef parent = call.args.optFeature("parent");
        NewFeature spec = new NewFeature(description, details, category, kind, priority == null ? 0 : priority, steps, null);

        Feature created;
        if (dependsOn.isEmpty()) {
            created = call.ijoka.features().create(call.project.id(), spec.withParent(parent));
        } else {
            // One transaction with one cycle check: the feature and its dependencies, or nothing.
            List<FeatureBatch.Edge> edges = dependsOn.stream()
                    .map(d -> new FeatureBatch.Edge(FeatureBatch.Target.entry(0), FeatureBatch.Target.existing(d),
                            DependencyKind.BLOCKS))
                    .toList();
            FeatureBatch batch = new FeatureBatch(List.of(new FeatureBatch.Entry(spec, Status.PENDING, null,
                    parent == null ? null : FeatureBatch.Target.existing(parent))), edges);
            created = call.ijoka.features().createAll(call.project.id(), batch, FeatureBatch.Progress.NONE).created().getFirst();
        }
        Views.Full full = Views.full(call.ijoka, created, call.session, Views.DETAILS_PREVIEW);
        StringBuilder text = new StringBuilder("Added ").append(Views.line(created)).append('\n');
        if (!dependsOn.isEmpty()) {
            text.append("It waits for ").append(String.join(", ", dependsOn.stream().map(d -> ref(call, d)).toList()))
                    .append(".\n");
        }
        return new Reply(Map.of("feature", full.view()), text.toString());
    }

    private static String ref(Call call, FeatureRef ref) {
        return call.ijoka.features().find(ref).map(Feature::ref).orElse(ref.toString());
    }

    // ---- ijoka_update_feature

    private static ToolDef update() {
        return new ToolDef("ijoka_update_feature",
                "Change a feature's fields, not its status. Give only what changes; steps replaces the checklist (steps"
                        + " kept by text stay checked).",
                input(props(
                        "feature", string(Shapes.REF),
                        "description", string(),
                        "category", oneOf(null, ReadTools.wireNames(Category.values())),
                        "kind", oneOf(null, ReadTools.wireNames(Kind.values())),
                        "priority", integer(),
                        "details", string(),
                        "steps", array(string()),
                        "parent", string(Shapes.REF),
                        "expectedVersion", integer("refuse if the feature changed since this version")), "feature"),
                object(props("feature", Shapes.FULL, "changed", array(string())), "feature", "changed"),
                false, EditTools::update);
    }

    private static Reply update(Call call) {
        Feature before = call.feature(call.args.feature("feature"));
        FeatureUpdate u = FeatureUpdate.none();
        List<String> changed = new ArrayList<>();
        String description = call.args.optString("description");
        if (description != null) {
            u = u.description(description);
            changed.add("description");
        }
        Category category = call.args.optEnum("category", Category::fromWire, null);
        if (category != null) {
            u = u.category(category);
            changed.add("category");
        }
        Kind kind = call.args.optEnum("kind", Kind::fromWire, null);
        if (kind != null) {
            u = u.kind(kind);
            changed.add("kind");
        }
        Integer priority = call.args.optInt("priority", -MAX_PRIORITY, MAX_PRIORITY);
        if (priority != null) {
            u = u.priority(priority);
            changed.add("priority");
        }
        String details = call.args.optString("details");
        if (details != null) {
            u = u.details(details);
            changed.add("details");
        }
        if (call.args.has("steps")) {
            Map<String, Boolean> done = new HashMap<>();
            before.steps().forEach(s -> done.putIfAbsent(s.text().strip(), s.done()));
            u = u.steps(call.args.strings("steps").stream()
                    .map(t -> new Step(t, done.getOrDefault(t.strip(), false)))
                    .toList());
            changed.add("steps");
        }
        FeatureRef parent = call.args.optFeature("parent");
        if (parent != null) {
            u = u.parent(call.feature(parent).id());
            changed.add("parent");
        }
        Long expected = call.args.optLong("expectedVersion");
        if (changed.isEmpty()) {
            throw ToolError.invalid("nothing to change: give at least one of description, category, kind, priority,"
                    + " details, steps, parent (status changes go through start, complete, block and unblock)");
        }
        Feature after = call.ijoka.features().update(before.id(), u, call.session, expected);
        Views.Full full = Views.full(call.ijoka, after, call.session, Views.DETAILS_PREVIEW);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", full.view());
        out.put("changed", changed);
        return new Reply(out, "Updated " + after.ref() + " (" + String.join(", ", changed) + "), now version "
                + after.version() + ":\n" + Views.line(after) + "\n");
    }

    // ---- ijoka_add_dependency

    private static ToolDef addDependency() {
        return new ToolDef("ijoka_add_dependency",
                "Make feature depend on dependsOn. kind blocks (default) keeps it from starting until dependsOn is"
                        + " complete; related only links them.",
                input(props(
                        "feature", string(Shapes.REF),
                        "dependsOn", string(Shapes.REF),
                        "kind", oneOf("default blocks", "blocks", "related")), "feature", "dependsOn"),
                object(props("feature", Shapes.ROW, "dependsOn", Shapes.ROW, "kind", string()),
                        "feature", "dependsOn", "kind"),
                false, EditTools::addDependency);
    }

    private static Reply addDependency(Call call) {
        Feature dependent = call.feature(call.args.feature("feature"));
        Feature dependency = call.feature(call.args.feature("dependsOn"));
        DependencyKind kind = call.args.optEnum("kind", DependencyKind::fromWire, DependencyKind.BLOCKS);
        call.ijoka.dependencies().add(dependent.id(), dependency.id(), kind, call.session);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", Views.row(dependent));
        out.put("dependsOn", Views.row(dependency));
        out.put("kind", kind.wireName());
        String text = kind == DependencyKind.BLOCKS
                ? dependent.ref() + " now depends on " + dependency.ref() + ": it cannot start until " + dependency.ref()
                        + " is complete (" + dependency.status().wireName() + " now).\n"
                : dependent.ref() + " is now related to " + dependency.ref() + " (informational; it gates nothing).\n";
        return new Reply(out, text);
    }

    // ---- ijoka_remove_dependency

    private static ToolDef removeDependency() {
        return new ToolDef("ijoka_remove_dependency",
                "Remove the dependency of feature on dependsOn.",
                input(props("feature", string(Shapes.REF), "dependsOn", string(Shapes.REF)), "feature", "dependsOn"),
                object(props("removed", bool(), "feature", string(), "dependsOn", string()), "removed"),
                false, EditTools::removeDependency);
    }

    private static Reply removeDependency(Call call) {
        Feature dependent = call.feature(call.args.feature("feature"));
        Feature dependency = call.feature(call.args.feature("dependsOn"));
        boolean removed = call.ijoka.dependencies().remove(dependent.id(), dependency.id(), call.session);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("removed", removed);
        out.put("feature", dependent.ref());
        out.put("dependsOn", dependency.ref());
        return new Reply(out, removed
                ? dependent.ref() + " no longer depends on " + dependency.ref() + ".\n"
                : dependent.ref() + " did not depend on " + dependency.ref() + "; nothing changed.\n");
    }
}
