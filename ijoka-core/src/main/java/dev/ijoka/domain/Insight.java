package dev.ijoka.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A learning recorded by an agent or a person, offered to later sessions. */
public record Insight(
        String id,
        ProjectId project,
        String text,
        InsightKind kind,
        List<String> tags,
        @Nullable FeatureId feature,
        @Nullable SessionId session,
        Instant createdAt) {

    public Insight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        text = Limits.requireText("insight text", text, Limits.MAX_INSIGHT);
        Objects.requireNonNull(kind, "kind");
        tags = normalizeTags(tags);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Tags are lower-case, trimmed, unique, and bounded in number and length. */
    public static List<String> normalizeTags(List<String> tags) {
        List<String> clean = tags.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (clean.size() > Limits.MAX_TAGS) {
            throw new IllegalArgumentException("an insight has at most " + Limits.MAX_TAGS + " tags, got " + clean.size());
        }
        clean.forEach(t -> Limits.checkLength("tag", t, Limits.MAX_TAG));
        return clean;
    }
}
