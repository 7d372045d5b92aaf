package dev.ijoka.mcp.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.SessionState;
import dev.ijoka.mcp.McpOptions;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent session's actor: the Java counterpart of "a GenServer per agent session" (DESIGN.md §2).
 * One virtual thread reads a mailbox, so the session's tool calls run one at a time, in order. It
 * starts the session in the engine on the first call (resolving the project then, since the client's
 * roots are only reachable from a call), records activity (which renews the session's leases), looks
 * at the session's state every {@link McpOptions#tick() tick} (active, idle after five quiet minutes,
 * stale after thirty: the engine computes it from the last-seen time) and expires lapsed leases in the
 * store every {@link McpOptions#leaseCheckInterval() lease check}.
 *
 * <p>If the actor's thread fails, a new thread takes over the same mailbox after a short back-off and
 * first re-reads the session from the store (resuming it if it was ended meanwhile): nothing queued is
 * lost, and the failure reaches neither the transport nor the other sessions. {@link #end} ends the
 * session in the engine, which releases its claims.
 */
public final class SessionActor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionActor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** What the mailbox holds. */
    private sealed interface Message {}

    private record Invoke(ToolDef tool, @Nullable McpSyncServerExchange exchange, @Nullable Map<String, Object> arguments,
            CompletableFuture<McpSchema.CallToolResult> reply) implements Message {}

    private record Housekeeping(CompletableFuture<SessionState> done) implements Message {}

    private record Stop(String reason) implements Message {}

    private final EngineHandle engine;
    private final McpOptions options;
    private final ProjectResolver resolver;
    /** Resolved once, when the session starts: an id given by the client may continue another session. */
    private volatile SessionId id;
    private final String agent;
    private final LinkedBlockingQueue<Message> mailbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger restarts = new AtomicInteger();

    // Touched only by the actor's thread (one at a time, handed over on restart).
    private @Nullable Instant lastTouch;
    private @Nullable Instant lastObserve;
    private @Nullable Instant lastExpire;
    private int consecutiveFailures;

    private volatile @Nullable Project project;
    private volatile SessionState observed = SessionState.ACTIVE;

    SessionActor(EngineHandle engine, McpOptions options, ProjectResolver resolver, SessionId id, String agent) {
        this.engine = engine;
        this.options = options;
        this.resolver = resolver;
        this.id = id;
        this.agent = agent;
    }

    void start() {
        spawn(0);
    }

    private void spawn(int generation) {
        Thread.ofVirtual().name("ijoka-session-" + id.value() + "-" + generation).start(() -> run(generation));
    }

    public SessionId id() {
        return id;
    }

    public String agent() {
        return agent;
    }

    /** The project, once the first call has started the session. */
    public Optional<Project> project() {
        return Optional.ofNullable(project);
    }

    /** The session's state as this actor last looked at it. */
    public SessionState observedState() {
        return observed;
    }

    /** How often the actor's thread has failed and been replaced. */
    public int restarts() {
        return restarts.get();
    }

    /**
     * Queues one tool call; the future completes on the actor's thread with its result (a tool error
     * for any failure, never exceptionally unless the actor itself fails).
     */
    CompletableFuture<McpSchema.CallToolResult> submit(ToolDef tool, @Nullable McpSyncServerExchange exchange,
            @Nullable Map<String, Object> arguments) {
        CompletableFuture<McpSchema.CallToolResult> reply = new CompletableFuture<>();
        if (stopping.get()) {
            reply.complete(ended());
        } else {
            mailbox.add(new Invoke(tool, exchange, arguments, reply));
        }
        return reply;
    }

    /** The tool error for a call that waited longer than {@link McpOptions#callTimeout()}. */
    static McpSchema.CallToolResult timedOut(ToolDef tool, Duration waited) {
        return Results.error("busy", tool.name() + " waited " + waited.toSeconds() + " s for this session's earlier"
                + " calls and gave up; it may still run. Check with ijoka_status before retrying.");
    }

    /** Runs one tool call on the actor's thread and waits for its result (a tool error if it takes too long). */
    McpSchema.CallToolResult call(ToolDef tool, @Nullable McpSyncServerExchange exchange,
            @Nullable Map<String, Object> arguments) {
        CompletableFuture<McpSchema.CallToolResult> reply = submit(tool, exchange, arguments);
        try {
            return reply.get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return timedOut(tool, options.callTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Results.error("interrupted", tool.name() + " was interrupted: the server is stopping.");
        } catch (ExecutionException e) {
            return Results.failure(tool.name(), e.getCause());
        }
    }

    private static McpSchema.CallToolResult ended() {
        return Results.error("session_ended", "this connection's session has ended (the server is stopping):"
                + " reconnect to start a new one.");
    }

    /** Looks at the session's state and expires lapsed leases now, whatever the intervals say; for tests. */
    public SessionState housekeepNow() throws Exception {
        CompletableFuture<SessionState> done = new CompletableFuture<>();
        mailbox.add(new Housekeeping(done));
        return done.get(10, TimeUnit.SECONDS);
    }

    /**
     * Ends the session in the engine (releasing its claims) once the calls already queued have run, and
     * stops the actor. Waits up to {@code timeout}; calling it again just waits.
     */
    boolean end(String reason, Duration timeout) {
        if (stopping.compareAndSet(false, true)) {
            mailbox.add(new Stop(reason));
        }
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(int generation) {
        try {
            if (generation > 0) {
                Thread.sleep(backoff());
                recover();
            }
            loop();
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            consecutiveFailures++;
            restarts.incrementAndGet();
            LOG.error("the actor of session {} failed; restarting it from the store", id, t);
            spawn(generation + 1);
        }
    }

    private Duration backoff() {
        long millis = 50L << Math.min(consecutiveFailures, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * After a failure: what the store says is the truth; resume the session if it was ended meanwhile.
     * A store that cannot answer now is not the actor's failure: the calls will say so themselves.
     */
    private void recover() {
        Project p = project;
        if (p == null) {
            return; // never started: the next call starts it
        }
        Instant now = options.clock().instant();
        lastTouch = now;
        lastObserve = now;
        try {
            Ijoka ijoka = engine.get(options.callTimeout());
            Optional<Session> stored = ijoka.sessions().find(id);
            if (stored.isEmpty() || stored.get().endedAt() != null) {
                ijoka.sessions().start(p.id(), id, agent);
                observed = SessionState.ACTIVE;
                LOG.info("session {} resumed after its actor restarted", id);
            } else {
                observed = stored.get().state(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("session {}: could not re-read the session after a restart: {}", id, e.toString());
        }
    }

    private void loop() throws InterruptedException {
        long tickMillis = Math.max(1, options.tick().toMillis());
        while (true) {
            Message message = mailbox.poll(tickMillis, TimeUnit.MILLISECONDS);
            switch (message) {
                case null -> { }
                case Invoke invoke -> {
                    try {
                        invoke.reply().complete(invoke(invoke));
                    } catch (Throwable t) {
                        invoke.reply().completeExceptionally(t);
                        throw t;
                    }
                    consecutiveFailures = 0;
                }
                case Housekeeping h -> h.done().complete(housekeep(true));
                case Stop stop -> {
                    stop(stop.reason());
                    return;
                }
            }
            if (!stopping.get()) {
                housekeep(false);
            }
        }
    }

    private McpSchema.CallToolResult invoke(Invoke m) {
        try {
            Ijoka ijoka = engine.get(options.callTimeout());
            Project p = ensureStarted(ijoka, m.exchange());
            Instant now = options.clock().instant();
            touchIfDue(ijoka, now);
            Args args = Args.of(m.tool(), m.arguments(), p.id());
            // One look at the log for the call's reads from the server's snapshot (a round trip each on PostgreSQL).
            Reply reply = ijoka.oneLook(() -> m.tool().handler().handle(new Call(ijoka, p, id, args, now)));
            observed = SessionState.ACTIVE;
            return Results.success(reply);
        } catch (RuntimeException | StackOverflowError e) {
            return Results.failure(m.tool().name(), e);
        }
    }

    private Project ensureStarted(Ijoka ijoka, @Nullable McpSyncServerExchange exchange) {
        Project p = project;
        if (p != null) {
            return p;
        }
        id = ijoka.sessions().resolve(id);
        Optional<Session> known = ijoka.sessions().find(id); // Claude Code's hooks may have started it first
        ProjectResolver.@Nullable Resolved where = known.isEmpty() ? resolver.resolve(exchange) : null;
        p = known.isPresent() ? ijoka.projects().get(known.get().project()) : ijoka.projects().open(where.directory());
        ijoka.sessions().start(p.id(), id, agent);
        Instant now = options.clock().instant();
        lastTouch = now;
        lastObserve = now;
        lastExpire = now;
        project = p;
        LOG.info("session {} ({}) started on project {} at {} (from {})", id, agent, p.name(), p.root(),
                where == null ? "the session its hooks started"
                        : where.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return p;
    }

    private void touchIfDue(Ijoka ijoka, Instant now) {
        if (lastTouch == null || !now.isBefore(lastTouch.plus(options.touchInterval()))) {
            ijoka.sessions().touch(id);
            lastTouch = now;
        }
    }

    /** Looks at the session's state and expires lapsed leases, when their intervals have passed (or now). */
    private SessionState housekeep(boolean force) {
        Ijoka ijoka = engine.now();
        if (project == null || ijoka == null) {
            return observed;
        }
        Instant now = options.clock().instant();
        try {
            if (force || lastObserve == null || !now.isBefore(lastObserve.plus(options.tick()))) {
                lastObserve = now;
                SessionState state = ijoka.sessions().get(id).state(now);
                if (state != observed) {
                    LOG.info("session {} ({}) is now {}", id, agent, state.wireName());
                    observed = state;
                }
            }
            if (force || lastExpire == null || !now.isBefore(lastExpire.plus(options.leaseCheckInterval()))) {
                lastExpire = now;
                List<Feature> freed = ijoka.sessions().expireLeases();
                for (Feature f : freed) {
                    LOG.info("the lease on {} lapsed; it is free to take over", f.ref());
                }
            }
        } catch (RuntimeException e) {
            // The store may be briefly unavailable; the next tick tries again.
            LOG.warn("session {}: housekeeping failed: {}", id, e.toString());
        }
        return observed;
    }

    private void stop(String reason) {
        try {
            Ijoka ijoka = engine.now();
            if (project != null && ijoka != null) {
                ijoka.sessions().end(id, reason);
                LOG.info("session {} ({}) ended: {}", id, agent, reason);
            }
        } catch (RuntimeException e) {
            LOG.warn("session {}: ending it failed: {}", id, e.toString());
        } finally {
            observed = SessionState.ENDED;
            List<Message> left = new ArrayList<>();
            mailbox.drainTo(left);
            for (Message m : left) {
                if (m instanceof Invoke invoke) {
                    invoke.reply().complete(ended());
                } else if (m instanceof Housekeeping h) {
                    h.done().complete(SessionState.ENDED);
                }
            }
            finished.countDown();
        }
    }
}
