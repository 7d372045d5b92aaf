package dev.ijoka.store.fake;

/** A store that knows a face: forbidden. */
public class StoreSeeingAFace {
    dev.ijoka.web.fake.Face face;
}
