package dev.ijoka.mcp.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON Schema fragments as ordered maps, the form the MCP SDK serializes. Terse on purpose: every
 * character here is in every agent's context (DESIGN.md §4: the whole tool list stays under 5,000
 * tokens), so output schemas carry types only and input schemas one short phrase per argument.
 */
final class Schema {

    private Schema() {}

    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        return schema;
    }

    /** An input schema: like {@link #object} but closed, since unknown arguments are refused. */
    static Map<String, Object> input(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = object(properties, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Name, schema, name, schema, ... in order. */
    static Map<String, Object> props(Object... namesAndSchemas) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            props.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
        }
        return props;
    }

    /** Any object; its fields are documented elsewhere. */
    static Map<String, Object> anyObject() {
        return typed("object", null);
    }

    static Map<String, Object> string(@Nullable String description) {
        return typed("string", description);
    }

    static Map<String, Object> string() {
        return typed("string", null);
    }

    static Map<String, Object> integer(@Nullable String description) {
        return typed("integer", description);
    }

    static Map<String, Object> integer() {
        return typed("integer", null);
    }

    static Map<String, Object> bool(@Nullable String description) {
        return typed("boolean", description);
    }

    static Map<String, Object> bool() {
        return typed("boolean", null);
    }

    static Map<String, Object> oneOf(@Nullable String description, String... values) {
        Map<String, Object> schema = typed("string", description);
        schema.put("enum", Arrays.asList(values));
        return schema;
    }

    static Map<String, Object> array(Map<String, Object> items, @Nullable String description) {
        Map<String, Object> schema = typed("array", description);
        schema.put("items", items);
        return schema;
    }

    static Map<String, Object> array(Map<String, Object> items) {
        return array(items, null);
    }

    private static Map<String, Object> typed(String type, @Nullable String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}
