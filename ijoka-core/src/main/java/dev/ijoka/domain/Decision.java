package dev.ijoka.domain;

import java.util.Objects;

/** The outcome of evaluating one rule against a command. */
public sealed interface Decision {

    /** Nothing to say: the command proceeds. */
    record Allow() implements Decision {}

    /** The command proceeds, and the agent is told {@code message}. */
    record Warn(RuleId rule, String message) implements Decision {
        public Warn {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The command is refused with {@code message}. */
    record Deny(RuleId rule, String message) implements Decision {
        public Deny {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    static Decision allow() {
        return new Allow();
    }
}
