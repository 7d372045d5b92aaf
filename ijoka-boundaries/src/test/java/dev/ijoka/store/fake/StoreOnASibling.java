package dev.ijoka.store.fake;

/** A store built on another store: forbidden. */
public class StoreOnASibling {
    dev.ijoka.store.other.OtherStore sibling;
}
