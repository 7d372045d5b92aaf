package dev.ijoka.mcp.internal;

import static dev.ijoka.mcp.internal.Schema.bool;
import static dev.ijoka.mcp.internal.Schema.input;
import static dev.ijoka.mcp.internal.Schema.integer;
import static dev.ijoka.mcp.internal.Schema.object;
import static dev.ijoka.mcp.internal.Schema.oneOf;
import static dev.ijoka.mcp.internal.Schema.props;
import static dev.ijoka.mcp.internal.Schema.string;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The tools that only read: status, next, list and get. */
final class ReadTools {

    static final int LIST_DEFAULT = 20;
    static final int LIST_MAX = 100;

    private ReadTools() {}

    static List<ToolDef> all() {
        return List.of(status(), next(), list(), get());
    }

    // ---- ijoka_status

    private static ToolDef status() {
        return new ToolDef("ijoka_status",
                "Project progress: counts by status, the feature you hold, and what is ready next. A good first call.",
                input(props()),
                object(props(
                        "project", object(props("name", string(), "root", string())),
                        "session", object(props("id", string(), "agent", string())),
                        "counts", object(props("pending", integer(), "inProgress", integer(), "blocked", integer(),
                                "complete", integer(), "total", integer())),
                        "percentComplete", integer(),
                        "readyCount", integer(),
                        "workingOn", Shapes.ROW,
                        "next", Shapes.ROW), "project", "counts"),
                true, ReadTools::status);
    }

    private static Reply status(Call call) {
        Progress p = call.ijoka.plan().progress(call.project.id());
        int readyCount = call.ijoka.plan().readyCount(call.project.id());
        Feature nextReady = call.ijoka.plan().ready(call.project.id(), 1).stream().findFirst().orElse(null);
        Session s = call.ijoka.sessions().get(call.session);
        Feature working = s.currentFeature() == null ? null : call.ijoka.features().find(s.currentFeature()).orElse(null);

        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", call.project.name());
        project.put("root", call.project.root());
        out.put("project", project);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", s.id().value());
        session.put("agent", s.agent());
        out.put("session", session);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pending", p.pending());
        counts.put("inProgress", p.inProgress());
        counts.put("blocked", p.blocked());
        counts.put("complete", p.complete());
        counts.put("total", p.total());
        out.put("counts", counts);
        out.put("percentComplete", p.percentComplete());
        out.put("readyCount", readyCount);
        if (working != null) {
            out.put("workingOn", Views.row(working));
        }
        if (nextReady != null) {
            out.put("next", Views.row(nextReady));
        }

        StringBuilder text = new StringBuilder();
        text.append(call.project.name()).append(": ").append(Shapes.progress(p)).append(" · ").append(readyCount)
                .append(" ready\n");
        text.append(working == null ? "You hold no feature.\n" : "You are working on " + Views.line(working) + "\n");
        text.append(nextReady == null
                ? "Nothing is ready to start.\n"
                : "Next ready: " + Views.line(nextReady) + " (ijoka_start_feature claims it)\n");
        return new Reply(out, text.toString());
    }

    // ---- ijoka_next_feature

    private static ToolDef next() {
        return new ToolDef("ijoka_next_feature",
                "The feature to work on next: the one you hold, else the highest-priority ready one. Does not claim it:"
                        + " ijoka_start_feature does.",
                input(props()),
                object(props("feature", Shapes.FULL, "yours", bool(), "readyCount", integer(), "reason", string()),
                        "readyCount"),
                true, ReadTools::next);
    }

    private static Reply next(Call call) {
        Optional<Feature> next = call.ijoka.plan().next(call.project.id(), call.session);
        int ready = call.ijoka.plan().readyCount(call.project.id());
        Map<String, Object> out = new LinkedHashMap<>();
        if (next.isEmpty()) {
            String reason = Shapes.nothingReady(call.ijoka.plan().progress(call.project.id()), ready);
            out.put("readyCount", ready);
            out.put("reason", reason);
            return new Reply(out, reason + "\n");
        }
        Feature f = next.get();
        boolean yours = f.claim() != null && f.claim().isHeldBy(call.session);
        Views.Full full = Views.full(call.ijoka, f, call.session, Views.DETAILS_PREVIEW);
        out.put("feature", full.view());
        out.put("yours", yours);
        out.put("readyCount", ready);
        String head = yours ? "You are working on this feature (complete it with ijoka_complete_feature):\n"
                : "Next up (claim it with ijoka_start_feature):\n";
        return new Reply(out, head + full.text());
    }

