package dev.ijoka.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change to a feature's fields (not its status: that goes through the state machine). Fields left
 * {@code null} stay as they are. Start from {@link #none()}.
 */
public record FeatureUpdate(
        @Nullable String description,
        @Nullable String details,
        @Nullable Category category,
        @Nullable Kind kind,
        @Nullable Integer priority,
        @Nullable List<Step> steps,
        @Nullable FeatureId parent) {

    public FeatureUpdate {
        if (description != null) {
            description = Limits.requireText("description", description, Limits.MAX_DESCRIPTION);
        }
        if (details != null) {
            Limits.checkLength("details", details, Limits.MAX_DETAILS);
        }
        if (steps != null) {
            steps = List.copyOf(steps);
            if (steps.size() > Limits.MAX_STEPS) {
                throw new IllegalArgumentException("a feature has at most " + Limits.MAX_STEPS + " steps");
            }
        }
    }

    public static FeatureUpdate none() {
        return new FeatureUpdate(null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return equals(none());
    }

    public FeatureUpdate description(String value) {
        return new FeatureUpdate(value, details, category, kind, priority, steps, parent);
    }

    public FeatureUpdate details(String value) {
        return new FeatureUpdate(description, value, category, kind, priority, steps, parent);
    }

    public FeatureUpdate category(Category value) {
        return new FeatureUpdate(description, details, value, kind, priority, steps, parent);
    }

    public FeatureUpdate kind(Kind value) {
        return new FeatureUpdate(description, details, category, value, priority, steps, parent);
    }

    public FeatureUpdate priority(int value) {
        return new FeatureUpdate(description, details, category, kind, value, steps, parent);
    }

    public FeatureUpdate steps(List<Step> value) {
        return new FeatureUpdate(description, details, category, kind, priority, value, parent);
    }

    public FeatureUpdate parent(FeatureId value) {
        return new FeatureUpdate(description, details, category, kind, priority, steps, value);
    }
}
