package dev.ijoka.mcp.internal;

import static dev.ijoka.mcp.internal.Schema.anyObject;
import static dev.ijoka.mcp.internal.Schema.array;
import static dev.ijoka.mcp.internal.Schema.integer;
import static dev.ijoka.mcp.internal.Schema.object;
import static dev.ijoka.mcp.internal.Schema.props;
import static dev.ijoka.mcp.internal.Schema.string;

import dev.ijoka.domain.Progress;
import java.util.List;
import java.util.Map;

/** Schema fragments and helpers that several tools share. */
final class Shapes {

    private Shapes() {}

    /** How a feature is named in arguments. */
    static final String REF = "#number or id";

    /** A compact feature, as {@link Views#row} makes it. */
    static final Map<String, Object> ROW = object(props(
            "ref", string(), "status", string(), "priority", integer(), "description", string(),
            "kind", string(), "blockReason", string()), "ref", "status");

    /**
     * A feature in full, as {@link Views#full} makes it. Only the main fields are typed here (the schema
     * is open): the tool list is read by every agent, and docs/mcp.md describes every field.
     */
    static final Map<String, Object> FULL = object(props(
            "id", string(), "ref", string(), "description", string(), "details", string(), "status", string(),
            "category", string(), "kind", string(), "priority", integer(), "steps", array(anyObject()),
            "blockReason", string(), "claim", anyObject(), "version", integer(),
            "dependsOn", array(anyObject()), "dependents", array(anyObject())),
            "id", "ref", "status");

    static final Map<String, Object> WARNINGS = array(string());

    /** The paging arguments every list takes. */
    static Object[] pagingArgs(int defaultLimit, int maxLimit) {
        return new Object[] {
            "limit", Schema.integer("rows per page, 1-" + maxLimit + ", default " + defaultLimit),
            "offset", Schema.integer("rows to skip"),
            "cursor", Schema.string("nextCursor of the previous page")
        };
    }

    /** Where a page starts and how long it is, read from {@code limit} and {@code offset} or {@code cursor}. */
    record Page(int offset, int limit) {

        static Page of(Args args, int defaultLimit, int maxLimit) {
            Integer limit = args.optInt("limit", 1, maxLimit);
            Integer offset = args.optInt("offset", 0, Integer.MAX_VALUE);
            String cursor = args.optString("cursor");
            if (cursor != null) {
                if (offset != null) {
                    throw ToolError.invalid("give cursor or offset, not both: cursor continues where the last page ended");
                }
                try {
                    offset = Integer.parseInt(cursor.strip());
                } catch (NumberFormatException e) {
                    offset = -1;
                }
                if (offset < 0) {
                    throw ToolError.invalid("cursor \"" + Views.clip(cursor, 40) + "\" is not one this server gave: pass"
                            + " nextCursor from the previous page unchanged, or use offset");
                }
            }
            return new Page(offset == null ? 0 : offset, limit == null ? defaultLimit : limit);
        }

        <T> List<T> slice(List<T> all) {
            if (offset >= all.size()) {
                return List.of();
            }
            return all.subList(offset, Math.min(all.size(), offset + limit));
        }

        /** Puts {@code total}, {@code offset}, {@code limit} and, when there is more, {@code nextCursor}. */
        void describe(Map<String, Object> out, int total) {
            out.put("total", total);
            out.put("offset", offset);
            out.put("limit", limit);
            if (offset + limit < total) {
                out.put("nextCursor", Integer.toString(offset + limit));
            }
        }

        /** {@code 21-40 of 143}, or a note that the page is past the end. */
        String range(int shown, int total) {
            if (shown == 0) {
                return total == 0 ? "none" : "none at offset " + offset + " (there are " + total + ")";
            }
            return (offset + 1) + "-" + (offset + shown) + " of " + total;
        }

        String more(int total) {
            return offset + limit < total ? "More: pass cursor \"" + (offset + limit) + "\".\n" : "";
        }
    }

    static final Map<String, Object> PAGE_PROPS = props(
            "total", integer(), "offset", integer(), "limit", integer(), "nextCursor", string());

    /** {@code 3 of 10 complete (30%) · 5 pending · 1 in progress · 1 blocked} */
    static String progress(Progress p) {
        return p.complete() + " of " + p.total() + " complete (" + p.percentComplete() + "%) · " + p.pending()
                + " pending · " + p.inProgress() + " in progress · " + p.blocked() + " blocked";
    }

    /** Why there is nothing to start, and what would change that. */
    static String nothingReady(Progress p, int ready) {
        if (p.total() == 0) {
            return "The project has no features yet: add some with ijoka_add_feature.";
        }
        if (p.complete() == p.total()) {
            return "Every feature is complete (" + p.total() + "). Add more with ijoka_add_feature.";
        }
        if (ready > 0) {
            return ready + " feature" + (ready == 1 ? " is" : "s are") + " ready, but a rule keeps this session from"
                    + " starting another (a WIP limit): complete or block what you hold first.";
        }
        return "Nothing is ready: " + p.pending() + " pending wait for their dependencies, " + p.blocked() + " blocked, "
                + p.inProgress() + " in progress. Unblock one (ijoka_list_features status=blocked), finish work in"
                + " progress, or add features.";
    }
}
