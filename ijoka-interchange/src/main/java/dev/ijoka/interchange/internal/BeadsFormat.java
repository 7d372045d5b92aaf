package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
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
 * beads' JSONL ({@code .beads/issues.jsonl}): one issue per line, with {@code id, title, description,
 * design, acceptance_criteria, notes, status, priority, issue_type, labels, dependencies}.
 *
 * <ul>
 *   <li>title → description; description, design, acceptance criteria and notes → details, as Markdown
 *       sections (acceptance criteria that are only a list become the steps);</li>
 *   <li>priority 0 (highest) to 4 → 2 to -2 (beads' default 2 is Ijoka's default 0);</li>
 *   <li>status open, in_progress, blocked, closed → pending, in_progress, blocked, complete; deferred →
 *       blocked; pinned → pending; hooked → in_progress; tombstone (deleted) issues are skipped;</li>
 *   <li>issue_type bug, feature, epic, chore → the same kind; task and others → feature;</li>
 *   <li>the first label that names a category sets it (else functional);</li>
 *   <li>dependency types blocks → blocks; related and discovered-from → related; parent-child → the parent.</li>
 * </ul>
 */
public final class BeadsFormat {

    static final String DESIGN = "Design";
    static final String ACCEPTANCE = "Acceptance criteria";
    static final String NOTES = "Notes";

    private BeadsFormat() {}

    /** One issue as read from its line, before dependencies from any line are attached. */
    private record Issue(String id, String where, NewFeature feature, Status status, @Nullable String reason) {}

    private record Link(String from, String to, String type, String where) {}

