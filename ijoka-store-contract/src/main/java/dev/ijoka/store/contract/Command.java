package dev.ijoka.store.contract;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.WipScope;
import org.jspecify.annotations.Nullable;

/**
 * One step of a random command sequence, as both the engine and {@link PlanModel} run it. Features
 * are named by number (a number past the last feature names none); sessions by name, {@code null}
 * for a person.
 */
sealed interface Command {

    record Create(int priority, int steps) implements Command {}

    record AddDependency(int dependent, int dependency, DependencyKind kind) implements Command {}

    record RemoveDependency(int dependent, int dependency) implements Command {}

    record Start(int feature, @Nullable String session) implements Command {}

    record Complete(int feature, @Nullable String session) implements Command {}

    /** {@code blockedBy == 0}: no blocking feature named. */
    record Block(int feature, @Nullable String session, int blockedBy) implements Command {}

    record Unblock(int feature, @Nullable String session) implements Command {}

    record Reopen(int feature, @Nullable String session) implements Command {}

    record CheckStep(int feature, int index, boolean done, @Nullable String session) implements Command {}

    record AddWipLimit(WipScope per, int max, Enforcement enforcement) implements Command {}

    record AddStepsRule(Enforcement enforcement) implements Command {}

    /** {@code rule}: the index of a rule in the order they were added. */
    record ToggleRule(int rule, boolean enabled) implements Command {}

    record AdvanceClock(int minutes) implements Command {}

    record ExpireLeases() implements Command {}

    record EndSession(String session) implements Command {}

    record ResumeSession(String session) implements Command {}

    record Touch(String session) implements Command {}
}
