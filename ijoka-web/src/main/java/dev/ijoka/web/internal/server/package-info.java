/** Launch-time pieces: the port, the per-launch token, and the server file other processes read. */
@NullMarked
package dev.ijoka.web.internal.server;

import org.jspecify.annotations.NullMarked;
