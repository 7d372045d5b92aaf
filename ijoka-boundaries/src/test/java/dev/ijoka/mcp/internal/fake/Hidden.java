package dev.ijoka.mcp.internal.fake;

/** Another module's internal class. */
public class Hidden {}
