package dev.ijoka.interchange.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads typed fields of a JSON object, reporting a missing or wrong-typed field with its line. */
final class Fields {

    private final Json.Obj obj;
    private final String where;
    private final Report report;

    Fields(Json.Obj obj, String where, Report report) {
        this.obj = obj;
        this.where = where;
        this.report = report;
    }

    /** A string field; blank counts as absent. Reports a required one that is missing. */
    @Nullable String string(String name, boolean required) {
        Json v = obj.get(name);
        if (v == null) {
            if (required) {
                report.problem(where, "'" + name + "' is missing: every entry needs one");
            }
            return null;
        }
        if (!(v instanceof Json.Str s)) {
            report.problem(where, "'" + name + "' must be a string, but line " + v.line() + " has " + v.kind());
            return null;
        }
        if (s.value().isBlank()) {
            if (required) {
                report.problem(where, "'" + name + "' is empty: give it some text");
            }
            return null;
        }
        return s.value();
    }

    boolean bool(String name, boolean fallback) {
        Json v = obj.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Bool b)) {
            report.problem(where, "'" + name + "' must be true or false, but line " + v.line() + " has " + v.kind());
            return fallback;
        }
        return b.value();
    }

    /** An integer field within bounds, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        Json v = obj.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Num n && n.integral()) {
            try {
                int value = Integer.parseInt(n.text());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // out of int range: reported below
            }
            report.problem(where, "'" + name + "' must be between " + min + " and " + max + ", but line " + v.line()
                    + " has " + n.text());
            return fallback;
        }
        report.problem(where, "'" + name + "' must be a whole number, but line " + v.line() + " has " + v.kind());
        return fallback;
    }

    /** An id given as a whole number or a string; null (and reported, if required) when missing. */
    @Nullable String id(String name, boolean required) {
        Json v = obj.get(name);
        if (v == null) {
            if (required) {
                report.problem(where, "'" + name + "' is missing: every entry needs one");
            }
            return null;
        }
        return idValue(v, name);
    }

    @Nullable String idValue(Json v, String name) {
        return switch (v) {
            case Json.Str s when !s.value().isBlank() -> s.value().strip();
            case Json.Num n when n.integral() -> n.text();
            default -> {
                report.problem(where, "'" + name + "' must be a whole number or a non-empty string, but line " + v.line()
                        + " has " + v.kind());
                yield null;
            }
        };
    }

    /** An array field's elements, or an empty list when absent. */
    List<Json> array(String name) {
        Json v = obj.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof Json.Arr a)) {
            report.problem(where, "'" + name + "' must be an array, but line " + v.line() + " has " + v.kind());
            return List.of();
        }
        return a.items();
    }

    /** An array of strings; a non-string element is reported and left out. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        List<Json> items = array(name);
        for (int i = 0; i < items.size(); i++) {
            Json e = items.get(i);
            if (e instanceof Json.Str s) {
                if (!s.value().isBlank()) {
                    out.add(s.value());
                }
            } else {
                report.problem(where, "'" + name + "' must hold strings, but its element " + (i + 1) + " (line " + e.line()
                        + ") is " + e.kind());
            }
        }
        return out;
    }
}
