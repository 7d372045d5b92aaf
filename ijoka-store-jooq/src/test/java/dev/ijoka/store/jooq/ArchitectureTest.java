package dev.ijoka.store.jooq;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ijoka.boundaries.ModuleBoundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared SQL base's boundaries: a store among stores, serving every face and knowing none. */
class ArchitectureTest {

    private static JavaClasses jooq;

    @BeforeAll
    static void importModule() {
        jooq = ModuleBoundaries.importModule("dev.ijoka.store.jooq", 20);
    }

    @Test
    void noFaceIsKnown() {
        ModuleBoundaries.noFace().check(jooq);
    }

    /** The base is what SQL stores share; it must not lean on any one of them (SQLite, PostgreSQL). */
    @Test
    void noOtherStoreIsUsed() {
        ModuleBoundaries.noOtherStore("dev.ijoka.store.jooq").check(jooq);
    }

    @Test
    void theEngineIsUsedThroughItsPortsNotItsInternals() {
        ModuleBoundaries.noOtherModulesInternals("dev.ijoka.store.jooq").check(jooq);
    }

    /** A store has no entry point: it never writes to stdout (jOOQ's banner is switched off in JooqStore). */
    @Test
    void nothingWritesToStandardOut() {
        ModuleBoundaries.onlyEntryPointsTouchStandardOut().check(jooq);
    }

    /** jOOQ generates the schema's packages (tables, records, keys) to refer to each other: they count as one. */
    @Test
    void thereAreNoCyclesBetweenPackages() {
        ModuleBoundaries.noPackageCycles("dev.ijoka.store.jooq", "dev.ijoka.store.jooq.internal.schema").check(jooq);
    }
}
