package dev.ijoka.internal.engine;

import dev.ijoka.api.Insights;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Insights: recorded with an event, searched by words and tag. */
public final class InsightService implements Insights {

    private static final int MAX_LIMIT = 500;

    private final Engine engine;

    public InsightService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Insight record(ProjectId project, NewInsight spec, @Nullable SessionId session) {
        Instant now = engine.now();
        return engine.write(tx -> {
            tx.project(project).orElseThrow(() -> new NotFoundException("there is no project " + project + ": open one first"));
            FeatureId feature = spec.feature() == null ? null : Engine.resolve(tx, spec.feature()).id();
            Insight insight = new Insight(engine.ids.newId(), project, spec.text(), spec.kind(), spec.tags(), feature,
                    session, now);
            tx.insertInsight(insight);
            tx.append(List.of(engine.event(project, feature, session, now, new EventPayload.InsightRecorded(insight))));
            return insight;
        });
    }

    @Override
    public List<Insight> search(ProjectId project, @Nullable String text, @Nullable String tag, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_LIMIT);
        List<String> words = text == null ? List.of()
                : Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        String wantedTag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        return engine.readOne(r -> r.insights(project)).stream()
                .filter(i -> wantedTag == null || i.tags().contains(wantedTag))
                .filter(i -> {
                    String haystack = (i.text() + " " + String.join(" ", i.tags())).toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(haystack::contains);
                })
                .limit(bounded)
                .toList();
    }

    @Override
    public List<Insight> top(ProjectId project, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_LIMIT);
        return engine.readOne(r -> r.insights(project)).stream()
                .sorted(Comparator.comparingInt((Insight i) -> usefulness(i.kind()))
                        .thenComparing(Insight::createdAt, Comparator.reverseOrder()))
                .limit(bounded)
                .toList();
    }

    /** Lower comes first: what solved a problem, then what to avoid, then advice. */
    private static int usefulness(InsightKind kind) {
        return switch (kind) {
            case SOLUTION -> 0;
            case ANTI_PATTERN -> 1;
            case BEST_PRACTICE -> 2;
            case TOOL_USAGE -> 3;
        };
    }
}
