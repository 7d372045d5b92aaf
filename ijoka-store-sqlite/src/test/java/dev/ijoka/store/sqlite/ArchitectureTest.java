package dev.ijoka.store.sqlite;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ijoka.boundaries.ModuleBoundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQLite store's boundaries: on the shared SQL base and the engine's ports, knowing no face and no other store. */
class ArchitectureTest {

    private static JavaClasses sqlite;

    @BeforeAll
    static void importModule() {
        sqlite = ModuleBoundaries.importModule("dev.ijoka.store.sqlite", 5);
    }

    @Test
    void noFaceIsKnown() {
        ModuleBoundaries.noFace().check(sqlite);
    }

    /** ijoka-store-jooq is the shared base, and the only other store package allowed (its public part: see below). */
    @Test
    void noStoreButTheSharedBaseIsUsed() {
        ModuleBoundaries.noOtherStore("dev.ijoka.store.sqlite", "dev.ijoka.store.jooq..").check(sqlite);
    }

    /** Neither the engine's internals nor the base's (its generated schema, its time codec). */
    @Test
    void noOtherModulesInternalsAreUsed() {
        ModuleBoundaries.noOtherModulesInternals("dev.ijoka.store.sqlite").check(sqlite);
    }

    /** A store has no entry point: it never writes to stdout. */
    @Test
    void nothingWritesToStandardOut() {
        ModuleBoundaries.onlyEntryPointsTouchStandardOut().check(sqlite);
    }

    @Test
    void thereAreNoCyclesBetweenPackages() {
        ModuleBoundaries.noPackageCycles("dev.ijoka.store.sqlite").check(sqlite);
    }
}
