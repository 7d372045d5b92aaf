/** The JSON API under /api, one class per area; see docs/api.md. */
@NullMarked
package dev.ijoka.web.internal.api;

import org.jspecify.annotations.NullMarked;
