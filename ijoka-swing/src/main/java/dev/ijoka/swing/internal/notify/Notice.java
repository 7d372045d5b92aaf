package dev.ijoka.swing.internal.notify;

import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One notification, in words: what happened ({@code summary}) and the detail ({@code body}), with what a click
 * opens: the feature, else the project, else (for a summary of held notices) the window.
 */
public record Notice(String summary, String body, @Nullable ProjectId project, @Nullable FeatureId feature) {

    public Notice {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
    }
}
