/**
 * Ijoka's MCP server: {@link dev.ijoka.mcp.IjokaMcpServer} serves the tools over stdio, {@link
 * dev.ijoka.mcp.IjokaMcpTools} hands the same tools to any other MCP transport, and {@link
 * dev.ijoka.mcp.McpMain} is the process entry point.
 */
@NullMarked
package dev.ijoka.mcp;

import org.jspecify.annotations.NullMarked;
