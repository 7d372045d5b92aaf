package dev.ijoka.internal.memory;

import dev.ijoka.StoreLocation;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import java.nio.file.Path;

/** Opens a fresh, empty {@link InMemoryStore} for the URL {@code memory:} (anything after the colon is a label). */
public final class InMemoryStoreProvider implements StoreProvider {

    public static final String URL = "memory:";

    @Override
    public boolean supports(String url) {
        return url.startsWith(URL);
    }

    /** Every opening is a fresh store of its own: nothing to share, and no file. */
    @Override
    public StoreLocation locate(String url, Path workingDirectory) {
        return new StoreLocation(url, null, false);
    }

    @Override
    public Store open(String url) {
        return new InMemoryStore();
    }

    @Override
    public String name() {
        return "memory";
    }
}
