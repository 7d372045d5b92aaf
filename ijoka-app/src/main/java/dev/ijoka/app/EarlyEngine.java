package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Opens the store on a thread of its own while the main thread wires the app and builds the command
 * line, and hands the engine to the command that asks for it. A short command's time is mostly
 * start-up, and its two big parts do not depend on each other: Guice and picocli (the command line)
 * and SQLite, jOOQ and the engine (the store). On two cores they overlap (see docs/benchmarks.md).
 *
 * <p>Only where it changes nothing: a store in a file that already exists (so {@code ijoka --help} on
 * a new machine creates no file), and not for help, the version or {@code init}. The URL is the one
 * {@code CommandContext} will ask for: both go by {@link StoreLocation#choose}. A store opened that
 * no command claims, or opened for another URL than the command asks for, is closed at the end.
 */
final class EarlyEngine implements EngineFactory, AutoCloseable {

    private static final List<String> NO_STORE = List.of("-h", "--help", "help", "-V", "--version", "init",
            "engine"); // the background engine opens its store only once it holds the store's engine lock

    private final EngineFactory engines;
    private final @Nullable String url;
    private final @Nullable CompletableFuture<Ijoka> opening;
    private boolean claimed;

    private EarlyEngine(EngineFactory engines, @Nullable String url) {
        this.engines = engines;
        this.url = url;
        this.opening = url == null ? null : new CompletableFuture<>();
        if (url != null) {
            Thread.ofPlatform().daemon().name("ijoka-open-store").start(() -> {
                try {
                    opening.complete(engines.open(url));
                } catch (RuntimeException | Error e) {
                    opening.completeExceptionally(e);
                }
            });
        }
    }

    /** Starts opening the store the command line and {@code env} name, where that is safe; see the class comment. */
    static EarlyEngine start(Invocation line, Environment env, EngineFactory engines) {
        if (line.error() != null || line.command() == null || NO_STORE.contains(line.command())
                || line.rest().stream().takeWhile(a -> !a.equals("--")).anyMatch(NO_STORE::contains)) {
            return new EarlyEngine(engines, null);
        }
        StoreLocation store;
        try {
            store = StoreLocation.choose(line.options().db(), env.variables(), env.workingDirectory());
        } catch (RuntimeException e) {
            return new EarlyEngine(engines, null); // the command says what is wrong with it
        }
        return opening(engines, store);
    }

    /**
     * Starts opening {@code store} now, for a line that the thin parse read for sure ({@link Handoff#sureStore}: a
     * daily command, its store chosen by the same rule), before picocli has read the line: the store's opening then
     * overlaps picocli's first load too, not only Guice and the command's model (docs/benchmarks.md, "Cold commands
     * at 10,000 features"). A store in a file is opened only if the file is there: a command that fails first
     * creates nothing.
     */
    static EarlyEngine opening(EngineFactory engines, StoreLocation store) {
        return new EarlyEngine(engines, store.file() == null || Files.isRegularFile(store.file()) ? store.url() : null);
    }

    @Override
    public Ijoka open(String requested) {
        if (opening == null || claimed || !requested.equals(url)) {
            return engines.open(requested);
        }
        claimed = true;
        try {
            return opening.join();
        } catch (CompletionException e) {
            // The command sees the store's own exception, as if it had opened the store itself.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Closes an engine opened early that no command took. */
    @Override
    public void close() {
        if (opening != null && !claimed) {
            opening.thenAccept(Ijoka::close).exceptionally(e -> null).join();
        }
    }

}
