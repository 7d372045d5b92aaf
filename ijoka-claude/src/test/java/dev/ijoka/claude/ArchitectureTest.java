package dev.ijoka.claude;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ijoka.boundaries.ModuleBoundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Claude Code integration: a face on the engine's public API, whose stdout is the hook protocol. */
class ArchitectureTest {

    private static JavaClasses claude;

    @BeforeAll
    static void importModule() {
        claude = ModuleBoundaries.importModule("dev.ijoka.claude", 5);
    }

    @Test
    void noStoreIsTouched() {
        ModuleBoundaries.noStoreSide().check(claude);
    }

    @Test
    void theModuleUsesOnlyTheEnginesPublicApi() {
        ModuleBoundaries.onlyTheEnginesPublicApi().check(claude);
    }

    @Test
    void noOtherModulesInternalsAreUsed() {
        ModuleBoundaries.noOtherModulesInternals("dev.ijoka.claude").check(claude);
    }

    /**
     * Claude Code reads a hook's stdout as its answer, so {@link HookMain}, the entry point of
     * {@code ijoka hook}, alone holds it: it keeps the raw descriptor for the protocol and points
     * {@code System.out} at stderr so that nothing else can corrupt it.
     */
    @Test
    void onlyTheHookEntryPointTouchesStandardOut() {
        ModuleBoundaries.onlyEntryPointsTouchStandardOut(HookMain.class).check(claude);
    }

    @Test
    void thereAreNoCyclesBetweenPackages() {
        ModuleBoundaries.noPackageCycles("dev.ijoka.claude").check(claude);
    }
}
