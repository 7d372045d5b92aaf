package dev.ijoka.web.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request's JSON object body, bounded in size (DESIGN.md §9): an oversized body is refused
 * with 413 before it is parsed, malformed JSON with 400 saying where it broke. Nothing has changed
 * when either happens, since handlers read the body before they touch the engine.
 */
public final class JsonBody {

    /** The largest body accepted; a description is 2,000 characters, details 64,000 (DESIGN.md §9). */
    public static final int MAX_BYTES = 64 * 1024 + 4 * 1024;

    private JsonBody() {}

    /** The body as a JSON object; an empty body reads as {@code {}}. Call only from a {@link Blocking} handler. */
    public static Args read(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        byte[] bytes = bytes(exchange);
        if (bytes.length == 0) {
            return new Args(Json.MAPPER.createObjectNode());
        }
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "unsupported_media_type", "the body must be JSON, sent as Content-Type: "
                    + "application/json (it was " + type + ")");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + location(e) + ". Send one JSON object, e.g. {\"command\": \"start\"}");
        }
        if (node == null || !node.isObject()) {
            throw new HttpError(400, "malformed_json", "the body must be one JSON object, e.g. {\"command\": \"start\"}, "
                    + "not " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return new Args(node);
    }

    private static String location(JacksonException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    static byte[] bytes(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > MAX_BYTES) {
            throw tooLarge(declared);
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static HttpError tooLarge(long size) {
        return new HttpError(413, "too_large", "the body is " + (size > 0 ? size + " bytes" : "longer than the limit")
                + "; at most " + MAX_BYTES + " bytes are accepted. A description holds 2,000 characters, details 64,000:"
                + " send less text");
    }
}
