package dev.ijoka.web.internal.fake;

/** A face's own internal class. */
public class Own {}
