package dev.ijoka.store.jooq;

import dev.ijoka.boundaries.StoreBoundariesContract;

/**
 * The shared SQL base's boundaries: a store among stores, leaning on none of them (SQLite, PostgreSQL),
 * serving every face and knowing none; jOOQ's banner is switched off in {@link JooqStore}, so nothing
 * reaches stdout.
 */
class ArchitectureTest extends StoreBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.store.jooq", 20);
    }

    /** jOOQ generates the schema's packages (tables, records, keys) to refer to each other: they count as one. */
    @Override
    protected String[] generatedTrees() {
        return new String[] {"dev.ijoka.store.jooq.internal.schema"};
    }
}
