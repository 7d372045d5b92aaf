package dev.ijoka.store.fake;

/** A store built on the shared SQL base: allowed when named. */
public class StoreOnTheBase {
    dev.ijoka.store.jooq.fake.Base base;
}
