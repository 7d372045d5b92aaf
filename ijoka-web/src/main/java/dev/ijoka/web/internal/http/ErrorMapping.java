package dev.ijoka.web.internal.http;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.CycleException;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.IjokaException;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.api.StaleVersionException;
import dev.ijoka.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns whatever a handler threw into the status, code and message the client sees. */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static HttpError of(Throwable t) {
        return switch (t) {
            case HttpError e -> e;
            case IjokaException e -> new HttpError(status(e), e.code(), e.getMessage());
            // The domain's records validate in their constructors and throw this, naming the field.
            case IllegalArgumentException e -> HttpError.badRequest(e.getMessage());
            default -> {
                LOG.error("a request failed", t);
                yield new HttpError(500, "internal_error", "internal error: " + t.getClass().getSimpleName()
                        + ". This is a bug: the server's log has the details.");
            }
        };
    }

    /**
     * 409 when the request was fine but the plan's state refuses it now (it may succeed later or
     * after another command), 422 when it can never succeed as it is (a cycle, a rule's refusal).
     */
    static int status(IjokaException e) {
        return switch (e) {
            case NotFoundException x -> 404;
            case InvalidInputException x -> 400;
            case IllegalTransitionException x -> 409;
            case DependencyGateException x -> 409;
            case ClaimConflictException x -> 409;
            case StaleVersionException x -> 409;
            case CycleException x -> 422;
            case RuleViolationException x -> 422;
            case StoreException x -> 503;
        };
    }
}
