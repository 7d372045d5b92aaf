package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Task Master's {@code tasks.json}: {@code {"tasks": [...]}}, or the tagged form
 * {@code {"master": {"tasks": [...], "metadata": {...}}, "other-tag": {...}}}. A task has
 * {@code id, title, description, details, testStrategy, status, priority, dependencies, subtasks}.
 *
 * <ul>
 *   <li>title → description; description, details and testStrategy → details, as Markdown sections
 *       (a testStrategy that is only a list becomes the steps);</li>
 *   <li>subtasks → features whose parent is the task, with ids {@code task.subtask};</li>
 *   <li>dependencies → {@code blocks} dependencies. In a subtask a number names a sibling subtask if
 *       there is one, else a task; {@code "3.2"} names subtask 2 of task 3;</li>
 *   <li>priority high, medium, low → 1, 0, -1 (medium is Ijoka's default 0); a subtask takes its task's;</li>
 *   <li>status pending, in-progress, done, review → pending, in_progress, complete, in_progress;
 *       blocked, deferred, cancelled → blocked, with the word as the reason.</li>
 * </ul>
 */
public final class TaskMasterFormat {

    static final String DETAILS = "Details";
    static final String TEST_STRATEGY = "Test strategy";

    private TaskMasterFormat() {}

    public static List<SourceItem> read(Json root, @Nullable String tag, Report report) {
        Json.Arr tasks = tasks(root, tag, report);
        if (tasks == null) {
            return List.of();
        }
        List<SourceItem> items = new ArrayList<>();
        Set<String> taskIds = new HashSet<>();
        for (Json t : tasks.items()) {
            if (t instanceof Json.Obj o && o.get("id") != null) {
                String id = new Fields(o, "", new Report()).id("id", false);
                if (id != null) {
                    taskIds.add(id);
                }
            }
        }
        for (int i = 0; i < tasks.items().size(); i++) {
            Json t = tasks.items().get(i);
            if (!(t instanceof Json.Obj o)) {
                report.problem("task " + (i + 1) + " (line " + t.line() + ")", "must be an object, but is " + t.kind());
                continue;
            }
            String where = "task " + label(o) + " (line " + o.line() + ")";
            Fields f = new Fields(o, where, report);
            String id = f.id("id", true);
            int priority = priority(f.string("priority", false), where, report);
            SourceItem task = item(o, f, id, where, null, priority, report, null);
            if (task != null) {
                items.add(task);
            }
            List<Json> subtasks = f.array("subtasks");
            Set<String> siblings = new HashSet<>();
            for (Json s : subtasks) {
                if (s instanceof Json.Obj so) {
                    String sid = new Fields(so, "", new Report()).id("id", false);
                    if (sid != null) {
                        siblings.add(sid);
                    }
                }
            }
            for (int j = 0; j < subtasks.size(); j++) {
                Json s = subtasks.get(j);
                String subWhere = "subtask " + (id == null ? "?" : id) + "." + (s instanceof Json.Obj so ? label(so) : j + 1)
                        + " (line " + s.line() + ")";
                if (!(s instanceof Json.Obj so)) {
                    report.problem(subWhere, "must be an object, but is " + s.kind());
                    continue;
                }
                Fields sf = new Fields(so, subWhere, report);
                String sid = sf.id("id", true);
                if (id == null || sid == null) {
                    continue;
                }
                String fullId = sid.contains(".") ? sid : id + "." + sid;
                SourceItem sub = item(so, sf, fullId, subWhere, id, priority, report,
                        dep -> dep.contains(".") ? dep : siblings.contains(dep) ? id + "." + dep
                                : taskIds.contains(dep) ? dep : id + "." + dep);
                if (sub != null) {
                    items.add(sub);
                }
            }
        }
        return items;
    }

    private static String label(Json.Obj o) {
        Json id = o.get("id");
        return id instanceof Json.Str s ? s.value() : id instanceof Json.Num n ? n.text() : "?";
    }

    private static Json.@Nullable Arr tasks(Json root, @Nullable String tag, Report report) {
        if (!(root instanceof Json.Obj o)) {
            report.problem("line " + root.line(), "a tasks.json is an object, {\"tasks\": [...]} or {\"master\": {\"tasks\": [...]}}, "
                    + "but this file holds " + root.kind());
            return null;
        }
        if (o.get("tasks") != null && tag == null) {
            return arrayOfTasks(o.get("tasks"), "tasks", report);
        }
        Map<String, Json.Obj> tags = new LinkedHashMap<>();
        o.fields().forEach((name, value) -> {
            if (value instanceof Json.Obj t && t.get("tasks") != null) {
                tags.put(name, t);
            }
        });
        if (tags.isEmpty()) {
            report.problem("line " + o.line(), "no tasks found: a tasks.json has a \"tasks\" array, or tags such as "
                    + "\"master\" that each hold one");
            return null;
        }
        String chosen = tag;
        if (chosen == null) {
            chosen = tags.containsKey("master") ? "master" : tags.size() == 1 ? tags.keySet().iterator().next() : null;
            if (chosen == null) {
                report.problem("line " + o.line(), "the file has the tags " + String.join(", ", tags.keySet())
                        + " and none is called master: choose one (--tag NAME)");
                return null;
            }
        } else if (!tags.containsKey(chosen)) {
            report.problem("line " + o.line(), "there is no tag '" + chosen + "' in the file; it has "
                    + String.join(", ", tags.keySet()));
            return null;
        }
        return arrayOfTasks(tags.get(chosen).get("tasks"), chosen + ".tasks", report);
    }

    private static Json.@Nullable Arr arrayOfTasks(@Nullable Json v, String name, Report report) {
        if (v instanceof Json.Arr a) {
            return a;
        }
        report.problem(v == null ? "" : "line " + v.line(), "'" + name + "' must be an array of tasks, but is "
                + (v == null ? "missing" : v.kind()));
        return null;
    }

    private static @Nullable SourceItem item(Json.Obj o, Fields f, @Nullable String id, String where, @Nullable String parent,
            int priority, Report report, java.util.function.@Nullable UnaryOperator<String> subtaskDependency) {
        String title = f.string("title", true);
        String description = f.string("description", false);
        String details = f.string("details", false);
        String testStrategy = f.string("testStrategy", false);
        Category category = Categories.map(f.string("category", false), where, report);
        Status status = Status.PENDING;
        String reason = null;
        String rawStatus = f.string("status", false);
        if (rawStatus != null) {
            switch (rawStatus.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "pending", "todo", "open" -> status = Status.PENDING;
                case "in-progress", "review" -> status = Status.IN_PROGRESS;
                case "done", "completed", "complete" -> status = Status.COMPLETE;
                case "blocked", "deferred", "cancelled", "canceled" -> {
                    status = Status.BLOCKED;
                    reason = rawStatus.strip().toLowerCase(Locale.ROOT) + " in Task Master";
                }
                default -> report.problem(where, "unknown status '" + rawStatus + "': use pending, in-progress, done, review, "
                        + "blocked, deferred or cancelled");
            }
        }
        List<SourceItem.Edge> deps = new ArrayList<>();
        List<Json> rawDeps = f.array("dependencies");
        for (Json d : rawDeps) {
            String dep = f.idValue(d, "dependencies");
            if (dep != null) {
                deps.add(new SourceItem.Edge(subtaskDependency == null ? dep : subtaskDependency.apply(dep),
                        dev.ijoka.domain.DependencyKind.BLOCKS));
            }
        }
        List<Step> steps = List.of();
        String strategyText = testStrategy;
        if (Items.isChecklist(testStrategy)) {
            steps = Items.checklist(testStrategy, status == Status.COMPLETE);
            strategyText = null;
        }
        if (id == null || title == null) {
            return null;
        }
        String text = Items.sections(description, DETAILS, details, TEST_STRATEGY, strategyText);
        NewFeature feature = Items.feature(where, report, title, text, category, Kind.FEATURE, priority, steps);
        return feature == null ? null : new SourceItem(id, where, feature, status, reason, parent, deps);
    }

    private static int priority(@Nullable String raw, String where, Report report) {
        if (raw == null) {
            return 0;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "urgent", "highest" -> 2;
            case "high" -> 1;
            case "medium", "normal" -> 0;
            case "low" -> -1;
            case "lowest" -> -2;
            default -> {
                report.problem(where, "unknown priority '" + raw + "': use high, medium or low");
                yield 0;
            }
        };
    }

    /** The plan in the tagged form, under {@code tag}; top-level features are tasks (id = number), their children subtasks. */
    public static Map<String, Object> write(ExportData data, String tag) {
        Map<FeatureId, Feature> byId = data.byId();
        Map<FeatureId, List<Feature>> children = new HashMap<>();
        List<Feature> tasks = new ArrayList<>();
        for (Feature f : data.features()) {
            Feature parent = f.parent() == null ? null : byId.get(f.parent());
            if (parent != null && parent.parent() == null) {
                children.computeIfAbsent(parent.id(), k -> new ArrayList<>()).add(f);
            } else {
                tasks.add(f);
            }
        }
        // How each feature is named in a dependency list: a task by its number, a subtask as "task.sub".
        Map<FeatureId, String> fullId = new HashMap<>();
        Map<FeatureId, Integer> subIndex = new HashMap<>();
        for (Feature t : tasks) {
            fullId.put(t.id(), String.valueOf(t.number()));
            List<Feature> subs = children.getOrDefault(t.id(), List.of());
            for (int i = 0; i < subs.size(); i++) {
                fullId.put(subs.get(i).id(), t.number() + "." + (i + 1));
                subIndex.put(subs.get(i).id(), i + 1);
            }
        }
        Map<FeatureId, List<Dependency>> deps = data.dependenciesByDependent();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Feature t : tasks) {
            Map<String, Object> task = entry(t, t.number(), depsOfTask(deps.get(t.id()), fullId));
            List<Feature> subs = children.getOrDefault(t.id(), List.of());
            List<Map<String, Object>> subtasks = new ArrayList<>();
            for (Feature s : subs) {
                Set<Integer> siblings = new HashSet<>();
                for (int i = 1; i <= subs.size(); i++) {
                    siblings.add(i);
                }
                List<Object> sDeps = new ArrayList<>();
                for (Dependency d : deps.getOrDefault(s.id(), List.of())) {
                    Feature target = byId.get(d.dependency());
                    if (d.kind() != dev.ijoka.domain.DependencyKind.BLOCKS || target == null) {
                        continue;
                    }
                    if (t.id().equals(target.parent())) {
                        sDeps.add(subIndex.get(target.id()));
                    } else if (fullId.get(target.id()).contains(".")) {
                        sDeps.add(fullId.get(target.id()));
                    } else {
                        // A number here would name a sibling when one has that index: a string names the task.
                        sDeps.add(siblings.contains(target.number()) ? String.valueOf(target.number()) : target.number());
                    }
                }
                Map<String, Object> sub = entry(s, subIndex.get(s.id()), sDeps);
                sub.remove("priority");
                sub.remove("subtasks");
                subtasks.add(sub);
            }
            task.put("subtasks", subtasks);
            out.add(task);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("created", data.exportedAt().toString());
        metadata.put("updated", data.exportedAt().toString());
        metadata.put("description", "Exported from Ijoka, project " + data.project().name());
        Map<String, Object> tagged = new LinkedHashMap<>();
        tagged.put("tasks", out);
        tagged.put("metadata", metadata);
        return Map.of(tag, tagged);
    }

    private static List<Object> depsOfTask(@Nullable List<Dependency> deps, Map<FeatureId, String> fullId) {
        List<Object> out = new ArrayList<>();
        if (deps == null) {
            return out;
        }
        for (Dependency d : deps) {
            String id = fullId.get(d.dependency());
            if (d.kind() == dev.ijoka.domain.DependencyKind.BLOCKS && id != null) {
                out.add(id.contains(".") ? id : (Object) Integer.parseInt(id));
            }
        }
        return out;
    }

    private static Map<String, Object> entry(Feature f, int id, List<Object> dependencies) {
        Map<String, String> sections = Items.splitSections(f.details());
        String description = sections.remove("");
        String details = sections.remove(DETAILS);
        String strategy = sections.remove(TEST_STRATEGY);
        String rest = sections.entrySet().stream().map(e -> "## " + e.getKey() + "\n\n" + e.getValue())
                .collect(Collectors.joining("\n\n"));
        if (!rest.isEmpty()) {
            details = details == null ? rest : details + "\n\n" + rest;
        }
        if (!f.steps().isEmpty()) {
            String list = f.steps().stream().map(s -> "- [" + (s.done() ? "x" : " ") + "] " + s.text())
                    .collect(Collectors.joining("\n"));
            strategy = strategy == null ? list : strategy + "\n\n" + list;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("title", f.description());
        e.put("description", description == null ? "" : description);
        e.put("details", details == null ? "" : details);
        e.put("testStrategy", strategy == null ? "" : strategy);
        e.put("status", status(f));
        e.put("priority", f.priority() >= 1 ? "high" : f.priority() == 0 ? "medium" : "low");
        e.put("dependencies", dependencies);
        e.put("subtasks", List.of());
        return e;
    }

    private static String status(Feature f) {
        return switch (f.status()) {
            case PENDING -> "pending";
            case IN_PROGRESS -> "in-progress";
            case COMPLETE -> "done";
            case BLOCKED -> {
                String reason = f.blockReason() == null ? "" : f.blockReason().toLowerCase(Locale.ROOT);
                yield reason.startsWith("deferred") ? "deferred"
                        : reason.startsWith("cancelled") || reason.startsWith("canceled") ? "cancelled" : "blocked";
            }
        };
    }
}
