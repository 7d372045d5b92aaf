package dev.ijoka.api;

/** A rule refused the command; the message is the rule's explanation. */
public final class RuleViolationException extends IjokaException {

    private static final long serialVersionUID = 1L;

    public RuleViolationException(String message) {
        super(message);
    }

    public RuleViolationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "rule_violation";
    }
}
