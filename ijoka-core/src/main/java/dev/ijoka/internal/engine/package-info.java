/** The engine behind the public API: services, the state machine, rules, and the graph cache. Internal: no compatibility promise. */
@NullMarked
package dev.ijoka.internal.engine;

import org.jspecify.annotations.NullMarked;
