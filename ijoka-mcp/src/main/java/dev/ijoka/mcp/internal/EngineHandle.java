package dev.ijoka.mcp.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The engine, possibly still opening. Opening a store (SQLite, Flyway, jOOQ) takes a while, and a
 * client should not wait for it to hear the answer to {@code initialize}: the server starts at once,
 * and each tool call waits for the engine here, or fails with what went wrong.
 */
public final class EngineHandle {

    private final CompletableFuture<Ijoka> engine;

    public EngineHandle(CompletionStage<Ijoka> engine) {
        this.engine = engine.toCompletableFuture();
    }

    public static EngineHandle of(Ijoka ready) {
        return new EngineHandle(CompletableFuture.completedFuture(ready));
    }

    /**
     * The engine, once open.
     *
     * @throws IjokaException the store's own error if it failed to open
     * @throws ToolError if it is still opening after {@code timeout}, or failed in some other way
     */
    Ijoka get(Duration timeout) {
        try {
            return engine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IjokaException ie) {
                throw ie;
            }
            throw new ToolError("store_failure", "the store could not be opened (" + e.getCause()
                    + "). Check the --db URL or IJOKA_DB, or run `ijoka doctor`.");
        } catch (TimeoutException e) {
            throw new ToolError("store_unavailable", "the store is still opening after " + timeout.toSeconds()
                    + " s: try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolError("interrupted", "the server is stopping.");
        }
    }

    /** Runs {@code action} once the engine is open (at once if it is), on the thread that opened it; never if it failed. */
    void whenOpen(java.util.function.Consumer<Ijoka> action) {
        engine.thenAccept(action);
    }

    /** The engine if it is open now, else {@code null} (still opening, or failed). */
    @Nullable Ijoka now() {
        return engine.isDone() && !engine.isCompletedExceptionally() ? engine.join() : null;
    }
}
