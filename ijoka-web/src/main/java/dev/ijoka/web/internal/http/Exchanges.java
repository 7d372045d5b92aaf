package dev.ijoka.web.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers for reading a request and writing a response. */
public final class Exchanges {

    public static final String JSON = "application/json; charset=utf-8";

    private Exchanges() {}

    public static void sendJson(HttpServerExchange exchange, int status, Object body) {
        send(exchange, status, JSON, Json.bytes(body));
    }

    public static void sendError(HttpServerExchange exchange, HttpError error) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange(); // too late for a status: the client sees the response cut short
            return;
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", error.code());
        inner.put("message", error.getMessage());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        sendJson(exchange, error.status(), Map.of("error", inner));
    }

    public static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    public static void sendText(HttpServerExchange exchange, int status, String contentType, String body) {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A parameter of the matched path template, e.g. {@code p} in {@code /api/projects/{p}}. */
    public static String pathParam(HttpServerExchange exchange, String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter " + name);
        }
        return value;
    }

    /** The first value of a query parameter, or null when absent or blank. */
    public static @Nullable String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.getFirst();
        return v == null || v.isBlank() ? null : v.strip();
    }
}
