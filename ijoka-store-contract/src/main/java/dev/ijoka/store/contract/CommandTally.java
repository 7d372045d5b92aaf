package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.CycleException;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.RuleViolationException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each command ran and succeeded over a whole property run: the proof that the generator
 * exercises what it claims to, rather than failing every command at its first check.
 */
final class CommandTally {

    private final Map<String, int[]> byCommand = new TreeMap<>();
    private final Map<String, Integer> byOutcome = new TreeMap<>();

    synchronized void count(Command command, Outcome outcome) {
        int[] counts = byCommand.computeIfAbsent(command.getClass().getSimpleName(), k -> new int[2]);
        counts[0]++;
        if (outcome.succeeded()) {
            counts[1]++;
        }
        byOutcome.merge(outcome.succeeded() ? "ok" : outcome.result(), 1, Integer::sum);
    }

    synchronized void assertEveryCommandAndRefusalCameUp() {
        int total = byCommand.values().stream().mapToInt(c -> c[0]).sum();
        int succeeded = byCommand.values().stream().mapToInt(c -> c[1]).sum();
        String report = toString();
        assertThat(succeeded).as("commands that succeeded; %s", report).isGreaterThan(total * 2 / 5);
        assertThat(byCommand).as(report).hasSize(Command.class.getPermittedSubclasses().length);
        byCommand.forEach((command, counts) -> assertThat(counts[1]).as("%s succeeded; %s", command, report).isPositive());
        for (Class<?> refusal : new Class<?>[] {NotFoundException.class, InvalidInputException.class,
                IllegalTransitionException.class, DependencyGateException.class, ClaimConflictException.class,
                CycleException.class, RuleViolationException.class}) {
            assertThat(byOutcome).as("%s came up; %s", refusal.getSimpleName(), report).containsKey(refusal.getSimpleName());
        }
    }

    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder("command: succeeded/ran");
        byCommand.forEach((command, c) -> s.append(", ").append(command).append(' ').append(c[1]).append('/').append(c[0]));
        return s.append("; outcomes ").append(byOutcome).toString();
    }
}
