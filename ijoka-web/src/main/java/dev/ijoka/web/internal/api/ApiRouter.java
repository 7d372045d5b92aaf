package dev.ijoka.web.internal.api;

import dev.ijoka.web.internal.http.Blocking;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.concurrent.Executor;

/** Path templates to endpoints, each run off the I/O threads; unknown paths and methods get JSON errors. */
public final class ApiRouter {

    private final RoutingHandler routing = Handlers.routing();
    private final Executor executor;

    public ApiRouter(Executor executor) {
        this.executor = executor;
        routing.setFallbackHandler(exchange -> Exchanges.sendError(exchange, HttpError.notFound(
                "there is no API endpoint " + exchange.getRequestMethod() + " " + exchange.getRequestPath()
                        + ": docs/api.md lists them")));
        routing.setInvalidMethodHandler(exchange -> Exchanges.sendError(exchange, new HttpError(405,
                "method_not_allowed", exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath()
                        + ": docs/api.md lists what is")));
    }

    public ApiRouter get(String template, Endpoint endpoint) {
        return add(Methods.GET, template, endpoint);
    }

    public ApiRouter post(String template, Endpoint endpoint) {
        return add(Methods.POST, template, endpoint);
    }

    public ApiRouter patch(String template, Endpoint endpoint) {
        return add(Methods.PATCH, template, endpoint);
    }

    public ApiRouter delete(String template, Endpoint endpoint) {
        return add(Methods.DELETE, template, endpoint);
    }

    /** Adds a handler that answers by itself (e.g. the event stream). */
    public ApiRouter raw(HttpString method, String template, HttpHandler handler) {
        routing.add(method, template, handler);
        return this;
    }

    private ApiRouter add(HttpString method, String template, Endpoint endpoint) {
        routing.add(method, template, new Blocking(executor, exchange -> respond(exchange, endpoint.handle(new Call(exchange)))));
        return this;
    }

    public HttpHandler handler() {
        return routing;
    }

    private static void respond(HttpServerExchange exchange, Object result) {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        switch (result) {
            case Reply r -> Exchanges.sendJson(exchange, r.status(), r.body());
            case Download d -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + d.fileName() + "\"");
                Exchanges.send(exchange, 200, d.contentType(), d.bytes());
            }
            default -> Exchanges.sendJson(exchange, 200, result);
        }
    }
}
