package dev.ijoka.web.internal.live;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.interchange.JsonViews;
import dev.ijoka.web.internal.api.Lookup;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import dev.ijoka.web.internal.http.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream?project=ID}: one Server-Sent Event per event of the project (and of the
 * global rules, which apply to it too) committed anywhere: by this process, or by another on the same store (the engine's bus carries both). Each
 * event's {@code id:} is its sequence, so a browser that reconnects with {@code Last-Event-ID} gets
 * what it missed from the log before the live events; the event name is the event type and the data
 * its JSON. A comment line every 15 s keeps proxies and the browser from dropping a quiet stream.
 */
public final class EventStream implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How far a reconnecting page may be behind before it is told to reload instead of replayed. */
    static final int MAX_REPLAY = 5_000;
    private static final int PAGE = 500;

    private final Ijoka ijoka;
    private final Lookup lookup;
    private final Executor executor;
    private final ServerSentEventHandler sse;

    public EventStream(Lookup lookup, Executor executor) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
        this.executor = executor;
        this.sse = new ServerSentEventHandler((connection, lastEventId) -> {
            // handleRequest has checked the project before the stream opened.
            ProjectId project = ProjectId.of(connection.getQueryParameters().get("project").getFirst().strip());
            // Replay reads the store: never on the I/O thread that calls back here.
            executor.execute(() -> open(connection, project, lastEventId));
        });
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, this);
            return;
        }
        String id = Exchanges.query(exchange, "project");
        if (id == null) {
            Exchanges.sendError(exchange, HttpError.badRequest("name the project: /api/stream?project=ID (GET /api/projects lists them)"));
            return;
        }
        Project project;
        try {
            project = lookup.project(id);
        } catch (HttpError e) {
            Exchanges.sendError(exchange, e);
            return;
        }
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, "no-store");
        LOG.debug("event stream opened for project {}", project.id());
        sse.handleRequest(exchange);
    }

    /** Number of open streams, for tests and diagnostics. */
    public int openStreams() {
        return sse.getConnections().size();
    }

    private void open(ServerSentEventConnection connection, ProjectId project, @Nullable String lastEventId) {
        Relay relay = new Relay(connection);
        // Subscribe first, then replay: events that arrive meanwhile wait for the relay's lock and are
        // dropped if the replay already sent them, so nothing is lost and nothing is sent twice.
        synchronized (relay) {
            Events.Subscription subscription = ijoka.events().subscribe(e -> concerns(project, e), relay::send);
            connection.addCloseTask(c -> subscription.close());
            connection.setKeepAliveTime(HEARTBEAT.toMillis());
            if (!connection.isOpen()) {
                subscription.close();
                return;
            }
            long from = parse(lastEventId);
            if (from >= 0 && !replay(relay, project, from)) {
                return;
            }
            // Without Last-Event-ID the subscription alone delivers: it carries every event committed
            // after it was made, so there is no gap to fill and nothing to drop.
            connection.send(Json.text(java.util.Map.of("lastSequence", ijoka.events().lastSequence())), "ready", null, null);
        }
    }

    /**
     * Whether a page of {@code project} shows what {@code e} changed: the project's own events, and the
     * events of global rules (the only events without a project), which apply to every project.
     */
    static boolean concerns(ProjectId project, Event e) {
        return e.project() == null || project.equals(e.project());
    }

    /** @return false if the page is too far behind and was told to reload instead */
    private boolean replay(Relay relay, ProjectId project, long from) {
        long after = from;
        int sent = 0;
        while (true) {
            List<Event> page = ijoka.events().after(after, PAGE);
            for (Event e : page) {
                if (concerns(project, e)) {
                    relay.send(e);
                    if (++sent > MAX_REPLAY) {
                        relay.connection.send("{}", "reload", null, null);
                        return false;
                    }
                }
                after = e.sequence();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        relay.sent = Math.max(relay.sent, after);
        return true;
    }

    private static long parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One page's stream: sends each event once, in order. */
    private final class Relay {
        final ServerSentEventConnection connection;
        long sent = -1;

        Relay(ServerSentEventConnection connection) {
            this.connection = connection;
        }

        synchronized void send(Event e) {
            if (e.sequence() <= sent || !connection.isOpen()) {
                return;
            }
            sent = e.sequence();
            connection.send(Json.text(JsonViews.event(e, JsonViews.Context.of(ijoka))), e.type().wireName(), Long.toString(e.sequence()), null);
        }
    }

    /** Closes every open stream (the server is stopping). */
    public void close() {
        for (ServerSentEventConnection c : sse.getConnections()) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing an event stream: {}", e.toString());
            }
        }
    }
}
