package dev.ijoka.swing.internal.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * The one way the window reaches the store: the work runs on the store executor, never on the
 * event-dispatch thread, and its result (or its failure) comes back on the event-dispatch thread.
 */
public final class Background {

    private Background() {}

    /**
     * Runs {@code work} on {@code executor}; then {@code done} with its result, or {@code failed} with the
     * exception it threw (unwrapped), on the event-dispatch thread.
     */
    public static <T> CompletableFuture<T> run(Executor executor, Supplier<T> work, Consumer<? super T> done,
            Consumer<? super Throwable> failed) {
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException closing) {
            // The app is closing: its store thread takes no more work, and nobody is left to show a result.
            return CompletableFuture.failedFuture(closing);
        }
        future.whenComplete((result, error) -> SwingUtilities.invokeLater(() -> {
            if (error == null) {
                done.accept(result);
            } else {
                failed.accept(unwrap(error));
            }
        }));
        return future;
    }

    /** The exception a task threw, without the executor's wrapping. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** What to tell a person about a failure: the engine's message says what is wrong and what to do. */
    public static String message(Throwable error) {
        Throwable e = unwrap(error);
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
