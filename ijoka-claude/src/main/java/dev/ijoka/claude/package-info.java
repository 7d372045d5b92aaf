/**
 * Ijoka in Claude Code: {@link dev.ijoka.claude.HookHandler} turns hook events into session activity
 * and context, {@link dev.ijoka.claude.HookMain} is the lean process entry point of {@code ijoka hook},
 * and {@link dev.ijoka.claude.ClaudeInit} writes {@code .mcp.json} and {@code .claude/settings.json}
 * for {@code ijoka init}.
 */
@NullMarked
package dev.ijoka.claude;

import org.jspecify.annotations.NullMarked;
