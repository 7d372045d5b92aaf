package dev.ijoka.api;

import dev.ijoka.domain.Insight;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Learnings recorded by agents and people. */
public interface Insights {

    Insight record(ProjectId project, NewInsight insight, @Nullable SessionId session);

    /**
     * Insights whose text contains every word of {@code text} (case-insensitive) and that carry
     * {@code tag}, newest first; either filter may be null.
     */
    List<Insight> search(ProjectId project, @Nullable String text, @Nullable String tag, int limit);

    /** The ones worth offering a new session: solutions and anti-patterns first, newest first. */
    List<Insight> top(ProjectId project, int limit);
}
