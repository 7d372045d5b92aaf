package dev.ijoka.swing;

import dev.ijoka.boundaries.FaceBoundariesContract;

/**
 * The desktop app: a face on the engine's public API (no store, no SPI, no engine internals, no other module's
 * internals), with no entry point of its own on stdout. The other rule of the desktop, no store call on the
 * event-dispatch thread, is held at run time rather than here: {@link EdtGuard} wraps the store of every desktop
 * test and fails the test on any such call, through however many layers it comes (a rule on class or method
 * names would see only the direct ones).
 */
class ArchitectureTest extends FaceBoundariesContract {

    ArchitectureTest() {
        super("dev.ijoka.swing", 15);
    }
}
