package dev.ijoka.web.fake;

/** A face that uses another module's internals: forbidden. */
public class FaceInAnotherInternal {
    dev.ijoka.mcp.internal.fake.Hidden hidden;
}
