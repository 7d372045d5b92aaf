package dev.ijoka.store.contract;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * A generated step: a kind and four numbers, each in [0, 100). {@link #toCommand} reads them against
 * the model's current state, so that most steps name features, sessions and rules that exist and
 * shrinking (towards 0: creating features) keeps sequences meaningful.
 */
record Op(int kind, int a, int b, int c, int d) {

    /** How often each command comes up, in the order {@link #toCommand} reads them. */
    private static final int[] WEIGHTS = {
        12, // create
        10, // add dependency
        3,  // remove dependency
        18, // start
        10, // complete
        6,  // block
        5,  // unblock
        3,  // reopen
        7,  // check step
        3,  // add WIP limit
        1,  // add steps rule
        2,  // toggle rule
        6,  // advance clock
        4,  // expire leases
        3,  // end session
        3,  // resume session
        4,  // touch
    };

    static Gen<List<Op>> sequences(int minSize, int maxSize) {
        Gen<Integer> n = Generate.range(0, 99);
        Gen<Integer> kinds = Generate.range(0, weightTotal() - 1);
        return SourceDSL.lists().of(kinds.zip(n, n, n, n, Op::new)).ofSizeBetween(minSize, maxSize);
    }

    Command toCommand(PlanModel model) {
        int k = kind;
        int which = 0;
        while (k >= WEIGHTS[which]) {
            k -= WEIGHTS[which];
            which++;
        }
        if (which >= 1 && which <= 8 && model.featureCount() < 2) {
            // Commands about features mean little before there are any: make one instead.
            which = 0;
        }
        return switch (which) {
            case 0 -> new Command.Create(a % 5 - 2, b % 4);
            case 1 -> new Command.AddDependency(feature(model, a), feature(model, b), c % 3 == 0 ? DependencyKind.RELATED : DependencyKind.BLOCKS);
            case 2 -> new Command.RemoveDependency(feature(model, a), feature(model, b));
            case 3 -> new Command.Start(feature(model, a, Status.PENDING, Status.IN_PROGRESS), sessionOrPerson(model));
            case 4 -> new Command.Complete(feature(model, a, Status.IN_PROGRESS), sessionOrPerson(model));
            case 5 -> new Command.Block(feature(model, a, Status.PENDING, Status.IN_PROGRESS), sessionOrPerson(model),
                    c < 50 ? 0 : feature(model, d));
            case 6 -> new Command.Unblock(feature(model, a, Status.BLOCKED), sessionOrPerson(model));
            case 7 -> new Command.Reopen(feature(model, a, Status.COMPLETE), sessionOrPerson(model));
            case 8 -> checkStep(model);
            case 9 -> new Command.AddWipLimit(a % 2 == 0 ? WipScope.PROJECT : WipScope.SESSION, 1 + b % 3, enforcement());
            case 10 -> new Command.AddStepsRule(enforcement());
            case 11 -> model.ruleCount() == 0 ? new Command.ExpireLeases() : new Command.ToggleRule(a % model.ruleCount(), b % 2 == 0);
            case 12 -> new Command.AdvanceClock(5 + a % 30);
            case 13 -> new Command.ExpireLeases();
            case 14 -> new Command.EndSession(session(model));
            case 15 -> new Command.ResumeSession(session(model));
            default -> new Command.Touch(session(model));
        };
    }

    /** Mostly a feature with steps and one of its steps; now and then a step it does not have. */
    private Command checkStep(PlanModel model) {
        int number = feature(model, a, i -> i.steps.length > 0);
        int steps = number > model.featureCount() ? 0 : model.items().get(number - 1).steps.length;
        int index = c < 90 && steps > 0 ? c % steps : steps;
        return new Command.CheckStep(number, index, d % 3 != 0, sessionOrPerson(model));
    }

    /**
     * Seven times in ten a feature in one of the statuses the command accepts, if there is one;
     * otherwise as {@link #feature(PlanModel, int)}.
     */
    private static int feature(PlanModel model, int x, Status... accepted) {
        return feature(model, x, i -> List.of(accepted).contains(i.status));
    }

    private static int feature(PlanModel model, int x, Predicate<PlanModel.Item> fits) {
        List<Integer> fitting = model.items().stream().filter(fits).map(i -> i.number).toList();
        return x < 70 && !fitting.isEmpty() ? fitting.get(x % fitting.size()) : feature(model, x);
    }

    /** Mostly an existing feature; now and then the number after the last, which names none. */
    private static int feature(PlanModel model, int x) {
        int n = model.featureCount();
        return n == 0 || x >= 94 ? n + 1 : x % n + 1;
    }

    /** One of the sessions, or (one time in sessions + 1) a person. */
    private @Nullable String sessionOrPerson(PlanModel model) {
        int i = b % (model.sessions().size() + 1);
        return i == model.sessions().size() ? null : model.sessions().get(i);
    }

    private String session(PlanModel model) {
        return model.sessions().get(b % model.sessions().size());
    }

    private Enforcement enforcement() {
        return c % 4 == 0 ? Enforcement.WARN : Enforcement.DENY;
    }

    private static int weightTotal() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        return total;
    }
}
