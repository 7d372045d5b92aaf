package dev.ijoka.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;

/**
 * Runs a handler off Undertow's I/O threads, in blocking mode, and answers anything it throws with a
 * JSON error. The engine's calls block (on the store), so they must never run on an I/O thread.
 */
public final class Blocking implements HttpHandler {

    private final Executor executor;
    private final HttpHandler next;

    public Blocking(Executor executor, HttpHandler next) {
        this.executor = executor;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, this);
            return;
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            Exchanges.sendError(exchange, ErrorMapping.of(e));
        }
    }
}
