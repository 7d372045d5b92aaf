package dev.ijoka.app.cli;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ijoka dep add|rm}: dependencies between features. */
@Command(name = "dep",
        description = {"Dependencies: 'FEATURE depends on DEPENDENCY'. A 'blocks' dependency (the default) keeps FEATURE "
                + "from starting until DEPENDENCY is complete; a 'related' one is only shown.",
            "A dependency that would close a cycle of 'blocks' dependencies is refused (exit 9), naming the cycle."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DepCommands.Add.class, DepCommands.Remove.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka dep add '#4' '#2'            #4 cannot start before #2 is complete",
            "  ijoka dep add '#4' '#7' --related  only a link", "  ijoka dep rm '#4' '#2'"})
final class DepCommands implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a dependency command: add or rm (ijoka dep --help)");
    }

    static Map<String, Object> json(Feature from, Feature to, DependencyKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", from.ref());
        m.put("dependsOn", to.ref());
        m.put("kind", kind.wireName());
        return m;
    }

    @Command(name = "add", description = "FEATURE depends on DEPENDENCY. Adding one that exists changes nothing; with the "
            + "other kind it changes its kind.")
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FEATURE", description = "The feature that waits.")
        String feature;

        @Parameters(index = "1", paramLabel = "DEPENDENCY", description = "The feature it waits for.")
        String dependency;

        @Option(names = "--kind", defaultValue = "blocks", converter = Converters.DependencyKindConverter.class,
                description = "blocks (default) or related.")
        DependencyKind kind;

        @Option(names = "--related", description = "Short for --kind related.")
        boolean related;

        private final CommandContext ctx;

        @Inject
        Add(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            FeatureRef from = ctx.ref(feature);
            FeatureRef to = ctx.ref(dependency);
            Dependency d = ctx.engine().dependencies().add(from, to, related ? DependencyKind.RELATED : kind, null);
            Feature a = ctx.engine().features().get(d.dependent());
            Feature b = ctx.engine().features().get(d.dependency());
            if (ctx.json()) {
                ctx.printJson(json(a, b, d.kind()));
            } else {
                ctx.out().println(a.ref() + " now depends on " + b.ref() + " (" + d.kind().wireName() + ")"
                        + (d.kind() == DependencyKind.BLOCKS && b.status() != dev.ijoka.domain.Status.COMPLETE
                                ? ": it can start once " + b.ref() + " is complete" : ""));
            }
            return 0;
        }
    }

    @Command(name = "rm", aliases = "remove", description = "Removes the dependency of FEATURE on DEPENDENCY.")
    static final class Remove implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FEATURE", description = "The feature that waits.")
        String feature;

        @Parameters(index = "1", paramLabel = "DEPENDENCY", description = "The feature it waits for.")
        String dependency;

        private final CommandContext ctx;

        @Inject
        Remove(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Feature a = ctx.engine().features().get(ctx.ref(feature));
            Feature b = ctx.engine().features().get(ctx.ref(dependency));
            boolean removed = ctx.engine().dependencies().remove(a.id(), b.id(), null);
            if (ctx.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("feature", a.ref());
                m.put("dependsOn", b.ref());
                m.put("removed", removed);
                ctx.printJson(m);
            } else {
                ctx.out().println(removed ? a.ref() + " no longer depends on " + b.ref()
                        : a.ref() + " did not depend on " + b.ref() + ": nothing to remove");
            }
            return 0;
        }
    }
}
