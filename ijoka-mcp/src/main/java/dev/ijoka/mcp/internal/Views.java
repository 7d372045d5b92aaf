package dev.ijoka.mcp.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How features look in tool results: a compact row for lists, the full view for one feature, and the
 * text renderings of both. Field names are those of Ijoka's wire convention (docs/api.md), the same as
 * the web API's and the command line's views; what differs is what the agent's token budget asks:
 * absent values are left out rather than sent as {@code null}, rows are compact.
 */
final class Views {

    /** Longest description in a row. */
    static final int ROW_DESCRIPTION = 100;
    /** Longest details a tool returns unasked (start, next); {@code ijoka_get_feature} returns them whole. */
    static final int DETAILS_PREVIEW = 2_000;
    /** At most this many dependencies (and dependents) are shown with a feature. */
    static final int MAX_EDGES = 30;

    private Views() {}

    /** The compact form: {@code ref, status, priority, description} and, where they say something, kind and block reason. */
    static Map<String, Object> row(Feature f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ref", f.ref());
        row.put("status", f.status().wireName());
        row.put("priority", f.priority());
        row.put("description", clip(f.description(), ROW_DESCRIPTION));
        if (f.kind() != Kind.FEATURE) {
            row.put("kind", f.kind().wireName());
        }
        if (f.blockReason() != null) {
            row.put("blockReason", clip(f.blockReason(), ROW_DESCRIPTION));
        }
        return row;
    }

    static List<Map<String, Object>> rows(List<Feature> features) {
        return features.stream().map(Views::row).toList();
    }

    /** {@code #12 [pending] p2 Login form} */
    static String line(Feature f) {
        StringBuilder out = new StringBuilder().append(f.ref()).append(" [").append(f.status().wireName()).append("] ");
        if (f.priority() != 0) {
            out.append('p').append(f.priority()).append(' ');
        }
        if (f.kind() != Kind.FEATURE) {
            out.append(f.kind().wireName()).append(": ");
        }
        out.append(clip(f.description(), ROW_DESCRIPTION));
        if (f.blockReason() != null) {
            out.append(" (blocked: ").append(clip(f.blockReason(), ROW_DESCRIPTION)).append(')');
        }
        return out.toString();
    }

    static String lines(List<Feature> features) {
        StringBuilder out = new StringBuilder();
        for (Feature f : features) {
            out.append(line(f)).append('\n');
        }
        return out.toString();
    }

