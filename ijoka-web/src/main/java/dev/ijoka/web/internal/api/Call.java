package dev.ijoka.web.internal.api;

import dev.ijoka.web.internal.http.Args;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import dev.ijoka.web.internal.http.JsonBody;
import io.undertow.server.HttpServerExchange;
import org.jspecify.annotations.Nullable;

/** One API request as an endpoint sees it: path and query parameters, and the JSON body. */
public final class Call {

    private final HttpServerExchange exchange;
    private @Nullable Args body;

    Call(HttpServerExchange exchange) {
        this.exchange = exchange;
    }

    public String path(String name) {
        return Exchanges.pathParam(exchange, name);
    }

    public @Nullable String query(String name) {
        return Exchanges.query(exchange, name);
    }

    /** A whole-number query parameter within bounds, or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        String v = query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw HttpError.badRequest("'" + name + "' must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("'" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    /** The JSON body (read once, bounded; see {@link JsonBody}). */
    public Args body() {
        if (body == null) {
            body = JsonBody.read(exchange);
        }
        return body;
    }

    public HttpServerExchange exchange() {
        return exchange;
    }
}
