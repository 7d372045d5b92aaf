package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A readable report of the plan: progress, a table of every feature in plan order, then each
 * feature with its details and its steps as a checklist. For pull requests, wikis and people.
 */
public final class MarkdownFormat {

    private MarkdownFormat() {}

    public static void write(ExportData data, Writer writer) {
        PrintWriter out = new PrintWriter(writer);
        Progress p = data.progress();
        Map<FeatureId, Feature> byId = data.byId();
        Map<FeatureId, List<Dependency>> deps = data.dependenciesByDependent();
        List<Feature> ranked = ExportData.inRankOrder(data.features());
        out.println("# Plan: " + data.project().name());
        out.println();
        out.println(p.total() + " features: " + p.complete() + " complete (" + p.percentComplete() + "%), " + p.inProgress()
                + " in progress, " + p.blocked() + " blocked, " + p.pending() + " pending.");
        out.println();
        if (!ranked.isEmpty()) {
            out.println("| # | status | priority | category | kind | description | depends on |");
            out.println("|---|---|---|---|---|---|---|");
            for (Feature f : ranked) {
                out.println("| " + f.ref() + " | " + f.status().wireName() + " | " + f.priority() + " | " + f.category().wireName()
                        + " | " + f.kind().wireName() + " | " + cell(f.description()) + " | "
                        + refs(deps.getOrDefault(f.id(), List.of()), byId) + " |");
            }
            out.println();
        }
        for (Feature f : ranked) {
            out.println("## " + (f.status() == Status.COMPLETE ? "[x] " : "[ ] ") + f.ref() + " " + oneLine(f.description()));
            out.println();
            StringBuilder facts = new StringBuilder("status: " + f.status().wireName());
            if (f.blockReason() != null) {
                facts.append(" (").append(oneLine(f.blockReason())).append(')');
            }
            facts.append(" · priority ").append(f.priority()).append(" · ").append(f.category().wireName()).append(" · ")
                    .append(f.kind().wireName());
            if (f.parent() != null && byId.containsKey(f.parent())) {
                facts.append(" · part of ").append(byId.get(f.parent()).ref());
            }
            String d = refs(deps.getOrDefault(f.id(), List.of()), byId);
            if (!d.isEmpty()) {
                facts.append(" · depends on ").append(d);
            }
            out.println(facts);
            out.println();
            if (f.details() != null) {
                // Demote the details' own headings so they nest under the feature's.
                out.println(f.details().replaceAll("(?m)^(#{1,5}) ", "$1## "));
                out.println();
            }
            if (!f.steps().isEmpty()) {
                for (Step s : f.steps()) {
                    out.println("- [" + (s.done() ? "x" : " ") + "] " + oneLine(s.text()));
                }
                out.println();
            }
        }
        out.flush();
    }

    private static String refs(List<Dependency> ds, Map<FeatureId, Feature> byId) {
        return ds.stream()
                .filter(d -> byId.containsKey(d.dependency()))
                .map(d -> byId.get(d.dependency()).ref() + (d.kind() == DependencyKind.RELATED ? " (related)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Table cells: one line, pipes escaped. */
    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }
}
