package dev.ijoka.mcp.internal;

import static dev.ijoka.mcp.internal.Schema.array;
import static dev.ijoka.mcp.internal.Schema.input;
import static dev.ijoka.mcp.internal.Schema.object;
import static dev.ijoka.mcp.internal.Schema.oneOf;
import static dev.ijoka.mcp.internal.Schema.props;
import static dev.ijoka.mcp.internal.Schema.string;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Learnings: record one, find them again. */
final class InsightTools {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** Insights searched at most; {@code total} counts up to this. */
    static final int SEARCH_CAP = 1_000;
    /** Longest insight text in a list. */
    static final int TEXT_IN_LIST = 300;

    private static final Map<String, Object> INSIGHT = object(props(
            "id", string(), "kind", string(), "text", string(), "tags", array(string()), "feature", string()),
            "kind", "text");

    private InsightTools() {}

    static List<ToolDef> all() {
        return List.of(record(), get());
    }

    // ---- ijoka_record_insight

    private static ToolDef record() {
        return new ToolDef("ijoka_record_insight",
                "Record a learning for later sessions: a solution, an anti-pattern, a best practice or a tool tip.",
                input(props(
                        "text", string("the learning, self-contained"),
                        "kind", oneOf("default best_practice", ReadTools.wireNames(InsightKind.values())),
                        "tags", array(string()),
                        "feature", string("the feature it came from, " + Shapes.REF)), "text"),
                object(props("insight", INSIGHT), "insight"),
                false, InsightTools::record);
    }

    private static Reply record(Call call) {
        String text = call.args.string("text");
        InsightKind kind = call.args.optEnum("kind", InsightKind::fromWire, InsightKind.BEST_PRACTICE);
        List<String> tags = call.args.strings("tags");
        FeatureRef ref = call.args.optFeature("feature");
        Feature feature = ref == null ? null : call.feature(ref);
        Insight insight = call.ijoka.insights().record(call.project.id(),
                new NewInsight(text, kind, tags, feature == null ? null : feature.id()), call.session);
        Map<String, Object> view = view(insight, feature == null ? null : feature.ref(), Integer.MAX_VALUE);
        view.put("id", insight.id());
        return new Reply(Map.of("insight", view), "Recorded " + kind.wireName() + " insight"
                + (feature == null ? "" : " on " + feature.ref())
                + (insight.tags().isEmpty() ? "" : " tagged " + String.join(", ", insight.tags())) + ".\n");
    }

    // ---- ijoka_get_insights

    private static ToolDef get() {
        List<Object> args = new ArrayList<>(List.of(
                "query", string("words that must all appear"),
                "tag", string()));
        args.addAll(Arrays.asList(Shapes.pagingArgs(DEFAULT_LIMIT, MAX_LIMIT)));
        Map<String, Object> output = props("insights", array(INSIGHT));
        output.putAll(Shapes.PAGE_PROPS);
        return new ToolDef("ijoka_get_insights",
                "Find recorded insights by words and/or tag; with neither, the most useful ones (solutions and"
                        + " anti-patterns first).",
                input(props(args.toArray())),
                object(output, "insights", "total"),
                true, InsightTools::get);
    }

    private static Reply get(Call call) {
        String query = call.args.optString("query");
        String tag = call.args.optString("tag");
        Shapes.Page page = Shapes.Page.of(call.args, DEFAULT_LIMIT, MAX_LIMIT);
        List<Insight> all = query == null && tag == null
                ? call.ijoka.insights().top(call.project.id(), SEARCH_CAP)
                : call.ijoka.insights().search(call.project.id(), query, tag, SEARCH_CAP);
        List<Insight> shown = page.slice(all);
        List<Map<String, Object>> views = new ArrayList<>();
        StringBuilder text = new StringBuilder("Insights ").append(page.range(shown.size(), all.size())).append(":\n");
        for (Insight i : shown) {
            String ref = i.feature() == null ? null : ReadTools.refOf(call, i.feature());
            views.add(view(i, ref, TEXT_IN_LIST));
            text.append("- [").append(i.kind().wireName()).append("] ").append(Views.clip(i.text(), TEXT_IN_LIST));
            if (ref != null || !i.tags().isEmpty()) {
                List<String> about = new ArrayList<>();
                if (ref != null) {
                    about.add(ref);
                }
                i.tags().forEach(t -> about.add("#" + t));
                text.append(" (").append(String.join(" ", about)).append(')');
            }
            text.append('\n');
        }
        text.append(page.more(all.size()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("insights", views);
        page.describe(out, all.size());
        return new Reply(out, text.toString());
    }

    private static Map<String, Object> view(Insight i, @Nullable String featureRef, int textLimit) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", i.kind().wireName());
        v.put("text", Views.clip(i.text(), textLimit));
        v.put("tags", i.tags());
        if (featureRef != null) {
            v.put("feature", featureRef);
        }
        return v;
    }
}
