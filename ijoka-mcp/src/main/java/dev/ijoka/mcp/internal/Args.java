package dev.ijoka.mcp.internal;

import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.ProjectId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A tool's arguments as the client sent them (JSON decoded into maps, lists, strings, numbers and
 * booleans), read with the types the tool's input schema promises. Every mistake becomes a {@link
 * ToolError} that names the argument, what was expected and what came instead. A JSON {@code null}
 * counts as absent.
 */
public final class Args {

    private final ToolDef tool;
    private final Map<String, Object> values;
    private final ProjectId project;

    private Args(ToolDef tool, Map<String, Object> values, ProjectId project) {
        this.tool = tool;
        this.values = values;
        this.project = project;
    }

    /** Checks that every argument given is one the tool knows. */
    static Args of(ToolDef tool, @Nullable Map<String, Object> raw, ProjectId project) {
        Map<String, Object> values = raw == null ? Map.of() : raw;
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!tool.argumentNames().contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String accepted = tool.argumentNames().isEmpty() ? "it takes no arguments"
                    : "it takes " + String.join(", ", tool.argumentNames());
            throw ToolError.invalid(tool.name() + " has no argument" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList()) + ": " + accepted + ".");
        }
        return new Args(tool, values, project);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A required, non-blank string. */
    public String string(String name) {
        String value = optString(name);
        if (value == null) {
            throw missing(name, "a string");
        }
        return value;
    }

    /** A string if given; blank counts as a mistake, not as absent. */
    public @Nullable String optString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw wrongType(name, "a string", v);
        }
        if (s.isBlank()) {
            throw ToolError.invalid("'" + name + "' must not be blank" + hint(name));
        }
        return s;
    }

    /** A feature reference: {@code #12}, {@code 12} or a feature id (a JSON number is read as {@code #n}). */
    public @Nullable FeatureRef optFeature(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        String text = switch (v) {
            case String s -> s;
            case Integer i -> "#" + i;
            case Long l -> "#" + l;
            default -> throw wrongType(name, "a feature reference such as \"#12\"", v);
        };
        try {
            return FeatureRef.parse(project, text);
        } catch (IllegalArgumentException e) {
            throw ToolError.invalid("'" + name + "': " + e.getMessage());
        }
    }

    public FeatureRef feature(String name) {
        FeatureRef ref = optFeature(name);
        if (ref == null) {
            throw missing(name, "a feature reference such as \"#12\"");
        }
        return ref;
    }

    public List<FeatureRef> features(String name) {
        List<FeatureRef> refs = new ArrayList<>();
        for (Object item : list(name, "an array of feature references such as [\"#3\", \"#4\"]")) {
            String text = switch (item) {
                case String s -> s;
                case Integer i -> "#" + i;
                case Long l -> "#" + l;
                default -> throw wrongType(name, "an array of feature references such as [\"#3\", \"#4\"]", item);
            };
            try {
                refs.add(FeatureRef.parse(project, text));
            } catch (IllegalArgumentException e) {
                throw ToolError.invalid("'" + name + "': " + e.getMessage());
            }
        }
        return refs;
    }

    /** An integer within bounds, if given. JSON numbers with no fraction (3.0) count as integers. */
    public @Nullable Integer optInt(String name, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        long n = switch (v) {
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case BigInteger b when b.bitLength() < 63 -> b.longValue();
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> d.longValue();
            case BigDecimal d when d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(1e15)) < 0
                    -> d.longValue();
            default -> throw wrongType(name, "an integer", v);
        };
        if (n < min || n > max) {
            throw ToolError.invalid("'" + name + "' must be between " + min + " and " + max + ", got " + n + hint(name));
        }
        return (int) n;
    }

    public int integer(String name, int min, int max) {
        Integer value = optInt(name, min, max);
        if (value == null) {
            throw missing(name, "an integer");
        }
        return value;
    }

    public @Nullable Long optLong(String name) {
        Object v = values.get(name);
        return switch (v) {
            case null -> null;
            case Integer i -> (long) i;
            case Long l -> l;
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> d.longValue();
            default -> throw wrongType(name, "an integer", v);
        };
    }

    public boolean bool(String name, boolean otherwise) {
        Object v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Boolean b)) {
            throw wrongType(name, "true or false", v);
        }
        return b;
    }

    /** An array of non-blank strings, empty if absent. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Object item : list(name, "an array of strings")) {
            if (!(item instanceof String s)) {
                throw wrongType(name, "an array of strings", item);
            }
            if (s.isBlank()) {
                throw ToolError.invalid("'" + name + "' must not contain blank strings" + hint(name));
            }
            out.add(s);
        }
        return out;
    }

    /** An enum given by its wire name, or {@code otherwise} when absent. */
    public <E> @Nullable E optEnum(String name, Function<String, E> parse, @Nullable E otherwise) {
        String text = optString(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw ToolError.invalid("'" + name + "': " + e.getMessage());
        }
    }

    private List<?> list(String name, String expected) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw wrongType(name, expected, v);
        }
        return l;
    }

    private ToolError missing(String name, String expected) {
        return ToolError.invalid(tool.name() + " needs '" + name + "' (" + expected + ")" + hint(name));
    }

    private ToolError wrongType(String name, String expected, Object got) {
        return ToolError.invalid("'" + name + "' must be " + expected + ", got " + describe(got) + hint(name));
    }

    private String hint(String name) {
        String description = tool.argumentDescription(name);
        return description == null ? "." : ": " + description + ".";
    }

    /** What a JSON value was, for a message: {@code string "abc"}, {@code number 1.5}, {@code an object}. */
    static String describe(Object value) {
        return switch (value) {
            case String s -> "string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            case Number n -> "number " + n;
            case Boolean b -> b.toString();
            case List<?> l -> "an array";
            case Map<?, ?> m -> "an object";
            default -> value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
