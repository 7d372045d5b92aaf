package dev.ijoka.boundaries;

import org.junit.jupiter.api.Test;

/**
 * A face's boundaries: the engine's public API only (not its SPI, not its internals), and nothing of a
 * store (stores are found by URL; only ijoka-app wires one).
 */
public abstract class FaceBoundariesContract extends BoundariesContract {

    protected FaceBoundariesContract(String modulePackage, int atLeast, Class<?>... entryPoints) {
        super(modulePackage, atLeast, entryPoints);
    }

    @Test
    public void noStoreIsTouched() {
        ModuleBoundaries.noStoreSide().check(module());
    }

    @Test
    public void theModuleUsesOnlyTheEnginesPublicApi() {
        ModuleBoundaries.onlyTheEnginesPublicApi().check(module());
    }
}
