/** The MCP tools over Streamable HTTP at /mcp: the MCP SDK's transport SPI on undertow-core. */
@NullMarked
package dev.ijoka.web.internal.mcp;

import org.jspecify.annotations.NullMarked;
