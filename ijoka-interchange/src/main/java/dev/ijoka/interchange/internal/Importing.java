package dev.ijoka.interchange.internal;

import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.graph.ValidationReport;
import dev.ijoka.interchange.Format;
import dev.ijoka.interchange.ImportOptions;
import dev.ijoka.interchange.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The steps of an import that do not touch the store: decode and parse the file, tell its format,
 * read its items, then match them against the project and check the resulting graph. Every problem
 * is collected (not only the first), so one run tells the user everything to fix.
 *
 * <p>Matching: an item is the same feature as an existing one when their descriptions are equal
 * after collapsing white space (the k-th item with a description pairs with the k-th existing
 * feature, by number, with that description). Matched features are left as they are; only what is
 * new is created, and only dependencies the project lacks are added. So importing a file twice
 * changes nothing the second time, without hidden markers in the features' text.
 */
public final class Importing {

    private Importing() {}

    /** A parsed file: its format and items. */
    public record Parsed(Format format, List<SourceItem> items) {}

    /**
     * What importing the items into the project would do.
     *
     * @param batch the features and edges to create, for {@code Features.createAll}
     * @param newEdges how many edges the project lacks (or has with another kind)
     */
    public record Plan(FeatureBatch batch, int matched, int newEdges, int existingEdges) {}

