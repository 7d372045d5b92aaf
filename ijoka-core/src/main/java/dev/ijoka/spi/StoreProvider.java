package dev.ijoka.spi;

/**
 * A kind of store, found through {@link java.util.ServiceLoader}: a jar that ships one lists its
 * class in {@code META-INF/services/dev.ijoka.spi.StoreProvider}. The first provider that
 * {@linkplain #supports supports} a URL opens it.
 */
public interface StoreProvider {

    /** Whether this provider handles the URL, e.g. one that starts with {@code jdbc:sqlite:}. */
    boolean supports(String url);

    /**
     * Opens the store, creating and migrating its schema to the latest version first.
     *
     * @throws dev.ijoka.api.StoreException if it cannot be opened, saying why and what to do
     */
    Store open(String url);

    /** A short name for messages, e.g. {@code sqlite}. */
    String name();
}
