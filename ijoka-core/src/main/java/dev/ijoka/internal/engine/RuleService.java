package dev.ijoka.internal.engine;

import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.Rules;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Rules: added and toggled with events; context and reminders counted as they fire. */
public final class RuleService implements Rules {

    private final Engine engine;

    public RuleService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Rule add(@Nullable ProjectId project, RuleSpec spec, Enforcement enforcement) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(enforcement, "enforcement");
        Instant now = engine.now();
        return engine.write(tx -> {
            if (project != null) {
                tx.project(project).orElseThrow(() -> new NotFoundException("there is no project " + project + ": open one first"));
            }
            Rule rule = new Rule(new RuleId(engine.ids.newId()), project, spec, enforcement, true, 0, 0, now);
            tx.upsertRule(rule);
            tx.append(List.of(engine.event(project, null, null, now, new EventPayload.RuleAdded(rule))));
            return rule;
        });
    }

    @Override
    public Rule setEnabled(RuleId id, boolean enabled) {
        Instant now = engine.now();
        return engine.write(tx -> {
            Rule rule = tx.rule(id).orElseThrow(() -> notFound(id));
            if (rule.enabled() == enabled) {
                return rule;
            }
            Rule toggled = rule.withEnabled(enabled);
            tx.upsertRule(toggled);
            tx.append(List.of(engine.event(rule.project(), null, null, now, new EventPayload.RuleToggled(id, enabled))));
            return toggled;
        });
    }

    @Override
    public Rule get(RuleId id) {
        return engine.read(r -> r.rule(id).orElseThrow(() -> notFound(id)));
    }

    @Override
    public List<Rule> list(ProjectId project) {
        return engine.read(r -> r.rules(project));
    }

    @Override
    public List<String> contextFor(ProjectId project, @Nullable SessionId session) {
        return fire(project, session, "session_start",
                engine.read(r -> r.rules(project)).stream()
                        .filter(r -> r.enabled() && r.spec() instanceof RuleSpec.Context)
                        .toList());
    }

    @Override
    public List<String> remindersFor(ProjectId project, @Nullable SessionId session, String tool, List<String> files) {
        return fire(project, session, "tool_use:" + tool,
                RuleEngine.reminders(engine.read(r -> r.rules(project)), tool, List.copyOf(files)));
    }

    /** Counts each rule as triggered, logs it, and returns the texts. */
    private List<String> fire(ProjectId project, @Nullable SessionId session, String command, List<Rule> rules) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Instant now = engine.now();
        return engine.write(tx -> {
            List<String> texts = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            for (Rule listed : rules) {
                Rule rule = tx.rule(listed.id()).orElse(listed);
                String text = switch (rule.spec()) {
                    case RuleSpec.Context c -> c.text();
                    case RuleSpec.Reminder r -> r.text();
                    case RuleSpec.WipLimit w -> w.describe();
                    case RuleSpec.StepsDoneBeforeComplete s -> s.describe();
                };
                texts.add(text);
                tx.upsertRule(rule.countTriggered());
                events.add(engine.event(project, null, session, now,
                        new EventPayload.RuleTriggered(rule.id(), rule.spec().kind(), command, text)));
            }
            tx.append(events);
            return texts;
        });
    }

    private static NotFoundException notFound(RuleId id) {
        return new NotFoundException("there is no rule " + id + ": list the rules to see their ids");
    }
}
