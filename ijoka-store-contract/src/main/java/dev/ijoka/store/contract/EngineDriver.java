package dev.ijoka.store.contract;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** Runs {@link Command}s on an engine through its public API, and reports each {@link Outcome}. */
final class EngineDriver {

    private final Ijoka ijoka;
    private final ProjectId project;
    private final MutableClock clock;
    private final Map<Integer, FeatureId> ids = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();

    EngineDriver(Ijoka ijoka, ProjectId project, MutableClock clock) {
        this.ijoka = ijoka;
        this.project = project;
        this.clock = clock;
    }

    Outcome apply(Command command) {
        try {
            return run(command);
        } catch (IjokaException e) {
            return Outcome.failed(e.getClass(), e.getMessage());
        }
    }

    private Outcome run(Command command) {
        switch (command) {
            case Command.Create c -> {
                NewFeature spec = NewFeature.of("Feature " + (ids.size() + 1), Category.FUNCTIONAL)
                        .withPriority(c.priority())
                        .withSteps(IntStream.range(0, c.steps()).mapToObj(i -> "step " + i).toArray(String[]::new));
                Feature f = ijoka.features().create(project, spec);
                ids.put(f.number(), f.id());
            }
            case Command.AddDependency c -> ijoka.dependencies().add(ref(c.dependent()), ref(c.dependency()), c.kind(), null);
            case Command.RemoveDependency c -> ijoka.dependencies().remove(ref(c.dependent()), ref(c.dependency()), null);
            case Command.Start c -> ijoka.features().start(ref(c.feature()), session(c.session()));
            case Command.Complete c -> ijoka.features().complete(ref(c.feature()), session(c.session()));
            case Command.Block c -> ijoka.features().block(ref(c.feature()), session(c.session()), "blocked in a test",
                    c.blockedBy() == 0 ? null : ref(c.blockedBy()));
            case Command.Unblock c -> ijoka.features().unblock(ref(c.feature()), session(c.session()));
            case Command.Reopen c -> ijoka.features().reopen(ref(c.feature()), session(c.session()), "reopened in a test");
            case Command.CheckStep c -> ijoka.features().checkStep(ref(c.feature()), c.index(), c.done(), session(c.session()));
            case Command.AddWipLimit c -> rules.add(ijoka.rules().add(project, new RuleSpec.WipLimit(c.max(), c.per()), c.enforcement()));
            case Command.AddStepsRule c -> rules.add(ijoka.rules().add(project, new RuleSpec.StepsDoneBeforeComplete(), c.enforcement()));
            case Command.ToggleRule c -> ijoka.rules().setEnabled(rules.get(c.rule()).id(), c.enabled());
            case Command.AdvanceClock c -> clock.advance(Duration.ofMinutes(c.minutes()));
            case Command.ExpireLeases c -> {
                return Outcome.ok(ijoka.sessions().expireLeases().stream().map(Feature::number).sorted().toList());
            }
            case Command.EndSession c -> ijoka.sessions().end(SessionId.of(c.session()), "ended in a test");
            case Command.ResumeSession c -> ijoka.sessions().start(project, SessionId.of(c.session()), "agent");
            case Command.Touch c -> ijoka.sessions().touch(SessionId.of(c.session()));
        }
        return Outcome.ok();
    }

    /** Features with an even number by id, the others by number: both ways of naming one must work. */
    private FeatureRef ref(int number) {
        FeatureId id = ids.get(number);
        return id != null && number % 2 == 0 ? id : new FeatureRef.Number(project, number);
    }

    private static @Nullable SessionId session(@Nullable String name) {
        return name == null ? null : SessionId.of(name);
    }
}
