package dev.ijoka.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Lets a state-changing request (POST, PUT, PATCH, DELETE) through only when it comes from a page of
 * this server ({@code Origin}, or else {@code Referer}, of the same origin) and carries the launch
 * token in {@code X-Ijoka-Token}. Safe methods pass. Together with the {@link HostGuard} this keeps
 * other web sites, and other users' programs without the server file, from changing the plan.
 */
public final class SameOriginGuard implements HttpHandler {

    public static final HttpString TOKEN_HEADER = HttpString.tryFromString("X-Ijoka-Token");

    private final String token;
    private final boolean requireToken;
    private final HttpHandler next;

    /**
     * @param requireToken false for /mcp, whose clients are agents that send no token (and usually no
     *     Origin); a browser's Origin is still checked there
     */
    public SameOriginGuard(String token, boolean requireToken, HttpHandler next) {
        this.token = token;
        this.requireToken = requireToken;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (isSafe(exchange.getRequestMethod()) && requireToken) {
            next.handleRequest(exchange);
            return;
        }
        String own = Loopback.originOf(exchange.getRequestHeaders().getFirst(Headers.HOST));
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        String referer = exchange.getRequestHeaders().getFirst(Headers.REFERER);
        if (origin != null) {
            if (!origin.strip().equalsIgnoreCase(own)) {
                refuse(exchange, "cross_origin", "requests from " + origin + " may not change anything here: only pages of "
                        + own + " may");
                return;
            }
        } else if (requireToken) {
            if (referer == null || !(referer.equalsIgnoreCase(own) || referer.toLowerCase(java.util.Locale.ROOT).startsWith(own + "/"))) {
                refuse(exchange, "cross_origin", "a request that changes something needs an Origin (or Referer) header of "
                        + own + ": send Origin: " + own);
                return;
            }
        }
        if (requireToken && !tokenMatches(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
            refuse(exchange, "bad_token", "a request that changes something needs this launch's token in the "
                    + "X-Ijoka-Token header: pages carry it in <meta name=\"ijoka-token\">, other programs read it from "
                    + "server.json in Ijoka's data directory");
            return;
        }
        next.handleRequest(exchange);
    }

    static boolean isSafe(HttpString method) {
        return method.equals(Methods.GET) || method.equals(Methods.HEAD) || method.equals(Methods.OPTIONS);
    }

    /** Constant-time, so the token cannot be guessed byte by byte from response times. */
    private boolean tokenMatches(@Nullable String given) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServerExchange exchange, String code, String message) {
        Exchanges.sendError(exchange, HttpError.forbidden(code, message));
    }
}
