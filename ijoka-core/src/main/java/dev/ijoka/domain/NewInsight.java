package dev.ijoka.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What it takes to record an insight. */
public record NewInsight(String text, InsightKind kind, List<String> tags, @Nullable FeatureRef feature) {

    public NewInsight {
        text = Limits.requireText("insight text", text, Limits.MAX_INSIGHT);
        Objects.requireNonNull(kind, "kind");
        tags = Insight.normalizeTags(tags);
    }

    public static NewInsight of(String text, InsightKind kind, String... tags) {
        return new NewInsight(text, kind, List.of(tags), null);
    }

    public NewInsight about(FeatureRef ref) {
        return new NewInsight(text, kind, tags, ref);
    }
}
