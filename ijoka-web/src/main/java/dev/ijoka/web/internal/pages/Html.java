package dev.ijoka.web.internal.pages;

import dev.ijoka.web.internal.http.ErrorMapping;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Runs a page handler off the I/O threads and answers its failures with an HTML error page (the
 * API answers with JSON instead).
 */
final class Html implements HttpHandler {

    static final String TYPE = "text/html; charset=utf-8";

    @FunctionalInterface
    interface Page {
        /** @return the HTML to send with 200 */
        String render(HttpServerExchange exchange) throws Exception;
    }

    private final Executor executor;
    private final Templates templates;
    private final Page page;

    Html(Executor executor, Templates templates, Page page) {
        this.executor = executor;
        this.templates = templates;
        this.page = page;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, this);
            return;
        }
        exchange.startBlocking();
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        try {
            String html = page.render(exchange);
            if (!exchange.isResponseStarted()) {
                Exchanges.sendText(exchange, 200, TYPE, html);
            }
        } catch (Exception e) {
            HttpError error = ErrorMapping.of(e);
            String html = templates.page("error", Map.of("status", error.status(), "message", error.getMessage()));
            Exchanges.sendText(exchange, error.status(), TYPE, html);
        }
    }

    static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }
}
