/** The engine's public API: one interface per area (features, plan, sessions, ...) and its typed errors. */
@NullMarked
package dev.ijoka.api;

import org.jspecify.annotations.NullMarked;
