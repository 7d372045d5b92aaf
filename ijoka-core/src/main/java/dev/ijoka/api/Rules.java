package dev.ijoka.api;

import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rules: data that the engine evaluates when features start and complete, and agents use tools. */
public interface Rules {

    /** Adds an enabled rule; {@code project == null} makes it global. */
    Rule add(@Nullable ProjectId project, RuleSpec spec, Enforcement enforcement);

    Rule setEnabled(RuleId id, boolean enabled);

    /** @throws NotFoundException if there is no such rule */
    Rule get(RuleId id);

    /** The project's rules and the global ones. */
    List<Rule> list(ProjectId project);

    /** The texts of the enabled context rules, to inject at session start (each counts as triggered). */
    List<String> contextFor(ProjectId project, @Nullable SessionId session);

    /**
     * The texts of the enabled reminder rules that match a tool use about to happen (each counts as
     * triggered).
     */
    List<String> remindersFor(ProjectId project, @Nullable SessionId session, String tool, List<String> files);
}
