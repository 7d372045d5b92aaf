package dev.ijoka.store.contract;

import static org.quicktheories.QuickTheory.qt;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.generators.Generate;

/**
 * A property test: random sequences of commands (features created, linked, started, completed,
 * blocked, reopened and checked off by two to four sessions and by people; WIP and step rules added
 * and toggled; the clock moved past leases; leases expired; sessions ended and resumed) run on a
 * fresh engine and on a simple {@link PlanModel}. Each command must succeed on both or fail on both
 * with the same error; after each, both must hold the same state and the engine must keep the
 * invariants (no cycle of blocks edges, no denying WIP limit overrun, never two holders of a claim
 * in its log); at the end the store must equal a replay of its log.
 *
 * <p>A failing sequence is shrunk here, by dropping every command the failure does not need, and
 * reported as the numbered list of what ran. Stores extend it like {@link EngineContract}. Set
 * {@code -Dqt.seed=...} to draw other examples, or to replay the seed a failure reports.
 */
public abstract class CommandSequenceContract {

    private static final int EXAMPLES = 150;

    @TempDir
    protected Path projectDir;

    /** A new engine on a fresh, empty store, built with {@code clock}; called once per example and more while shrinking. */
    protected abstract Ijoka newEngine(InstantSource clock);

    @Test
    public void randomCommandSequencesBehaveLikeTheModelAndKeepTheInvariants() {
        CommandTally tally = new CommandTally();

        qt().withExamples(EXAMPLES).withShrinkCycles(0)
                .forAll(Generate.range(2, 4), Op.sequences(1, 80))
                .checkAssert((sessions, ops) -> check(sessions, ops, tally));

        tally.assertEveryCommandAndRefusalCameUp();
    }

    private void check(int sessions, List<Op> ops, CommandTally tally) {
        Failure failure = attempt(sessions, ops, tally);
        if (failure == null) {
            return;
        }
        List<Op> smallest = ops.subList(0, failure.steps);
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int i = smallest.size() - 1; i >= 0; i--) {
                List<Op> fewer = new ArrayList<>(smallest);
                fewer.remove(i);
                Failure again = attempt(sessions, fewer, null);
                if (again != null) {
                    smallest = fewer.subList(0, again.steps);
                    failure = again;
                    shrunk = true;
                    i = Math.min(i, smallest.size());
                }
            }
        }
        throw new AssertionError("a sequence of " + ops.size() + " commands with " + sessions
                + " sessions failed; shrunk to " + smallest.size() + " commands:\n" + failure.error.getMessage(), failure.error);
    }

    /** How a sequence failed: the error and how many commands had run when it came. */
    private record Failure(Throwable error, int steps) {}

    private @Nullable Failure attempt(int sessions, List<Op> ops, @Nullable CommandTally tally) {
        MutableClock clock = new MutableClock();
        SequenceRun run = null;
        try (Ijoka ijoka = newEngine(clock)) {
            Project project = ijoka.projects().open(projectDir);
            run = new SequenceRun(ijoka, project.id(), clock, sessions);
            run.run(ops, tally);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return new Failure(e, run == null ? 0 : Math.max(1, run.steps()));
        }
    }
}
