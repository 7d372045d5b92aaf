package dev.ijoka.store.jooq.fake;

/** The shared SQL base. */
public class Base {}
