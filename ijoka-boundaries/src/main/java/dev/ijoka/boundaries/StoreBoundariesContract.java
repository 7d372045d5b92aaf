package dev.ijoka.boundaries;

import org.junit.jupiter.api.Test;

/**
 * A store's boundaries: it serves every face and knows none, and stands on no other store but the
 * shared SQL base it names. Stores have no entry point, so nothing in them reaches stdout.
 */
public abstract class StoreBoundariesContract extends BoundariesContract {

    private final String[] sharedBases;

    /** @param sharedBases the store packages it builds on besides its own, e.g. {@code "dev.ijoka.store.jooq.."} */
    protected StoreBoundariesContract(String modulePackage, int atLeast, String... sharedBases) {
        super(modulePackage, atLeast);
        this.sharedBases = sharedBases.clone();
    }

    @Test
    public void noFaceIsKnown() {
        ModuleBoundaries.noFace().check(module());
    }

    @Test
    public void noOtherStoreIsUsed() {
        ModuleBoundaries.noOtherStore(modulePackage(), sharedBases).check(module());
    }
}
