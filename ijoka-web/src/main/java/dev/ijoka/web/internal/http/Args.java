package dev.ijoka.web.internal.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The fields of a JSON request body, read with errors that name the field and the type it needs. */
public final class Args {

    private final JsonNode node;

    Args(JsonNode node) {
        this.node = node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String string(String field) {
        String v = optionalString(field);
        if (v == null) {
            throw HttpError.badRequest("'" + field + "' is required: give it as a JSON string");
        }
        return v;
    }

    public @Nullable String optionalString(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw HttpError.badRequest("'" + field + "' must be a JSON string, got " + kind(v));
        }
        return v.asString();
    }

    /** A feature reference may be written {@code "#12"}, {@code "12"}, an id, or the number 12. */
    public @Nullable String optionalRef(String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return "#" + v.asLong();
        }
        return optionalString(field);
    }

    public String ref(String field) {
        String v = optionalRef(field);
        if (v == null) {
            throw HttpError.badRequest("'" + field + "' is required: name the feature as \"#12\" or by its id");
        }
        return v;
    }

    public @Nullable Integer optionalInt(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw HttpError.badRequest("'" + field + "' must be a whole number, got " + kind(v));
        }
        return v.asInt();
    }

    public @Nullable Long optionalLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw HttpError.badRequest("'" + field + "' must be a whole number, got " + kind(v));
        }
        return v.asLong();
    }

    public boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw HttpError.badRequest("'" + field + "' is required: true or false" + (v == null ? "" : ", got " + kind(v)));
        }
        return v.asBoolean();
    }

    public @Nullable List<String> optionalStrings(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw HttpError.badRequest("'" + field + "' must be a JSON array of strings, got " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw HttpError.badRequest("'" + field + "' must hold strings only, got " + kind(item));
            }
            out.add(item.asString());
        }
        return out;
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
