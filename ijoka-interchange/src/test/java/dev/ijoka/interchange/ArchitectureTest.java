package dev.ijoka.interchange;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ijoka.boundaries.ModuleBoundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Import and export: a face on the engine's public API, writing only to the streams it is given. */
class ArchitectureTest {

    private static JavaClasses interchange;

    @BeforeAll
    static void importModule() {
        interchange = ModuleBoundaries.importModule("dev.ijoka.interchange", 20);
    }

    @Test
    void noStoreIsTouched() {
        ModuleBoundaries.noStoreSide().check(interchange);
    }

    @Test
    void theModuleUsesOnlyTheEnginesPublicApi() {
        ModuleBoundaries.onlyTheEnginesPublicApi().check(interchange);
    }

    @Test
    void noOtherModulesInternalsAreUsed() {
        ModuleBoundaries.noOtherModulesInternals("dev.ijoka.interchange").check(interchange);
    }

    /** An export goes to the OutputStream its caller passes (the command line passes stdout); none is an entry point. */
    @Test
    void nothingWritesToStandardOut() {
        ModuleBoundaries.onlyEntryPointsTouchStandardOut().check(interchange);
    }

    @Test
    void thereAreNoCyclesBetweenPackages() {
        ModuleBoundaries.noPackageCycles("dev.ijoka.interchange").check(interchange);
    }
}
