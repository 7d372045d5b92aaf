/** Server-Sent Events: the engine's bus, one stream per open page. */
@NullMarked
package dev.ijoka.web.internal.live;

import org.jspecify.annotations.NullMarked;