    /** Decodes UTF-8 strictly, dropping a byte-order mark. */
    public static String decode(byte[] bytes, Report report) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            report.problem("", "the file is not UTF-8 text: save it as UTF-8 and import it again");
            return "";
        }
    }

    /** Reads the items of a file, telling its format from its name and content unless {@code format} is given. */
    public static @Nullable Parsed parse(String name, String text, ImportOptions options, Report report) {
        if (text.isBlank()) {
            report.problem("", "the file is empty");
            return null;
        }
        Format format = options.format();
        String lower = name.toLowerCase(Locale.ROOT);
        if (format == null && (lower.endsWith(".jsonl") || lower.endsWith(".ndjson"))) {
            format = Format.BEADS;
        }
        if (format == Format.BEADS) {
            return checked(new Parsed(Format.BEADS, BeadsFormat.read(text.lines().toList(), report)), report);
        }
        Json root;
        try {
            root = Json.parse(new java.io.StringReader(text));
        } catch (RuntimeException e) {
            if (format == null && looksLikeJsonLines(text)) {
                return checked(new Parsed(Format.BEADS, BeadsFormat.read(text.lines().toList(), report)), report);
            }
            report.problem(location(e), "malformed JSON: " + jsonError(e) + ". Fix the JSON (a JSON validator shows where) "
                    + "and import it again");
            return null;
        }
        if (format == null) {
            format = detect(root);
            if (format == null) {
                report.problem("line " + root.line(), "cannot tell the file's format: expected a feature_list.json (an array of "
                        + "features), a Task Master tasks.json (an object with \"tasks\"), beads JSONL (one issue per line) or an "
                        + "Ijoka export (\"format\": \"ijoka\"). Name the format with --format");
                return null;
            }
        }
        List<SourceItem> items = switch (format) {
            case FEATURE_LIST -> FeatureListFormat.read(root, report);
            case TASK_MASTER -> TaskMasterFormat.read(root, options.tag(), report);
            case JSON -> IjokaJsonFormat.read(root, report);
            case BEADS, CSV, MARKDOWN -> throw new IllegalStateException("not a JSON document format: " + format);
        };
        return checked(new Parsed(format, items), report);
    }

    private static Parsed checked(Parsed parsed, Report report) {
        if (parsed.items().isEmpty() && !report.hasProblems()) {
            report.problem("", "the file holds no features: nothing to import");
        }
        if (parsed.items().size() > ImportOptions.MAX_ITEMS) {
            report.problem("", "the file holds " + parsed.items().size() + " features; one import takes at most "
                    + ImportOptions.MAX_ITEMS + ": split the file");
        }
        return parsed;
    }

    private static @Nullable Format detect(Json root) {
        if (root instanceof Json.Arr) {
            return Format.FEATURE_LIST;
        }
        if (root instanceof Json.Obj o) {
            if (IjokaJsonFormat.isIjoka(root)) {
                return Format.JSON;
            }
            if (o.get("tasks") != null) {
                return Format.TASK_MASTER;
            }
            if (o.get("features") instanceof Json.Arr) {
                return Format.FEATURE_LIST;
            }
            boolean tagged = !o.fields().isEmpty() && o.fields().values().stream()
                    .anyMatch(v -> v instanceof Json.Obj t && t.get("tasks") != null);
            if (tagged) {
                return Format.TASK_MASTER;
            }
            if (o.get("id") != null && o.get("title") != null) {
                return Format.BEADS; // a JSONL file of one issue parses as one object
            }
        }
        return null;
    }

    private static boolean looksLikeJsonLines(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        try {
            return Json.parse(first) instanceof Json.Obj;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Jackson's message without its source dump, with the line and column. */
    static String jsonError(RuntimeException e) {
        if (e instanceof JacksonException j) {
            String message = j.getOriginalMessage();
            int cut = message.indexOf("\n at [Source");
            message = cut > 0 ? message.substring(0, cut) : message;
            if (j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                message += " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
            }
            return message.replace('\n', ' ');
        }
        return String.valueOf(e.getMessage());
    }

    private static String location(RuntimeException e) {
        return e instanceof JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0
                ? "line " + j.getLocation().getLineNr() : "";
    }

    /** Matches the items against the project, checks every reference and the whole graph, and plans the batch. */
    public static @Nullable Plan plan(List<SourceItem> items, List<Feature> existing, List<Dependency> existingEdges,
            Report report) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SourceItem item = items.get(i);
            Integer before = index.putIfAbsent(item.id(), i);
            if (before != null) {
                report.problem(item.where(), "the id " + item.id() + " is used twice (also by " + items.get(before).where()
                        + "): give each entry its own id");
            }
        }
        for (SourceItem item : items) {
            if (item.parentId() != null && !index.containsKey(item.parentId())) {
                report.problem(item.where(), "its parent " + item.parentId() + " is not in the file: add it, or remove the link");
            }
            for (SourceItem.Edge e : item.dependencies()) {
                if (!index.containsKey(e.target())) {
                    report.problem(item.where(), "depends on " + e.target() + ", which is not in the file: add it, or remove "
                            + "the dependency");
                } else if (e.target().equals(item.id())) {
                    report.problem(item.where(), "depends on itself: remove that dependency");
                }
            }
        }
        checkParentLoops(items, index, report);
        // Go on past broken references: the cycle check below still finds every cycle among the rest.

        // Match against the project, pairing equal descriptions in order.
        Map<String, Deque<Feature>> byDescription = new HashMap<>();
        for (Feature f : existing) {
            byDescription.computeIfAbsent(key(f.description()), k -> new ArrayDeque<>()).add(f);
        }
        Feature[] matched = new Feature[items.size()];
        int matchCount = 0;
        for (int i = 0; i < items.size(); i++) {
            Deque<Feature> candidates = byDescription.get(key(items.get(i).feature().description()));
            if (candidates != null && !candidates.isEmpty()) {
                matched[i] = candidates.poll();
                matchCount++;
            }
        }

        // Each item's place in the batch: an existing feature, or the k-th new entry.
        FeatureBatch.Target[] targets = new FeatureBatch.Target[items.size()];
        FeatureId[] nodeIds = new FeatureId[items.size()];
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (matched[i] != null) {
                targets[i] = FeatureBatch.Target.existing(matched[i].id());
                nodeIds[i] = matched[i].id();
            } else {
                targets[i] = FeatureBatch.Target.entry(fresh.size());
                nodeIds[i] = new FeatureId("import:" + i);
                fresh.add(i);
            }
        }

        // The file's edges, once each; one pair given as both kinds keeps blocks.
        Map<List<FeatureId>, DependencyKind> wanted = new LinkedHashMap<>();
        Map<List<FeatureId>, Integer[]> wantedEnds = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (SourceItem.Edge e : items.get(i).dependencies()) {
                Integer target = index.get(e.target());
                if (target == null || target == i) {
                    continue; // reported above
                }
                int j = target;
                List<FeatureId> pair = List.of(nodeIds[i], nodeIds[j]);
                DependencyKind before = wanted.get(pair);
                if (before == null || (before == DependencyKind.RELATED && e.kind() == DependencyKind.BLOCKS)) {
                    if (before != null) {
                        report.warning(items.get(i).where(), "depends on " + e.target() + " both as blocks and as related; "
                                + "kept blocks");
                    }
                    wanted.put(pair, e.kind());
                    wantedEnds.put(pair, new Integer[] {i, j});
                }
            }
        }
        Map<List<FeatureId>, DependencyKind> stored = new HashMap<>();
        for (Dependency d : existingEdges) {
            stored.put(List.of(d.dependent(), d.dependency()), d.kind());
        }
        int existingEdgeCount = 0;
        for (Map.Entry<List<FeatureId>, DependencyKind> w : wanted.entrySet()) {
            if (stored.get(w.getKey()) == w.getValue()) {
                existingEdgeCount++;
            }
        }
        checkCycles(items, existing, existingEdges, matched, nodeIds, wanted, report);
        if (report.hasProblems()) {
            return null;
        }

        List<FeatureBatch.Entry> entries = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            SourceItem item = items.get(i);
            FeatureBatch.Target parent = item.parentId() == null ? null : targets[index.get(item.parentId())];
            entries.add(new FeatureBatch.Entry(item.feature(), item.status(), item.blockReason(), parent));
        }
        List<FeatureBatch.Edge> edges = new ArrayList<>(wanted.size());
        wanted.forEach((pair, kind) -> {
            Integer[] ends = wantedEnds.get(pair);
            edges.add(new FeatureBatch.Edge(targets[ends[0]], targets[ends[1]], kind));
        });
        return new Plan(new FeatureBatch(entries, edges), matchCount, wanted.size() - existingEdgeCount, existingEdgeCount);
    }

    /** How descriptions are compared: white space collapsed, case kept. */
    static String key(String description) {
        return description.strip().replaceAll("\\s+", " ");
    }

    private static void checkParentLoops(List<SourceItem> items, Map<String, Integer> index, Report report) {
        byte[] state = new byte[items.size()];
        for (int start = 0; start < items.size(); start++) {
            List<Integer> walk = new ArrayList<>();
            Integer at = start;
            while (at != null && state[at] == 0) {
                state[at] = 1;
                walk.add(at);
                String parent = items.get(at).parentId();
                at = parent == null ? null : index.get(parent);
            }
            if (at != null && state[at] == 1) {
                List<Integer> loop = walk.subList(walk.indexOf(at), walk.size());
                report.problem(items.get(at).where(), "parent loop: " + loop.stream().map(i -> items.get(i).where())
                        .collect(Collectors.joining(" → ")) + " → " + items.get(at).where()
                        + " (each is the child of the next): remove one of these parent links");
            }
            for (int i : walk) {
                state[i] = 2;
            }
        }
    }

    private static void checkCycles(List<SourceItem> items, List<Feature> existing, List<Dependency> existingEdges,
            Feature[] matched, FeatureId[] nodeIds, Map<List<FeatureId>, DependencyKind> wanted, Report report) {
        Map<FeatureId, String> labels = new HashMap<>();
        for (Feature f : existing) {
            labels.put(f.id(), f.ref() + " \"" + f.description() + "\"");
        }
        for (int i = 0; i < items.size(); i++) {
            labels.put(nodeIds[i], items.get(i).where() + (matched[i] != null ? " (" + matched[i].ref() + ")" : ""));
        }
        DependencyGraph.Builder builder = DependencyGraph.builder(existing.size() + items.size(), existingEdges.size() + wanted.size());
        Set<FeatureId> nodes = new HashSet<>();
        for (Feature f : existing) {
            builder.node(f.id(), f.number(), f.priority(), f.status());
            nodes.add(f.id());
        }
        for (int i = 0; i < items.size(); i++) {
            if (nodes.add(nodeIds[i])) {
                builder.node(nodeIds[i], Integer.MAX_VALUE - items.size() + i, 0, items.get(i).status());
            }
        }
        for (Dependency d : existingEdges) {
            if (!wanted.containsKey(List.of(d.dependent(), d.dependency()))) {
                builder.edge(d.dependent(), d.dependency(), d.kind());
            }
        }
        wanted.forEach((pair, kind) -> builder.edge(pair.get(0), pair.get(1), kind));
        ValidationReport validation = builder.build().validate();
        for (ValidationReport.Cycle c : validation.cycles()) {
            FeatureId first = c.path().getFirst();
            String where = labels.get(first);
            String path = c.path().stream().map(labels::get).collect(Collectors.joining(" → "));
            report.problem(where == null ? "" : where.replaceAll(" \\(#\\d+\\)$", ""), "dependency cycle: " + path
                    + " (each depends on the next). Remove one of these dependencies");
        }
    }

    /** The problems as a list, for messages. */
    public static List<Problem> all(Report report) {
        return report.problems();
    }
}
