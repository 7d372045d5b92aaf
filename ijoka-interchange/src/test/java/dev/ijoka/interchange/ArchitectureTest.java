package dev.ijoka.interchange;

import dev.ijoka.boundaries.FaceBoundariesContract;

/**
 * Import and export: a face on the engine's public API. It has no entry point: an export goes to the
 * OutputStream its caller passes (the command line passes stdout), so nothing here reaches stdout.
 */
class ArchitectureTest extends FaceBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.interchange", 20);
    }
}
