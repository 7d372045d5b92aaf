package dev.ijoka.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.ijoka.boundaries.BoundariesContract;
import dev.ijoka.boundaries.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The command line's boundaries, and, since this module alone sees every other, the one check that
 * spans them all: no module uses another's internal packages.
 *
 * <p>stdout: {@link Main} is the process's entry point (it flushes stdout before exiting), and
 * {@link Environment#ofProcess()} hands the process's stdout to the commands as their output stream;
 * every command prints to that stream, never to {@code System.out}, which is what lets tests capture
 * it and lets {@code ijoka mcp} and {@code ijoka hook} keep stdout for their protocol.
 */
class ArchitectureTest extends BoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.app", 20, Main.class, Environment.class);
    }

    /**
     * The app wires the store, but by URL: the SQLite store is a runtime dependency found through
     * ServiceLoader, so no class here names a store, its SQL or its driver.
     */
    @Test
    void storesAreWiredByUrlNotByName() {
        ModuleBoundaries.noStoreSide().check(module());
    }

    /** The app may use the engine's SPI (to find and wire stores) but never its internals. */
    @Test
    void theEnginesInternalsAreNotUsed() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.ijoka.internal..")
                .because("the engine is built through the front door Ijoka.builder()").check(module());
    }

    /** Every module on this class path (all of them but the benchmarks): internal packages serve their own module only. */
    @Test
    void everyModulesInternalsStayInThatModule() {
        ModuleBoundaries.internalsStayInTheirModule(ModuleBoundaries.INTERNALS).check(ModuleBoundaries.importEveryModule(300));
    }
}
