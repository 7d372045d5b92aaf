package dev.ijoka.store.contract;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Feature} for a store test: a pending, version-1 feature unless told otherwise. */
public final class FeatureBuilder {

    private FeatureId id = TestData.featureId();
    private final ProjectId project;
    private final int number;
    private String description;
    private @Nullable String details;
    private Category category = Category.FUNCTIONAL;
    private Kind kind = Kind.FEATURE;
    private Status status = Status.PENDING;
    private int priority;
    private List<Step> steps = List.of();
    private @Nullable String blockReason;
    private @Nullable FeatureId parent;
    private @Nullable Claim claim;
    private long version = 1;
    private Instant createdAt = TestData.T0;
    private Instant updatedAt = TestData.T0;
    private @Nullable Instant completedAt;

    FeatureBuilder(ProjectId project, int number) {
        this.project = project;
        this.number = number;
        this.description = "Feature " + number;
    }

    public FeatureBuilder id(FeatureId value) {
        id = value;
        return this;
    }

    public FeatureBuilder description(String value) {
        description = value;
        return this;
    }

    public FeatureBuilder details(@Nullable String value) {
        details = value;
        return this;
    }

    public FeatureBuilder category(Category value) {
        category = value;
        return this;
    }

    public FeatureBuilder kind(Kind value) {
        kind = value;
        return this;
    }

    public FeatureBuilder priority(int value) {
        priority = value;
        return this;
    }

    public FeatureBuilder steps(Step... value) {
        steps = List.of(value);
        return this;
    }

    public FeatureBuilder parent(@Nullable FeatureId value) {
        parent = value;
        return this;
    }

    public FeatureBuilder version(long value) {
        version = value;
        return this;
    }

    public FeatureBuilder created(Instant at) {
        createdAt = at;
        updatedAt = at;
        return this;
    }

    public FeatureBuilder updated(Instant at) {
        updatedAt = at;
        return this;
    }

    /** In progress, held by the claim. */
    public FeatureBuilder inProgress(@Nullable Claim value) {
        status = Status.IN_PROGRESS;
        claim = value;
        return this;
    }

    public FeatureBuilder blocked(String reason) {
        status = Status.BLOCKED;
        blockReason = reason;
        return this;
    }

    public FeatureBuilder complete(Instant at) {
        status = Status.COMPLETE;
        completedAt = at;
        return this;
    }

    public Feature build() {
        return new Feature(id, project, number, description, details, category, kind, status, priority, steps,
                blockReason, parent, claim, version, createdAt, updatedAt, completedAt);
    }
}
