package dev.ijoka.store.other;

/** Another store. */
public class OtherStore {}
