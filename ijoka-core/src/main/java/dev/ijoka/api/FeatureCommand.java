package dev.ijoka.api;

import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.SessionId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command that moves a feature through its state machine. A {@code null} session means a person
 * (command line, dashboard) rather than an agent: people take no claims and may steer features that
 * agents hold. {@code expectedVersion}, when given, makes the command refuse to act on any other
 * version of the feature ({@link StaleVersionException}).
 */
public sealed interface FeatureCommand {

    FeatureRef feature();

    @Nullable SessionId session();

    @Nullable Long expectedVersion();

    /** The command's name as people type it: {@code start}, {@code complete}, ... */
    String verb();

    /** pending → in_progress, claiming the feature for the session; or take over a lapsed claim. */
    record Start(FeatureRef feature, @Nullable SessionId session, @Nullable Long expectedVersion) implements FeatureCommand {
        public Start { Objects.requireNonNull(feature, "feature"); }
        @Override public String verb() { return "start"; }
    }

    /** in_progress → complete. */
    record Complete(FeatureRef feature, @Nullable SessionId session, @Nullable Long expectedVersion) implements FeatureCommand {
        public Complete { Objects.requireNonNull(feature, "feature"); }
        @Override public String verb() { return "complete"; }
    }

    /**
     * pending or in_progress → blocked, with a reason; naming the feature that blocks it also adds
     * that feature as a {@code blocks} dependency.
     */
    record Block(FeatureRef feature, @Nullable SessionId session, String reason, @Nullable FeatureRef blockedBy,
            @Nullable Long expectedVersion) implements FeatureCommand {
        public Block {
            Objects.requireNonNull(feature, "feature");
            reason = requireReason(reason, "block");
        }
        @Override public String verb() { return "block"; }
    }

    /** blocked → pending. */
    record Unblock(FeatureRef feature, @Nullable SessionId session, @Nullable Long expectedVersion) implements FeatureCommand {
        public Unblock { Objects.requireNonNull(feature, "feature"); }
        @Override public String verb() { return "unblock"; }
    }

    /** complete → pending, with a reason. */
    record Reopen(FeatureRef feature, @Nullable SessionId session, String reason, @Nullable Long expectedVersion)
            implements FeatureCommand {
        public Reopen {
            Objects.requireNonNull(feature, "feature");
            reason = requireReason(reason, "reopen");
        }
        @Override public String verb() { return "reopen"; }
    }

    private static String requireReason(@Nullable String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("a reason is required to " + verb + " a feature: say what is wrong");
        }
        try {
            return Limits.checkLength("reason", reason.strip(), Limits.MAX_REASON);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
