package dev.ijoka;

import dev.ijoka.api.StoreException;
import dev.ijoka.spi.StoreProvider;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the store for a URL among the {@link StoreProvider}s on the class path. Loads only the providers
 * themselves (small classes), never a store: a relayed hook uses this before anything heavy loads.
 */
final class StoreProviders {

    private StoreProviders() {}

    /** @throws StoreException if no provider supports the URL, naming the ones there are */
    static StoreProvider forUrl(String url) {
        ServiceLoader<StoreProvider> loader = ServiceLoader.load(StoreProvider.class, StoreProviders.class.getClassLoader());
        for (StoreProvider provider : loader) {
            if (provider.supports(url)) {
                return provider;
            }
        }
        String known = loader.stream().map(p -> p.get().name()).collect(Collectors.joining(", "));
        throw new StoreException("no store on the class path handles " + redact(url) + " (found: " + known
                + "). Add the store's jar, e.g. dev.ijoka:ijoka-store-sqlite for jdbc:sqlite: URLs.");
    }

    /** Drops anything that looks like a password from a URL before it reaches a message. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
