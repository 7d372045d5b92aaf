package dev.ijoka.spi.fake;

/** An engine port. */
public interface Port {}
