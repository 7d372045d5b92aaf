package dev.ijoka.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * The headers every response carries. The content security policy allows scripts from this origin
 * only and no inline script at all, so even a description that slipped past escaping could not run;
 * the pages therefore load all their code from /static and /webjars.
 */
public final class SecurityHeaders implements HttpHandler {

    /**
     * Cytoscape (the graph view) styles its container once with an inline style; that one style, by the
     * hash of its text, is the only inline style allowed. A new cytoscape version that changes it shows
     * as a console error in the browser tests.
     */
    private static final String CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' " + CYTOSCAPE_STYLE
            + "; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final HttpHandler next;

    public SecurityHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap h = exchange.getResponseHeaders();
        h.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        h.put(HttpString.tryFromString("Content-Security-Policy"), CSP);
        h.put(HttpString.tryFromString("Referrer-Policy"), "same-origin");
        h.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
        next.handleRequest(exchange);
    }
}
