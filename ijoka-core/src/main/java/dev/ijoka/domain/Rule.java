package dev.ijoka.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule and its counters.
 *
 * @param project the project it applies to, or {@code null} for a global rule
 * @param triggered how often it applied (allowed with a message, warned, or injected)
 * @param violated how often it refused a command
 */
public record Rule(
        RuleId id,
        @Nullable ProjectId project,
        RuleSpec spec,
        Enforcement enforcement,
        boolean enabled,
        long triggered,
        long violated,
        Instant createdAt) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(enforcement, "enforcement");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isGlobal() {
        return project == null;
    }

    public boolean appliesTo(ProjectId p) {
        return project == null || project.equals(p);
    }

    public Rule withEnabled(boolean value) {
        return new Rule(id, project, spec, enforcement, value, triggered, violated, createdAt);
    }

    public Rule countTriggered() {
        return new Rule(id, project, spec, enforcement, enabled, triggered + 1, violated, createdAt);
    }

    public Rule countViolated() {
        return new Rule(id, project, spec, enforcement, enabled, triggered, violated + 1, createdAt);
    }
}
