package dev.ijoka.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A unit of planned work, the heart of the domain. Immutable: every change makes a new value with a
 * higher {@link #version()}, and a store only accepts a write made from the version it holds.
 *
 * @param number per-project sequence number, shown and accepted as {@code #12}
 * @param priority higher goes first; ties go to the lower number (creation or file order)
 * @param blockReason set exactly while the feature is {@link Status#BLOCKED}
 * @param claim the session working on it, set only while {@link Status#IN_PROGRESS}
 * @param version optimistic-concurrency counter, 1 for a new feature
 */
public record Feature(
        FeatureId id,
        ProjectId project,
        int number,
        String description,
        @Nullable String details,
        Category category,
        Kind kind,
        Status status,
        int priority,
        List<Step> steps,
        @Nullable String blockReason,
        @Nullable FeatureId parent,
        @Nullable Claim claim,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant completedAt) {

    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        if (number < 1) {
            throw new IllegalArgumentException("feature numbers start at 1, got " + number);
        }
        Limits.requireText("description", description, Limits.MAX_DESCRIPTION);
        if (details != null) {
            Limits.checkLength("details", details, Limits.MAX_DETAILS);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        if (steps.size() > Limits.MAX_STEPS) {
            throw new IllegalArgumentException("a feature has at most " + Limits.MAX_STEPS + " steps");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, got " + version);
        }
    }

    /** {@code #12}: how people and agents name it. */
    public String ref() {
        return "#" + number;
    }

    public long stepsDone() {
        return steps.stream().filter(Step::done).count();
    }

    public boolean allStepsDone() {
        return steps.stream().allMatch(Step::done);
    }

    /** This feature as of one more write: the version goes up and {@code updatedAt} moves. */
    public Feature touched(Instant at) {
        return new Feature(id, project, number, description, details, category, kind, status, priority,
                steps, blockReason, parent, claim, version + 1, createdAt, at, completedAt);
    }

    public Feature withStatus(Status newStatus, @Nullable String newBlockReason, @Nullable Claim newClaim,
            @Nullable Instant newCompletedAt) {
        return new Feature(id, project, number, description, details, category, kind, newStatus, priority,
                steps, newBlockReason, parent, newClaim, version, createdAt, updatedAt, newCompletedAt);
    }

    public Feature withClaim(@Nullable Claim newClaim) {
        return new Feature(id, project, number, description, details, category, kind, status, priority,
                steps, blockReason, parent, newClaim, version, createdAt, updatedAt, completedAt);
    }

    public Feature withSteps(List<Step> newSteps) {
        return new Feature(id, project, number, description, details, category, kind, status, priority,
                newSteps, blockReason, parent, claim, version, createdAt, updatedAt, completedAt);
    }

    /** Applies the fields a {@link FeatureUpdate} sets; the others stay. */
    public Feature with(FeatureUpdate update) {
        return new Feature(id, project, number,
                update.description() != null ? update.description() : description,
                update.details() != null ? update.details() : details,
                update.category() != null ? update.category() : category,
                update.kind() != null ? update.kind() : kind,
                status,
                update.priority() != null ? update.priority() : priority,
                update.steps() != null ? update.steps() : steps,
                blockReason,
                update.parent() != null ? update.parent() : parent,
                claim, version, createdAt, updatedAt, completedAt);
    }
}
