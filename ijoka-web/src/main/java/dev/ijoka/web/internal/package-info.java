/** How the dashboard is put together; no compatibility promise. */
@NullMarked
package dev.ijoka.web.internal;

import org.jspecify.annotations.NullMarked;
