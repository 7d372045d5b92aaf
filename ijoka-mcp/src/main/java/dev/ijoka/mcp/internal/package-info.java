/**
 * How the MCP server works inside: tool definitions and their handlers, argument parsing, the session
 * actors, and the stdio transport. No compatibility promise: use {@code dev.ijoka.mcp} instead.
 */
@NullMarked
package dev.ijoka.mcp.internal;

import org.jspecify.annotations.NullMarked;
