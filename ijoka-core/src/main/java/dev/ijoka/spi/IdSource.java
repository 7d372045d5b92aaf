package dev.ijoka.spi;

/** Makes new unique ids. The default makes time-ordered UUIDv7 strings. */
@FunctionalInterface
public interface IdSource {

    String newId();
}
