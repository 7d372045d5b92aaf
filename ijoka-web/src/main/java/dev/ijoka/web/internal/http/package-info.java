/** HTTP plumbing shared by the API, the pages, the event stream and /mcp: guards, bodies, JSON, errors. */
@NullMarked
package dev.ijoka.web.internal.http;

import org.jspecify.annotations.NullMarked;
