package dev.ijoka.store.sqlite;

import dev.ijoka.boundaries.StoreBoundariesContract;

/**
 * The SQLite store's boundaries: on the engine's ports and the public part of the shared SQL base
 * (ijoka-store-jooq; its internals, the generated schema and the time codec, stay its own), knowing no
 * face and no other store.
 */
class ArchitectureTest extends StoreBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.store.sqlite", 5, "dev.ijoka.store.jooq..");
    }
}
