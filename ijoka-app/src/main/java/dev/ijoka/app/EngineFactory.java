package dev.ijoka.app;

import dev.ijoka.Ijoka;

/** Opens the engine on a store URL. The app opens one per run, lazily: {@code --help} never touches a store. */
@FunctionalInterface
public interface EngineFactory {

    /** @throws dev.ijoka.api.StoreException if the store cannot be opened or migrated */
    Ijoka open(String url);

    /** The real thing: a store found by URL through {@code ServiceLoader}. */
    EngineFactory DEFAULT = url -> Ijoka.builder().store(url).build();
}