    public static List<SourceItem> read(List<String> lines, Report report) {
        List<Issue> issues = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Set<String> tombstones = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            Json value;
            try {
                value = Json.parse(text);
            } catch (RuntimeException e) {
                report.problem("line " + lineNo, "not a JSON object: " + Importing.jsonError(e)
                        + ". Each line of a beads file is one issue as a JSON object");
                continue;
            }
            if (!(value instanceof Json.Obj o)) {
                report.problem("line " + lineNo, "must be one issue as a JSON object, but is " + value.kind());
                continue;
            }
            String rawId = o.get("id") instanceof Json.Str s ? s.value().strip() : null;
            String where = "line " + lineNo + (rawId == null ? "" : " (" + rawId + ")");
            Fields f = new Fields(o, where, report);
            String id = f.id("id", true);
            String status = f.string("status", false);
            if (status != null && status.strip().equalsIgnoreCase("tombstone")) {
                if (id != null) {
                    tombstones.add(id);
                }
                continue;
            }
            Issue issue = issue(f, id, where, status, report);
            if (issue != null) {
                issues.add(issue);
            }
            for (Json d : f.array("dependencies")) {
                if (!(d instanceof Json.Obj dep)) {
                    report.problem(where, "each dependency must be an object {\"depends_on_id\": ..., \"type\": ...}, but line "
                            + d.line() + " has " + d.kind());
                    continue;
                }
                Fields df = new Fields(dep, where, report);
                String from = df.id("issue_id", false);
                String to = df.id("depends_on_id", true);
                String type = df.string("type", false);
                if (to != null && (from != null || id != null)) {
                    links.add(new Link(from != null ? from : id, to, type == null ? "blocks" : type, where));
                }
            }
        }
        Map<String, String> parents = new HashMap<>();
        Map<String, List<SourceItem.Edge>> edges = new HashMap<>();
        for (Link l : links) {
            if (tombstones.contains(l.from()) || tombstones.contains(l.to())) {
                report.warning(l.where(), "dependency " + l.from() + " → " + l.to() + " names a deleted (tombstone) issue; "
                        + "left out");
                continue;
            }
            String type = l.type().strip().toLowerCase(Locale.ROOT).replace('_', '-');
            switch (type) {
                case "parent-child" -> {
                    String before = parents.putIfAbsent(l.from(), l.to());
                    if (before != null && !before.equals(l.to())) {
                        report.problem(l.where(), l.from() + " has two parents, " + before + " and " + l.to()
                                + ": an issue has at most one");
                    }
                }
                case "blocks" -> edges.computeIfAbsent(l.from(), k -> new ArrayList<>())
                        .add(new SourceItem.Edge(l.to(), DependencyKind.BLOCKS));
                case "related", "discovered-from", "relates-to", "duplicates", "supersedes", "replies-to" ->
                        edges.computeIfAbsent(l.from(), k -> new ArrayList<>())
                                .add(new SourceItem.Edge(l.to(), DependencyKind.RELATED));
                default -> {
                    report.warning(l.where(), "unknown dependency type '" + l.type() + "', imported as related");
                    edges.computeIfAbsent(l.from(), k -> new ArrayList<>())
                            .add(new SourceItem.Edge(l.to(), DependencyKind.RELATED));
                }
            }
        }
        Set<String> known = issues.stream().map(Issue::id).collect(Collectors.toSet());
        for (String from : edges.keySet()) {
            if (!known.contains(from) && !tombstones.contains(from)) {
                report.problem("", "a dependency names " + from + " as the dependent issue, but there is no such issue in the file");
            }
        }
        List<SourceItem> items = new ArrayList<>(issues.size());
        for (Issue i : issues) {
            items.add(new SourceItem(i.id(), i.where(), i.feature(), i.status(), i.reason(), parents.get(i.id()),
                    edges.getOrDefault(i.id(), List.of())));
        }
        return items;
    }

    private static @Nullable Issue issue(Fields f, @Nullable String id, String where, @Nullable String rawStatus, Report report) {
        String title = f.string("title", true);
        String description = f.string("description", false);
        String design = f.string("design", false);
        String acceptance = f.string("acceptance_criteria", false);
        String notes = f.string("notes", false);
        int bdPriority = f.integer("priority", 2, 0, 4);
        Kind kind = kind(f.string("issue_type", false), where, report);
        Category category = Category.FUNCTIONAL;
        for (String label : f.strings("labels")) {
            var c = Categories.lookup(label);
            if (c.isPresent()) {
                category = c.get();
                break;
            }
        }
        Status status = Status.PENDING;
        String reason = null;
        if (rawStatus != null) {
            switch (rawStatus.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
                case "open", "pinned" -> status = Status.PENDING;
                case "in_progress", "hooked" -> status = Status.IN_PROGRESS;
                case "closed" -> status = Status.COMPLETE;
                case "blocked", "deferred" -> {
                    status = Status.BLOCKED;
                    reason = rawStatus.strip().toLowerCase(Locale.ROOT) + " in beads";
                }
                default -> report.problem(where, "unknown status '" + rawStatus + "': use open, in_progress, blocked, deferred, "
                        + "closed or tombstone");
            }
        }
        List<Step> steps = List.of();
        String acceptanceText = acceptance;
        if (Items.isChecklist(acceptance)) {
            steps = Items.checklist(acceptance, status == Status.COMPLETE);
            acceptanceText = null;
        }
        if (id == null || title == null) {
            return null;
        }
        String details = Items.sections(description, DESIGN, design, ACCEPTANCE, acceptanceText, NOTES, notes);
        NewFeature feature = Items.feature(where, report, title, details, category, kind, 2 - bdPriority, steps);
        return feature == null ? null : new Issue(id, where, feature, status, reason);
    }

    private static Kind kind(@Nullable String type, String where, Report report) {
        if (type == null) {
            return Kind.FEATURE;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "bug" -> Kind.BUG;
            case "epic" -> Kind.EPIC;
            case "chore" -> Kind.CHORE;
            case "spike" -> Kind.SPIKE;
            case "feature", "task" -> Kind.FEATURE;
            default -> {
                report.warning(where, "issue type '" + type + "' has no Ijoka kind; imported as feature");
                yield Kind.FEATURE;
            }
        };
    }

    /** One object per line, by number; ids are {@code <prefix>-<number>}. */
    public static List<Map<String, Object>> write(ExportData data) {
        String prefix = prefix(data.project().name());
        Map<FeatureId, Feature> byId = data.byId();
        Map<FeatureId, List<Dependency>> deps = data.dependenciesByDependent();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Feature f : data.features()) {
            String id = prefix + "-" + f.number();
            Map<String, String> sections = Items.splitSections(f.details());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("title", f.description());
            e.put("description", sections.getOrDefault("", ""));
            putIf(e, "design", sections.remove(DESIGN));
            String acceptance = sections.remove(ACCEPTANCE);
            if (!f.steps().isEmpty()) {
                String list = f.steps().stream().map(s -> "- [" + (s.done() ? "x" : " ") + "] " + s.text())
                        .collect(Collectors.joining("\n"));
                acceptance = acceptance == null ? list : acceptance + "\n\n" + list;
            }
            putIf(e, "acceptance_criteria", acceptance);
            putIf(e, "notes", sections.remove(NOTES));
            e.put("status", switch (f.status()) {
                case PENDING -> "open";
                case IN_PROGRESS -> "in_progress";
                case BLOCKED -> f.blockReason() != null && f.blockReason().toLowerCase(Locale.ROOT).startsWith("deferred")
                        ? "deferred" : "blocked";
                case COMPLETE -> "closed";
            });
            e.put("priority", Math.max(0, Math.min(4, 2 - f.priority())));
            e.put("issue_type", switch (f.kind()) {
                case FEATURE -> "feature";
                case BUG -> "bug";
                case CHORE -> "chore";
                case EPIC -> "epic";
                case SPIKE -> "task";
            });
            e.put("labels", List.of(f.category().wireName()));
            e.put("created_at", f.createdAt().toString());
            e.put("updated_at", f.updatedAt().toString());
            if (f.completedAt() != null) {
                e.put("closed_at", f.completedAt().toString());
            }
            List<Map<String, Object>> links = new ArrayList<>();
            if (f.parent() != null && byId.containsKey(f.parent())) {
                links.add(link(id, prefix + "-" + byId.get(f.parent()).number(), "parent-child"));
            }
            for (Dependency d : deps.getOrDefault(f.id(), List.of())) {
                Feature target = byId.get(d.dependency());
                if (target != null) {
                    links.add(link(id, prefix + "-" + target.number(), d.kind() == DependencyKind.BLOCKS ? "blocks" : "related"));
                }
            }
            if (!links.isEmpty()) {
                e.put("dependencies", links);
            }
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> link(String from, String to, String type) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("issue_id", from);
        l.put("depends_on_id", to);
        l.put("type", type);
        return l;
    }

    private static void putIf(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** beads ids start with a short project prefix: the project's name, lower-case letters and digits. */
    static String prefix(String name) {
        String p = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (p.length() > 16) {
            p = p.substring(0, 16).replaceAll("-+$", "");
        }
        return p.isEmpty() ? "ijoka" : p;
    }
}
