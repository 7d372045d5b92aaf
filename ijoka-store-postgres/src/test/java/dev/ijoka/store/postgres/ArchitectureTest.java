package dev.ijoka.store.postgres;

import dev.ijoka.boundaries.StoreBoundariesContract;

/**
 * The PostgreSQL store's boundaries: on the engine's ports and the public part of the shared SQL base
 * (ijoka-store-jooq), knowing no face and no other store.
 */
class ArchitectureTest extends StoreBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.store.postgres", 5, "dev.ijoka.store.jooq..");
    }
}
