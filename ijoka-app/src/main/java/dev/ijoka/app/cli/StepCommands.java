package dev.ijoka.app.cli;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Step;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ijoka step check}: a feature's verification checklist. */
@Command(name = "step",
        description = "A feature's verification steps: check them off as they pass. Steps are numbered from 1, as "
                + "'ijoka feature show' and 'ijoka next' list them.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = StepCommands.Check.class,
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka step check '#3' 1", "  ijoka step check '#3' 2 3", "  ijoka step check '#3' --all",
            "  ijoka step check '#3' 2 --undo"})
final class StepCommands implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a step command: check (ijoka step --help)");
    }

    @Command(name = "check", description = "Checks (or with --undo unchecks) steps of a feature.")
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FEATURE", description = "#12, 12 or a feature id.")
        String feature;

        @Parameters(index = "1..*", paramLabel = "STEP", description = "Step numbers, from 1.")
        List<Integer> steps = new ArrayList<>();

        @Option(names = "--all", description = "Every step.")
        boolean all;

        @Option(names = "--undo", description = "Uncheck instead.")
        boolean undo;

        @Spec
        private CommandSpec spec;

        private final CommandContext ctx;

        @Inject
        Check(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            FeatureRef ref = ctx.ref(feature);
            Feature f = ctx.engine().features().get(ref);
            List<Integer> indexes = new ArrayList<>();
            if (all) {
                for (int i = 0; i < f.steps().size(); i++) {
                    indexes.add(i);
                }
            } else if (steps.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "say which steps: numbers from 1 (ijoka feature show "
                        + f.ref() + " lists them), or --all");
            } else {
                for (int n : steps) {
                    if (n < 1 || n > f.steps().size()) {
                        throw new InvalidInputException(f.steps().isEmpty() ? f.ref() + " has no steps"
                                : "step " + n + " does not exist: " + f.ref() + " has steps 1 to " + f.steps().size());
                    }
                    indexes.add(n - 1);
                }
            }
            for (int i : indexes) {
                f = ctx.engine().features().checkStep(f.id(), i, !undo, null);
            }
            if (ctx.json()) {
                ctx.printJson(ctx.featureJson(f));
                return 0;
            }
            ctx.out().println(f.ref() + "  " + Text.clip(f.description(), ctx.width() - 10));
            for (int i = 0; i < f.steps().size(); i++) {
                Step s = f.steps().get(i);
                ctx.out().println("  " + (i + 1) + ". [" + (s.done() ? "x" : " ") + "] " + s.text());
            }
            ctx.out().println(f.stepsDone() + "/" + f.steps().size() + " steps done"
                    + (f.allStepsDone() && f.status() == dev.ijoka.domain.Status.IN_PROGRESS
                            ? ". Complete it: ijoka feature complete '" + f.ref() + "'" : ""));
            return 0;
        }
    }
}
