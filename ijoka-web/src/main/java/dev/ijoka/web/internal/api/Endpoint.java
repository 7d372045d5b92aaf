package dev.ijoka.web.internal.api;

/**
 * One API operation: it returns what to send (a value written as JSON with 200, a {@link Reply} or a
 * {@link Download}) or throws; errors become JSON errors (see {@code ErrorMapping}).
 */
@FunctionalInterface
public interface Endpoint {
    Object handle(Call call) throws Exception;
}
