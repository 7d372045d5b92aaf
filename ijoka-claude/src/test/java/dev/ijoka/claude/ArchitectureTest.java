package dev.ijoka.claude;

import dev.ijoka.boundaries.FaceBoundariesContract;

/**
 * The Claude Code integration: a face on the engine's public API. Claude Code reads a hook's stdout as
 * its answer, so {@link HookMain}, the entry point of {@code ijoka hook}, alone holds stdout: it keeps
 * the raw descriptor for the protocol and points {@code System.out} at stderr, so that nothing else can
 * corrupt it.
 */
class ArchitectureTest extends FaceBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.claude", 5, HookMain.class);
    }
}
