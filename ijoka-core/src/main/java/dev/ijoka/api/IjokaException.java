package dev.ijoka.api;

/**
 * The root of every error the engine raises on purpose. Messages say what was wrong and what to do
 * instead; {@link #code()} is a stable, machine-readable name for front ends (exit codes, MCP
 * errors, HTTP statuses).
 */
public abstract sealed class IjokaException extends RuntimeException
        permits NotFoundException, InvalidInputException, IllegalTransitionException, DependencyGateException,
                ClaimConflictException, StaleVersionException, CycleException, RuleViolationException, StoreException {

    private static final long serialVersionUID = 1L;

    protected IjokaException(String message) {
        super(message);
    }

    protected IjokaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** e.g. {@code not_found}, {@code illegal_transition}. */
    public abstract String code();
}
