package dev.ijoka.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Refuses every request whose {@code Host} is not this server's loopback name and port (DESIGN.md
 * §6: DNS rebinding). Runs first, on the I/O thread, before anything reads the store.
 */
public final class HostGuard implements HttpHandler {

    private final Loopback loopback;
    private final HttpHandler next;

    public HostGuard(Loopback loopback, HttpHandler next) {
        this.loopback = loopback;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!loopback.acceptsHost(host)) {
            Exchanges.sendError(exchange, HttpError.forbidden("forbidden_host", "this Ijoka server answers only to "
                    + String.join(", ", loopback.hosts()) + ", not to Host '" + (host == null ? "" : host)
                    + "': open http://localhost:" + loopback.port() + "/ instead"));
            return;
        }
        next.handleRequest(exchange);
    }
}
