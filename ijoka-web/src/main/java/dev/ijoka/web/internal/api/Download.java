package dev.ijoka.web.internal.api;

/** An endpoint's answer that is a file to save, e.g. the features as CSV. */
public record Download(String contentType, String fileName, byte[] bytes) {}
