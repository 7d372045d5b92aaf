package dev.ijoka.web.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.web.internal.api.Api;
import dev.ijoka.web.internal.api.ApiRouter;
import dev.ijoka.web.internal.api.Burnup;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HostGuard;
import dev.ijoka.web.internal.http.HttpError;
import dev.ijoka.web.internal.http.Loopback;
import dev.ijoka.web.internal.http.SameOriginGuard;
import dev.ijoka.web.internal.http.SecurityHeaders;
import dev.ijoka.web.internal.live.EventStream;
import dev.ijoka.web.internal.mcp.McpEndpoint;
import dev.ijoka.web.internal.pages.Assets;
import dev.ijoka.web.internal.pages.ClasspathFiles;
import dev.ijoka.web.internal.pages.Pages;
import dev.ijoka.web.internal.pages.Templates;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Methods;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The whole dashboard as one Undertow handler, and what it must stop when the server stops.
 *
 * <pre>
 * SecurityHeaders → HostGuard → /api/**    SameOriginGuard (token) → the API router, /api/stream
 *                             → /mcp       SameOriginGuard (Origin only) → the MCP endpoint
 *                             → /static/** , /webjars/**  files from the class path
 *                             → /**        SameOriginGuard (token) → the pages
 * </pre>
 *
 * Requests that touch the store run on virtual threads, never on Undertow's I/O threads.
 */
public final class Dashboard implements AutoCloseable {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ijoka-web-", 0).factory());
    private final HttpHandler handler;
    private final EventStream stream;
    private final McpEndpoint mcp;

    /**
     * @param shutdown what {@code POST /api/shutdown} runs (on its own thread, after answering)
     * @param defaultProject the directory whose project {@code /} opens
     */
    public Dashboard(Ijoka ijoka, String version, String bindHost, int port, String token, Runnable shutdown,
            @Nullable Path defaultProject) {
        Api api = new Api(ijoka);
        Templates templates = new Templates();
        Assets assets = new Assets();
        this.stream = new EventStream(api.lookup(), executor);
        this.mcp = new McpEndpoint(ijoka, version, defaultProject, executor);

        ApiRouter router = new ApiRouter(executor);
        api.register(router, version, shutdown, new Burnup(ijoka));
        router.raw(Methods.GET, "/api/stream", stream);

        HttpHandler notFound = exchange -> Exchanges.sendError(exchange, HttpError.notFound(
                "there is nothing at " + exchange.getRequestPath() + ": the dashboard is at /"));
        PathHandler paths = Handlers.path(new SameOriginGuard(token, true,
                        new Pages(ijoka, api, templates, assets, token, version, defaultProject, executor).handler(notFound)))
                .addPrefixPath("/api", new SameOriginGuard(token, true, withFullPath(router.handler())))
                .addExactPath("/mcp", new SameOriginGuard(token, false, mcp))
                .addPrefixPath("/static", new ClasspathFiles("/static/", rest -> "dev/ijoka/web/static/" + rest,
                        "no-cache"))
                .addPrefixPath("/webjars", new ClasspathFiles("/webjars/", assets::resource,
                        "public, max-age=31536000, immutable"));
        this.handler = new SecurityHeaders(new HostGuard(new Loopback(bindHost, port), paths));
    }

    /** The API's routes are written whole ({@code /api/projects}); the path handler strips its prefix, this puts it back. */
    private static HttpHandler withFullPath(HttpHandler next) {
        return exchange -> {
            exchange.setRelativePath(exchange.getRequestPath());
            next.handleRequest(exchange);
        };
    }

    public HttpHandler handler() {
        return handler;
    }

    /** Ends the open event streams and MCP sessions, and the request threads. */
    @Override
    public void close() {
        stream.close();
        mcp.close();
        executor.shutdown();
    }
}
