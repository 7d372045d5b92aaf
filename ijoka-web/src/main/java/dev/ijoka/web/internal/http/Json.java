package dev.ijoka.web.internal.http;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the web module (Jackson 3, the line the MCP SDK uses). Thread-safe. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String text(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
