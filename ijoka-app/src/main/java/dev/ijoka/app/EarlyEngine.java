package dev.ijoka.app;

import dev.ijoka.DataDirectory;
import dev.ijoka.Ijoka;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Only where it changes nothing: a SQLite database that already exists (so {@code ijoka --help} on
 * a new machine creates no file), and not for help, the version or {@code init}. A store opened that
 * no command claims, or opened for another URL than the command asks for, is closed at the end.
 */
final class EarlyEngine implements EngineFactory, AutoCloseable {

    private static final List<String> NO_STORE = List.of("-h", "--help", "help", "-V", "--version", "init");

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

    /** Starts opening the store {@code args} and {@code env} name, where that is safe; see the class comment. */
    static EarlyEngine start(String[] args, Environment env, EngineFactory engines) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (NO_STORE.contains(a)) {
                return new EarlyEngine(engines, null);
            }
        }
        String url = storeUrl(args, env);
        return new EarlyEngine(engines, url != null && existingSqliteFile(url) ? url : null);
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

    /** The URL {@code CommandContext.storeUrl()} will pick: {@code --db}, else {@code IJOKA_DB}, else the default. */
    private static @Nullable String storeUrl(String[] args, Environment env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--db")) {
                return i + 1 < args.length ? args[i + 1].strip() : null;
            }
            if (args[i].startsWith("--db=")) {
                return args[i].substring("--db=".length()).strip();
            }
        }
        String fromEnv = env.variable("IJOKA_DB");
        if (fromEnv != null) {
            return fromEnv.strip();
        }
        Path data = DataDirectory.resolve(env.variables(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
        return "jdbc:sqlite:" + data.resolve(DataDirectory.DATABASE_FILE);
    }

    private static boolean existingSqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return false;
        }
        String path = url.substring("jdbc:sqlite:".length());
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:") || path.contains("?")) {
            return false; // in-memory databases and URI filenames: leave them to the command
        }
        return Files.isRegularFile(Path.of(path));
    }
}