    // ---- ijoka_list_features

    private static ToolDef list() {
        List<Object> args = new ArrayList<>(List.of(
                "status", string("pending, in_progress, blocked or complete; comma-separate several"),
                "ready", bool("only features that can start now, in priority order"),
                "category", oneOf(null, wireNames(Category.values())),
                "kind", oneOf(null, wireNames(Kind.values())),
                "query", string("words that must all appear in the description")));
        args.addAll(Arrays.asList(Shapes.pagingArgs(LIST_DEFAULT, LIST_MAX)));
        Map<String, Object> output = props("features", Schema.array(Shapes.ROW));
        output.putAll(Shapes.PAGE_PROPS);
        return new ToolDef("ijoka_list_features",
                "List features by number, filtered and paged. Compact rows: ijoka_get_feature shows one in full.",
                input(props(args.toArray())),
                object(output, "features", "total"),
                true, ReadTools::list);
    }

    private static Reply list(Call call) {
        Set<Status> statuses = statuses(call.args.optString("status"));
        boolean readyOnly = call.args.bool("ready", false);
        Category category = call.args.optEnum("category", Category::fromWire, null);
        Kind kind = call.args.optEnum("kind", Kind::fromWire, null);
        String query = call.args.optString("query");
        Shapes.Page page = Shapes.Page.of(call.args, LIST_DEFAULT, LIST_MAX);
        List<String> words = query == null ? List.of()
                : Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();

        if (!readyOnly && category == null && kind == null && words.isEmpty()) {
            // By status or not at all: the engine reads the page alone (a server's snapshot, or a query with a limit).
            var paged = call.ijoka.features().page(call.project.id(), statuses, page.offset(), page.limit());
            return listReply(page, paged.features(), paged.total());
        }
        List<Feature> source = readyOnly ? call.ijoka.plan().ready(call.project.id())
                : call.ijoka.features().list(call.project.id());
        List<Feature> matching = new ArrayList<>();
        for (Feature f : source) {
            if ((statuses.isEmpty() || statuses.contains(f.status()))
                    && (category == null || f.category() == category)
                    && (kind == null || f.kind() == kind)
                    && containsAll(f.description(), words)) {
                matching.add(f);
            }
        }
        return listReply(page, page.slice(matching), matching.size());
    }

    private static Reply listReply(Shapes.Page page, List<Feature> shown, int total) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("features", Views.rows(shown));
        page.describe(out, total);
        String text = "Features " + page.range(shown.size(), total) + ":\n" + Views.lines(shown) + page.more(total);
        return new Reply(out, text);
    }

    private static Set<Status> statuses(@Nullable String text) {
        if (text == null) {
            return Set.of();
        }
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    out.add(Status.fromWire(part));
                } catch (IllegalArgumentException e) {
                    throw ToolError.invalid("'status': " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static boolean containsAll(String text, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!lower.contains(w)) {
                return false;
            }
        }
        return true;
    }

    static String[] wireNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    // ---- ijoka_get_feature

    private static ToolDef get() {
        return new ToolDef("ijoka_get_feature",
                "One feature in full: details, steps, dependencies both ways, claim.",
                input(props("feature", string(Shapes.REF)), "feature"),
                object(props("feature", Shapes.FULL), "feature"),
                true, ReadTools::get);
    }

    private static Reply get(Call call) {
        Feature f = call.feature(call.args.feature("feature"));
        Views.Full full = Views.full(call.ijoka, f, call.session, Limits.MAX_DETAILS);
        var todos = call.ijoka.sessions().featureTodos(f.id());
        if (todos.isEmpty()) {
            return new Reply(Map.of("feature", full.view()), full.text());
        }
        // The agent's own todo list, in a line: how far through it is and what it does now, never every item.
        Map<String, Object> view = new java.util.LinkedHashMap<>(full.view());
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("done", todos.get().done());
        summary.put("total", todos.get().total());
        todos.get().now().ifPresent(n -> summary.put("now", Views.clip(n, Views.ROW_DESCRIPTION)));
        view.put("agentTodos", summary);
        String line = "Agent's todo list: " + todos.get().done() + "/" + todos.get().total()
                + todos.get().now().map(n -> " · now: " + Views.clip(n, Views.ROW_DESCRIPTION)).orElse("") + "\n";
        return new Reply(Map.of("feature", view), full.text() + line);
    }

    /** The feature's ref for a message, when only its id is at hand. */
    static String refOf(Call call, FeatureId id) {
        return call.ijoka.features().find(id).map(Feature::ref).orElse(id.value());
    }
}