    /** A feature in full, with its dependencies both ways; details clipped to {@code detailsLimit}. */
    static Full full(Ijoka ijoka, Feature f, SessionId caller, int detailsLimit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", f.id().value());
        view.put("ref", f.ref());
        view.put("description", f.description());
        boolean truncated = false;
        if (f.details() != null) {
            truncated = f.details().length() > detailsLimit;
            view.put("details", clip(f.details(), detailsLimit));
            if (truncated) {
                view.put("detailsTruncated", true);
            }
        }
        view.put("category", f.category().wireName());
        view.put("kind", f.kind().wireName());
        view.put("status", f.status().wireName());
        view.put("priority", f.priority());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step s : f.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("text", s.text());
            step.put("done", s.done());
            steps.add(step);
        }
        view.put("steps", steps);
        view.put("stepsDone", (int) f.stepsDone());
        if (f.blockReason() != null) {
            view.put("blockReason", f.blockReason());
        }
        Feature parent = f.parent() == null ? null : find(ijoka, f.parent()).orElse(null);
        if (parent != null) {
            view.put("parent", parent.ref());
        }
        Claim claim = f.claim();
        if (claim != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("session", claim.session().value());
            c.put("leaseUntil", claim.leaseUntil().toString());
            c.put("yours", claim.isHeldBy(caller));
            view.put("claim", c);
        }
        view.put("version", f.version());
        List<Edge> dependsOn = edges(ijoka, ijoka.dependencies().of(f.id()), true);
        List<Edge> dependents = edges(ijoka, ijoka.dependencies().dependentsOf(f.id()), false);
        view.put("dependsOn", dependsOn.stream().limit(MAX_EDGES).map(Edge::view).toList());
        view.put("dependents", dependents.stream().limit(MAX_EDGES).map(Edge::view).toList());
        view.put("updatedAt", f.updatedAt().toString());
        return new Full(view, text(f, parent, caller, dependsOn, dependents, detailsLimit, truncated));
    }

    /** The full view and its text rendering. */
    record Full(Map<String, Object> view, String text) {}

    /** One end of a dependency, as shown beside a feature. */
    private record Edge(Feature other, String kind) {
        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("ref", other.ref());
            v.put("status", other.status().wireName());
            v.put("kind", kind);
            v.put("description", clip(other.description(), 60));
            return v;
        }

        String text() {
            return other.ref() + " " + other.status().wireName() + ("blocks".equals(kind) ? "" : " (" + kind + ")")
                    + " \"" + clip(other.description(), 60) + "\"";
        }
    }

    private static List<Edge> edges(Ijoka ijoka, List<Dependency> deps, boolean outgoing) {
        // The other ends read together: one question to the store (or the server's snapshot), not one each.
        Map<FeatureId, Feature> others = new HashMap<>();
        for (Feature other : ijoka.features().findAll(deps.stream().map(d -> outgoing ? d.dependency() : d.dependent()).toList())) {
            others.put(other.id(), other);
        }
        List<Edge> out = new ArrayList<>();
        for (Dependency d : deps) {
            Feature other = others.get(outgoing ? d.dependency() : d.dependent());
            if (other != null) {
                out.add(new Edge(other, d.kind().wireName()));
            }
        }
        return out;
    }

    private static Optional<Feature> find(Ijoka ijoka, FeatureId id) {
        return ijoka.features().find(id);
    }

    private static String text(Feature f, @Nullable Feature parent, SessionId caller, List<Edge> dependsOn,
            List<Edge> dependents, int detailsLimit, boolean truncated) {
        StringBuilder out = new StringBuilder();
        out.append(f.ref()).append(' ').append(f.description()).append('\n');
        out.append(f.status().wireName()).append(" · ").append(f.category().wireName()).append(' ')
                .append(f.kind().wireName()).append(" · priority ").append(f.priority()).append(" · version ")
                .append(f.version());
        if (parent != null) {
            out.append(" · part of ").append(parent.ref());
        }
        Claim claim = f.claim();
        if (claim != null) {
            out.append(" · claimed by ").append(claim.isHeldBy(caller) ? "you" : "session " + claim.session())
                    .append(" until ").append(claim.leaseUntil());
        }
        out.append('\n');
        if (f.status() == Status.BLOCKED && f.blockReason() != null) {
            out.append("Blocked: ").append(f.blockReason()).append('\n');
        }
        if (f.details() != null) {
            out.append("Details:\n").append(clip(f.details(), detailsLimit)).append('\n');
            if (truncated) {
                out.append("(details cut at ").append(detailsLimit).append(" characters: ijoka_get_feature shows them all)\n");
            }
        }
        if (!f.steps().isEmpty()) {
            out.append("Steps (").append(f.stepsDone()).append('/').append(f.steps().size())
                    .append(" done; ijoka_check_step takes the number):\n");
            for (int i = 0; i < f.steps().size(); i++) {
                Step s = f.steps().get(i);
                out.append("  ").append(i).append(s.done() ? " [x] " : " [ ] ").append(s.text()).append('\n');
            }
        }
        appendEdges(out, "Depends on", dependsOn);
        appendEdges(out, "Needed by", dependents);
        return out.toString();
    }

    private static void appendEdges(StringBuilder out, String label, List<Edge> edges) {
        if (edges.isEmpty()) {
            return;
        }
        out.append(label).append(": ");
        for (int i = 0; i < Math.min(edges.size(), MAX_EDGES); i++) {
            out.append(i == 0 ? "" : ", ").append(edges.get(i).text());
        }
        if (edges.size() > MAX_EDGES) {
            out.append(" and ").append(edges.size() - MAX_EDGES).append(" more");
        }
        out.append('\n');
    }

    /** At most {@code max} characters, ending in an ellipsis when cut; never splits a surrogate pair. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
