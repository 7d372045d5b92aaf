package dev.ijoka.internal.engine;

import dev.ijoka.api.RuleViolationException;
import dev.ijoka.domain.Decision;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one command inside its transaction: the events it will append, the warnings
 * rules gave, and whether a rule refused it. A refusal still commits the rule's event and counter
 * (the log records what was refused), but none of the command's own changes.
 */
final class CommandRun {

    private final Engine engine;
    final StoreTransaction tx;
    final Instant now;
    final ProjectId project;
    private final @Nullable FeatureId feature;
    private final @Nullable SessionId session;
    private final List<Event> events = new ArrayList<>();
    private final List<Event> ruleEvents = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private @Nullable RuleViolationException denied;
    private List<Event> committed = List.of();

    CommandRun(Engine engine, StoreTransaction tx, Instant now, ProjectId project, @Nullable FeatureId feature,
            @Nullable SessionId session) {
        this.engine = engine;
        this.tx = tx;
        this.now = now;
        this.project = project;
        this.feature = feature;
        this.session = session;
    }

    void emit(EventPayload payload) {
        events.add(engine.event(project, feature, session, now, payload));
    }

    void emitFor(@Nullable FeatureId about, EventPayload payload) {
        events.add(engine.event(project, about, session, now, payload));
    }

    /**
     * Applies rule verdicts: warnings are collected, refusals remembered, and each is counted on its
     * rule and logged.
     *
     * @return true when the command may go on
     */
    boolean judge(List<RuleEngine.Verdict> verdicts, String command) {
        for (RuleEngine.Verdict v : verdicts) {
            Rule rule = tx.rule(v.rule().id()).orElse(v.rule());
            switch (v.decision()) {
                case Decision.Allow a -> { }
                case Decision.Warn w -> {
                    warnings.add(w.message());
                    tx.upsertRule(rule.countTriggered());
                    ruleEvents.add(engine.event(project, feature, session, now,
                            new EventPayload.RuleTriggered(rule.id(), rule.spec().kind(), command, w.message())));
                }
                case Decision.Deny d -> {
                    tx.upsertRule(rule.countViolated());
                    ruleEvents.add(engine.event(project, feature, session, now,
                            new EventPayload.RuleViolated(rule.id(), rule.spec().kind(), command, d.message())));
                    if (denied == null) {
                        denied = new RuleViolationException(d.message());
                    }
                }
            }
        }
        return denied == null;
    }

    @Nullable RuleViolationException denied() {
        return denied;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Appends the rule events, then (unless refused) the command's own. */
    void commitEvents() {
        List<Event> all = new ArrayList<>(ruleEvents);
        if (denied == null) {
            all.addAll(events);
        }
        if (!all.isEmpty()) {
            committed = tx.append(all);
        }
    }

    /** The events {@link #commitEvents} appended, with their sequences; none before it ran. */
    List<Event> committed() {
        return committed;
    }
}
