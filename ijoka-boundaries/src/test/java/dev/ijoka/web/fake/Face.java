package dev.ijoka.web.fake;

/** A face that uses only its own internals. */
public class Face {
    dev.ijoka.web.internal.fake.Own own;
}
