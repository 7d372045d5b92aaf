package dev.ijoka;

import dev.ijoka.api.StoreException;
import dev.ijoka.spi.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the store for a URL among the {@link StoreProvider}s: those the system property {@value #PROPERTY} names
 * (class names, comma-separated), else those on the class path, through {@code ServiceLoader}. Loads only the
 * providers themselves (small classes), never a store: a relayed hook uses this before anything heavy loads.
 *
 * <p>The property is for an application that knows its stores (the {@code ijoka} command sets it): a
 * {@code ServiceLoader} lookup reads every jar of the class path for its service files, and the JVM opens each jar
 * it has not opened yet to do so, ~70 of them for {@code ijoka.jar}, a good part of a short process's start
 * (docs/benchmarks.md, "Jars opened, not classes loaded"). A library user leaves it unset.
 */
final class StoreProviders {

    /** The system property that names the providers, e.g. {@code dev.ijoka.store.sqlite.SqliteStoreProvider}. */
    static final String PROPERTY = "ijoka.store.providers";

    private StoreProviders() {}

    /** @throws StoreException if no provider supports the URL, naming the ones there are */
    static StoreProvider forUrl(String url) {
        List<StoreProvider> providers = providers();
        for (StoreProvider provider : providers) {
            if (provider.supports(url)) {
                return provider;
            }
        }
        String known = providers.stream().map(StoreProvider::name).collect(Collectors.joining(", "));
        throw new StoreException("no store on the class path handles " + redact(url) + " (found: " + known
                + "). Add the store's jar, e.g. dev.ijoka:ijoka-store-sqlite for jdbc:sqlite: URLs.");
    }

    /** The named providers, in the property's order, else those {@code ServiceLoader} finds. */
    static List<StoreProvider> providers() {
        String named = System.getProperty(PROPERTY);
        ClassLoader loader = StoreProviders.class.getClassLoader();
        List<StoreProvider> providers = new ArrayList<>();
        if (named == null || named.isBlank()) {
            for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, loader)) {
                providers.add(provider);
            }
            return providers;
        }
        for (String name : named.split(",")) {
            if (!name.isBlank()) {
                providers.add(named(name.strip(), loader));
            }
        }
        return providers;
    }

    private static StoreProvider named(String name, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (!StoreProvider.class.isAssignableFrom(type)) {
                throw new StoreException("the system property " + PROPERTY + " names " + name
                        + ", which is not a dev.ijoka.spi.StoreProvider. Name store providers only, or leave it unset.");
            }
            return (StoreProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StoreException("the system property " + PROPERTY + " names " + name + ", which cannot be made here ("
                    + e + "). Put its store's jar on the class path, or leave the property unset.");
        }
    }

    /** Drops anything that looks like a password from a URL before it reaches a message. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
