package dev.ijoka.web.internal.http;

/**
 * A refusal with an HTTP status, a stable code and a message that says what to do. Thrown anywhere
 * below a {@link Blocking} handler, it becomes {@code {"error": {"code", "message"}}}.
 */
public final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, "invalid_input", message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }

    public static HttpError forbidden(String code, String message) {
        return new HttpError(403, code, message);
    }
}
