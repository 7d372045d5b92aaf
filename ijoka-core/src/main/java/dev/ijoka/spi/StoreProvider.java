package dev.ijoka.spi;

import dev.ijoka.StoreLocation;
import java.nio.file.Path;

/**
 * A kind of store, found through {@link java.util.ServiceLoader}: a jar that ships one lists its
 * class in {@code META-INF/services/dev.ijoka.spi.StoreProvider}. The first provider that
 * {@linkplain #supports supports} a URL locates and opens it. Providers are loaded by every face,
 * a relayed hook included, so a provider class stays small and loads its store only in {@link #open}.
 */
public interface StoreProvider {

    /** Whether this provider handles the URL, e.g. one that starts with {@code jdbc:sqlite:}. */
    boolean supports(String url);

    /**
     * Where the store the URL names is, in one spelling per store: every face, {@code doctor} and the
     * hook relay's key go by {@link StoreLocation#url()}, so two spellings of one store must give one URL,
     * and one spelling read from two working directories two URLs when it names two stores. Touches
     * nothing (no file, no connection) and loads no driver.
     *
     * @param workingDirectory an absolute directory: what a relative path in the URL is relative to
     * @throws dev.ijoka.api.StoreException if the URL cannot name a store of this kind, saying what to write
     */
    StoreLocation locate(String url, Path workingDirectory);

    /**
     * Opens the store, creating and migrating its schema to the latest version first.
     *
     * @throws dev.ijoka.api.StoreException if it cannot be opened, saying why and what to do
     */
    Store open(String url);

    /**
     * Loads and initialises, on the calling thread, what {@link #open} runs first that takes no file and no connection
     * (its driver, its query library's static set-up), so that a process can have it done on a thread of its own while
     * it does other work first (a direct hook reading its event). Touches no store; a failure is left to {@link #open}
     * to report. Nothing by default.
     */
    default void prepare() {}

    /** A short name for messages, e.g. {@code sqlite}. */
    String name();
}
