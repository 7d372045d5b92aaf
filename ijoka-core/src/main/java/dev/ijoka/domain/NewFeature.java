package dev.ijoka.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a feature. Start from {@link #of(String, Category)} and add what you need:
 * <pre>{@code
 * NewFeature.of("User can log in", Category.FUNCTIONAL).withPriority(5).withSteps("Open /login", "Submit")
 * }</pre>
 */
public record NewFeature(
        String description,
        @Nullable String details,
        Category category,
        Kind kind,
        int priority,
        List<Step> steps,
        @Nullable FeatureRef parent) {

    public NewFeature {
        description = Limits.requireText("description", description, Limits.MAX_DESCRIPTION);
        if (details != null) {
            Limits.checkLength("details", details, Limits.MAX_DETAILS);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        steps = List.copyOf(steps);
        if (steps.size() > Limits.MAX_STEPS) {
            throw new IllegalArgumentException("a feature has at most " + Limits.MAX_STEPS + " steps, got " + steps.size());
        }
    }

    public static NewFeature of(String description, Category category) {
        return new NewFeature(description, null, category, Kind.FEATURE, 0, List.of(), null);
    }

    public NewFeature withDetails(@Nullable String newDetails) {
        return new NewFeature(description, newDetails, category, kind, priority, steps, parent);
    }

    public NewFeature withKind(Kind newKind) {
        return new NewFeature(description, details, category, newKind, priority, steps, parent);
    }

    public NewFeature withPriority(int newPriority) {
        return new NewFeature(description, details, category, kind, newPriority, steps, parent);
    }

    public NewFeature withSteps(String... texts) {
        return withStepList(java.util.Arrays.stream(texts).map(Step::todo).toList());
    }

    public NewFeature withStepList(List<Step> newSteps) {
        return new NewFeature(description, details, category, kind, priority, newSteps, parent);
    }

    public NewFeature withParent(@Nullable FeatureRef newParent) {
        return new NewFeature(description, details, category, kind, priority, steps, newParent);
    }
}
