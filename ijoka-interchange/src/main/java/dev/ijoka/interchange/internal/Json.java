package dev.ijoka.interchange.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON value that remembers the line it started on, so that every complaint about an imported
 * file can name the line to fix. Parsed with Jackson's streaming parser (duplicate keys refused).
 */
public sealed interface Json {

    /** 1-based line of the value's first character. */
    int line();

    /** What a person calls this kind of value in an error message. */
    String kind();

    record Obj(Map<String, Json> fields, int line) implements Json {
        public @Nullable Json get(String name) {
            Json v = fields.get(name);
            return v instanceof Null ? null : v;
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    record Arr(List<Json> items, int line) implements Json {
        @Override
        public String kind() {
            return "an array";
        }
    }

    record Str(String value, int line) implements Json {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number, kept as its text so that integers and decimals are told apart without loss. */
    record Num(String text, boolean integral, int line) implements Json {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record Bool(boolean value, int line) implements Json {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record Null(int line) implements Json {
        @Override
        public String kind() {
            return "null";
        }
    }

    JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * Parses one JSON document.
     *
     * @throws tools.jackson.core.JacksonException for malformed JSON, with the location
     */
    static Json parse(Reader reader) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalStateException("the file is empty");
            }
            Json value = read(p);
            if (p.nextToken() != null) {
                throw new IllegalStateException("line " + p.currentTokenLocation().getLineNr()
                        + ": more content after the end of the JSON document");
            }
            return value;
        }
    }

    /** Parses one JSON value from a line of text (for JSON Lines). */
    static Json parse(String text) {
        return parse(new java.io.StringReader(text));
    }

    private static Json read(JsonParser p) {
        // Iterative for arrays and objects would be nicer, but Jackson already bounds nesting depth (1000).
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, read(p));
                }
                yield new Obj(fields, line);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                yield new Arr(items, line);
            }
            case VALUE_STRING -> new Str(p.getString(), line);
            case VALUE_NUMBER_INT -> new Num(p.getString(), true, line);
            case VALUE_NUMBER_FLOAT -> new Num(p.getString(), false, line);
            case VALUE_TRUE -> new Bool(true, line);
            case VALUE_FALSE -> new Bool(false, line);
            case VALUE_NULL -> new Null(line);
            default -> throw new IllegalStateException("line " + line + ": unexpected " + t);
        };
    }
}
