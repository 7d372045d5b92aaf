package dev.ijoka.app.cli;

import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.WipScope;
import dev.ijoka.interchange.JsonViews;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ijoka rule list|add|enable|disable}: rules the engine applies to starts, completions and agents' tool use. */
@Command(name = "rule",
        description = {"Rules: a WIP limit, steps done before complete, context for agents, reminders before a tool use. "
                + "A rule with 'deny' refuses the command (exit 10); with 'warn' it lets it through with a warning."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RuleCommands.ListCommand.class, RuleCommands.Add.class, RuleCommands.Enable.class,
            RuleCommands.Disable.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka rule add wip-limit --max 2", "  ijoka rule add steps-done",
            "  ijoka rule add context --text \"Use pnpm, never npm\"",
            "  ijoka rule add reminder --tool Bash --glob '**/*.sql' --text \"Migrations are never edited\"",
            "  ijoka rule list", "  ijoka rule disable 5c1e9a0b7d2f     (an id from rule list, or its end)"})
final class RuleCommands implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a rule command: list, add, enable or disable (ijoka rule --help)");
    }

    /** A rule by its id, or a unique start or end of it ('rule list' shows ids whole, other commands their end). */
    static Rule find(CommandContext ctx, String id) {
        Project project = ctx.project(false);
        List<Rule> rules = ctx.engine().rules().list(project.id());
        List<Rule> matches = rules.stream().filter(r -> r.id().value().equals(id)).toList();
        if (matches.isEmpty()) {
            matches = rules.stream().filter(r -> r.id().value().startsWith(id) || r.id().value().endsWith(id)).toList();
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        throw new NotFoundException(matches.isEmpty() ? "there is no rule " + id + " in this project: 'ijoka rule list' shows them"
                : id + " matches " + matches.size() + " rules' ids: give more of it");
    }

    static int print(CommandContext ctx, String verb, Rule r) {
        if (ctx.json()) {
            ctx.printJson(JsonViews.rule(r));
        } else {
            ctx.out().println(verb + " rule " + shortId(r) + ": " + r.spec().describe() + " (" + r.enforcement().wireName()
                    + (r.isGlobal() ? ", global" : "") + (r.enabled() ? "" : ", disabled") + ")");
        }
        return 0;
    }

    static String shortId(Rule r) {
        String v = r.id().value();
        return v.length() > 12 ? v.substring(v.length() - 12) : v;
    }

    @Command(name = "list", description = "The project's rules and the global ones.")
    static final class ListCommand implements Callable<Integer> {

        private final CommandContext ctx;

        @Inject
        ListCommand(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Project project = ctx.project(false);
            List<Rule> rules = ctx.engine().rules().list(project.id());
            if (ctx.json()) {
                ctx.printJson(rules.stream().map(JsonViews::rule).toList());
                return 0;
            }
            if (rules.isEmpty()) {
                ctx.out().println("No rules. Add one: ijoka rule add wip-limit --max 2  (ijoka rule add --help)");
                return 0;
            }
            Text.Table t = new Text.Table("ID", "KIND", "SCOPE", "ENFORCE", "ON", "HITS", "DENIED", "RULE");
            for (Rule r : rules) {
                t.row(r.id().value(), r.spec().kind(), r.isGlobal() ? "global" : "project", r.enforcement().wireName(),
                        r.enabled() ? "yes" : "no", r.triggered(), r.violated(), r.spec().describe());
            }
            t.render(ctx.width() + 30).forEach(ctx.out()::println);
            return 0;
        }
    }

    /** What every kind of rule takes: where it applies and how hard it is. */
    static final class Scope {

        @Option(names = "--global", description = "Apply to every project, not only this one.")
        boolean global;

        @Option(names = {"-e", "--enforcement"}, converter = Converters.EnforcementConverter.class,
                description = "deny (refuse the command) or warn (let it through, with the rule's message). Default: deny for "
                        + "wip-limit and steps-done, warn for context and reminder.")
        @Nullable Enforcement enforcement;
    }

    @Command(name = "add", description = "Adds an enabled rule.", synopsisSubcommandLabel = "KIND",
            subcommands = {AddWipLimit.class, AddStepsDone.class, AddContext.class, AddReminder.class})
    static final class Add implements Runnable {

        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "name the kind of rule: wip-limit, steps-done, context or reminder");
        }

        static Rule add(CommandContext ctx, Scope scope, RuleSpec spec, Enforcement fallback) {
            Project project = scope.global ? null : ctx.project(true);
            return ctx.engine().rules().add(project == null ? null : project.id(), spec,
                    scope.enforcement != null ? scope.enforcement : fallback);
        }
    }

    @Command(name = "wip-limit", aliases = "wip_limit", description = "Refuse to start more than --max features at once.")
    static final class AddWipLimit implements Callable<Integer> {

        @Option(names = "--max", required = true, description = "How many features may be in progress.")
        int max;

        @Option(names = "--per", defaultValue = "project", converter = Converters.WipScopeConverter.class,
                description = "Count per project (default) or per agent session.")
        WipScope per;

        @Mixin
        Scope scope;

        private final CommandContext ctx;

        @Inject
        AddWipLimit(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, "Added", Add.add(ctx, scope, Converters.input(() -> new RuleSpec.WipLimit(max, per)), Enforcement.DENY));
        }
    }

    @Command(name = "steps-done", aliases = {"steps_done_before_complete", "steps-done-before-complete"},
            description = "Refuse to complete a feature while a step is unchecked.")
    static final class AddStepsDone implements Callable<Integer> {

        @Mixin
        Scope scope;

        private final CommandContext ctx;

        @Inject
        AddStepsDone(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, "Added", Add.add(ctx, scope, new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY));
        }
    }

    @Command(name = "context", description = "Text given to every agent session when it starts.")
    static final class AddContext implements Callable<Integer> {

        @Option(names = "--text", required = true, description = "What agents should know.")
        String text;

        @Mixin
        Scope scope;

        private final CommandContext ctx;

        @Inject
        AddContext(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, "Added", Add.add(ctx, scope, Converters.input(() -> new RuleSpec.Context(text)), Enforcement.WARN));
        }
    }

    @Command(name = "reminder", description = "Text shown to an agent before it uses a tool (and/or touches files) that match.")
    static final class AddReminder implements Callable<Integer> {

        @Option(names = "--tool", description = "The tool's exact name, e.g. Bash or Edit.")
        @Nullable String tool;

        @Option(names = "--glob", paramLabel = "GLOB", description = "Files it applies to, e.g. '**/*.sql'.")
        @Nullable String glob;

        @Option(names = "--text", required = true, description = "The reminder.")
        String text;

        @Mixin
        Scope scope;

        private final CommandContext ctx;

        @Inject
        AddReminder(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return print(ctx, "Added", Add.add(ctx, scope, Converters.input(() -> new RuleSpec.Reminder(tool, glob, text)),
                    Enforcement.WARN));
        }
    }

    @Command(name = "enable", description = "Turns a rule on.")
    static final class Enable implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RULE", description = "The rule's id, or its start or end.")
        String id;

        private final CommandContext ctx;

        @Inject
        Enable(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            RuleId rule = find(ctx, id).id();
            return print(ctx, "Enabled", ctx.engine().rules().setEnabled(rule, true));
        }
    }

    @Command(name = "disable", description = "Turns a rule off (it stays, with its counters).")
    static final class Disable implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RULE", description = "The rule's id, or its start or end.")
        String id;

        private final CommandContext ctx;

        @Inject
        Disable(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            RuleId rule = find(ctx, id).id();
            return print(ctx, "Disabled", ctx.engine().rules().setEnabled(rule, false));
        }
    }
}
