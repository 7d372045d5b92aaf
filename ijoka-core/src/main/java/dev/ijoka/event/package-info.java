/** The append-only event log: events, their payloads, queries, and the replay that rebuilds state from them. */
@NullMarked
package dev.ijoka.event;

import org.jspecify.annotations.NullMarked;
