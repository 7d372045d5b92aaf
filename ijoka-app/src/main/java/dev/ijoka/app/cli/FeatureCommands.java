package dev.ijoka.app.cli;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.interchange.JsonViews;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ijoka feature ...}: features and their state machine. */
@Command(name = "feature",
        description = {"Add, list, show and change features, and move them through their states:",
            "  pending --start--> in_progress --complete--> complete --reopen--> pending",
            "  pending|in_progress --block--> blocked --unblock--> pending",
            "FEATURE is #12, 12 or a feature id. People take no claims: an agent's claim does not stop you."},
        synopsisSubcommandLabel = "COMMAND",
        // Its subcommands are added by the command line, all or only the one a run names (SUBCOMMANDS, Cli)
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka feature add \"User can log in\" --category security --step \"Open /login\" --step \"Submit\"",
            "  ijoka feature list --status pending --status blocked",
            "  ijoka feature start '#3' && ijoka feature complete '#3'"})
final class FeatureCommands implements Runnable {

    /**
     * Every feature command, by name, in the order help lists them. Added by the command line rather than declared in
     * {@code @Command(subcommands)}, so that a run naming one builds picocli's model of that one alone: the nine
     * together were a third of what a one-shot {@code feature show} spent building its command line
     * (docs/benchmarks.md, "Cold commands at 10,000 features").
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("add", Add.class);
        m.put("list", ListCommand.class);
        m.put("show", Show.class);
        m.put("update", Update.class);
        m.put("start", Start.class);
        m.put("complete", Complete.class);
        m.put("block", Block.class);
        m.put("unblock", Unblock.class);
        m.put("reopen", Reopen.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a feature command: add, list, show, update, start, complete, "
                + "block, unblock or reopen (ijoka feature --help)");
    }

    /** Prints what a transition did: a line for people, the feature (and warnings) for scripts. */
    static int report(CommandContext ctx, String verb, Transition t) {
        Feature f = t.feature();
        if (ctx.json()) {
            Map<String, Object> out = ctx.featureJson(f);
            out.put("warnings", t.warnings());
            ctx.printJson(out);
        } else {
            ctx.out().println(verb + " " + f.ref() + "  " + Text.clip(f.description(), ctx.width() - 20) + "  ("
                    + f.status().wireName() + ")");
            t.warnings().forEach(ctx::warn);
        }
        return 0;
    }

    @Command(name = "add",
            description = "Add a pending feature to the project (the working directory's project is registered if new).",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka feature add \"User can log in\"",
                "  ijoka feature add \"Cart survives a reload\" --category functional --priority 2 --depends-on '#1' \\",
                "      --step \"Add an item\" --step \"Reload\" --step \"The item is still there\""})
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "What the feature does, in one sentence.")
        String description;

        @Option(names = {"-c", "--category"}, defaultValue = "functional", converter = Converters.CategoryConverter.class,
                description = "functional (default), ui, security, performance, documentation, testing, infrastructure, "
                        + "refactoring.")
        Category category;

        @Option(names = {"-k", "--kind"}, defaultValue = "feature", converter = Converters.KindConverter.class,
                description = "feature (default), bug, chore, spike, epic.")
        Kind kind;

        @Option(names = "--priority", defaultValue = "0", description = "Higher goes first (default 0).")
        int priority;

        @Option(names = {"-d", "--details"}, description = "Longer text (Markdown).")
        @Nullable String details;

        @Option(names = {"-s", "--step"}, paramLabel = "TEXT", description = "A verification step; repeat for several, in order.")
        List<String> steps = new ArrayList<>();

        @Option(names = "--parent", paramLabel = "FEATURE", description = "The feature (e.g. an epic) this one is part of.")
        @Nullable String parent;

        @Option(names = "--depends-on", paramLabel = "FEATURE", description = "A feature that must be complete before this "
                + "one can start; repeat for several.")
        List<String> dependsOn = new ArrayList<>();

        private final CommandContext ctx;

        @Inject
        Add(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            NewFeature spec = Converters.input(() -> new NewFeature(description, details, category, kind, priority,
                    steps.stream().map(Step::todo).toList(), null));
            Project project = ctx.project(true);
            FeatureBatch.Target parentTarget = parent == null ? null : FeatureBatch.Target.existing(ctx.ref(parent));
            List<FeatureBatch.Edge> edges = dependsOn.stream()
                    .map(d -> new FeatureBatch.Edge(FeatureBatch.Target.entry(0), FeatureBatch.Target.existing(ctx.ref(d)),
                            DependencyKind.BLOCKS))
                    .toList();
            // One transaction for the feature and its dependencies: a bad dependency adds nothing.
            Feature f = ctx.engine().features().createAll(project.id(), new FeatureBatch(
                    List.of(new FeatureBatch.Entry(spec, Status.PENDING, null, parentTarget)), edges),
                    FeatureBatch.Progress.NONE).created().getFirst();
            if (ctx.json()) {
                ctx.printJson(ctx.featureJson(f));
            } else {
                ctx.out().println("Added " + f.ref() + "  " + Text.clip(f.description(), ctx.width() - 12));
            }
            return 0;
        }
    }

    @Command(name = "list",
            description = "The project's features, by number, as a table (or all their fields with --json).",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka feature list", "  ijoka feature list --status in_progress --status blocked",
                "  ijoka feature list --ready", "  ijoka feature list --json | jq '.[] | select(.status == \"pending\") | .ref'"})
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--status", paramLabel = "STATUS", converter = Converters.StatusConverter.class,
                description = "Only these: pending, in_progress, blocked, complete; repeat for several.")
        List<Status> statuses = new ArrayList<>();

        @Option(names = {"-c", "--category"}, converter = Converters.CategoryConverter.class, description = "Only this category.")
        @Nullable Category category;

        @Option(names = {"-k", "--kind"}, converter = Converters.KindConverter.class, description = "Only this kind.")
        @Nullable Kind kind;

        @Option(names = "--ready", description = "Only the ready ones, in the order 'next' takes them.")
        boolean ready;

        @Option(names = "--limit", paramLabel = "N", description = "At most N features.")
        @Nullable Integer limit;

        private final CommandContext ctx;

        @Inject
        ListCommand(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Project project = ctx.project(false);
            Ijoka ijoka = ctx.engine();
            List<Feature> all = ready ? ijoka.plan().ready(project.id()) : ijoka.features().list(project.id());
            Set<Status> wanted = statuses.isEmpty() ? EnumSet.allOf(Status.class) : EnumSet.copyOf(statuses);
            List<Feature> shown = all.stream()
                    .filter(f -> wanted.contains(f.status()))
                    .filter(f -> category == null || f.category() == category)
                    .filter(f -> kind == null || f.kind() == kind)
                    .limit(limit == null ? Long.MAX_VALUE : Math.max(0, limit))
                    .toList();
            if (ctx.json()) {
                Map<FeatureId, Feature> byId = all.stream().collect(Collectors.toMap(Feature::id, Function.identity()));
                Map<String, String> agents = new HashMap<>();
                ijoka.sessions().list(project.id()).forEach(x -> agents.put(x.id().value(), x.agent()));
                // A ready feature's parent may be any feature: read such a one by id rather than the whole plan
                // again (docs/benchmarks.md, issue 13).
                JsonViews.Context context = new JsonViews.Context(ijoka.clock().instant(),
                        id -> byId.computeIfAbsent(id, missing -> ijoka.features().find(missing).orElse(null)), agents::get);
                ctx.printJson(shown.stream().map(f -> JsonViews.feature(f, context)).toList());
                return 0;
            }
            if (shown.isEmpty()) {
                ctx.out().println(all.isEmpty() ? "No features yet. Add one with: ijoka feature add \"User can log in\""
                        : "No feature matches.");
                return 0;
            }
            Text.Table t = new Text.Table("#", "STATUS", "PRI", "CATEGORY", "KIND", "STEPS", "DESCRIPTION");
            for (Feature f : shown) {
                t.row(f.ref(), f.status().wireName(), f.priority(), f.category().wireName(), f.kind().wireName(),
                        f.steps().isEmpty() ? "" : f.stepsDone() + "/" + f.steps().size(), f.description());
            }
            t.render(ctx.width()).forEach(ctx.out()::println);
            if (shown.size() < all.size() && limit == null && statuses.isEmpty() && category == null && kind == null) {
                ctx.out().println(shown.size() + " of " + all.size());
            }
            return 0;
        }
    }

    @Command(name = "show",
            description = "Everything about one feature: its fields, steps, dependencies, what it waits for and what waits "
                    + "for it.",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka feature show '#3'", "  ijoka feature show 3 --json"})
    static final class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FEATURE", description = "#12, 12 or a feature id.")
        String feature;

        private final CommandContext ctx;

        @Inject
        Show(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Ijoka ijoka = ctx.engine();
            FeatureRef ref = ctx.ref(feature);
            Feature f = ijoka.features().get(ref);
            List<Dependency> dependsOn = ijoka.dependencies().of(f.id());
            List<Dependency> neededBy = ijoka.dependencies().dependentsOf(f.id());
            List<Feature> waitingFor = ijoka.plan().blockedBy(f.id());
            Optional<AgentPlan> todos = ijoka.sessions().featureTodos(f.id());
            // Only the features this one names, each read by id: reading the whole plan for them cost a
            // one-shot process as much again as the rest (docs/benchmarks.md, issue 13).
            Map<FeatureId, Feature> byId = new HashMap<>();
            waitingFor.forEach(w -> byId.put(w.id(), w));
            Stream.concat(Stream.concat(dependsOn.stream().map(Dependency::dependency),
                            neededBy.stream().map(Dependency::dependent)), Stream.ofNullable(f.parent()))
                    .filter(id -> !byId.containsKey(id))
                    .forEach(id -> ijoka.features().find(id).ifPresent(g -> byId.put(g.id(), g)));
            if (ctx.json()) {
                JsonViews.Context context = JsonViews.Context.of(ijoka);
                Map<String, Object> out = JsonViews.feature(f, context);
                out.put("dependsOn", edges(dependsOn, Dependency::dependency, byId));
                out.put("dependents", edges(neededBy, Dependency::dependent, byId));
                out.put("waitingFor", waitingFor.stream().map(Feature::ref).toList());
                out.put("agentTodos", todos.map(p -> JsonViews.agentTodos(p, context)).orElse(null));
                ctx.printJson(out);
                return 0;
            }
            PrintStream out = ctx.out();
            out.println(f.ref() + "  " + f.description());
            Text.Table t = new Text.Table("", "");
            t.row("  status", f.status().wireName() + (f.blockReason() != null ? ": " + f.blockReason() : ""));
            t.row("  category", f.category().wireName());
            t.row("  kind", f.kind().wireName());
            t.row("  priority", f.priority());
            if (f.parent() != null && byId.containsKey(f.parent())) {
                Feature p = byId.get(f.parent());
                t.row("  part of", p.ref() + " " + p.description());
            }
            if (f.claim() != null) {
                Instant now = ijoka.clock().instant();
                String agent = ijoka.sessions().find(f.claim().session()).map(s -> " (" + s.agent() + ")").orElse("");
                t.row("  claimed by", "session " + f.claim().session() + agent + ", lease "
                        + (f.claim().isLive(now) ? "ends " : "lapsed ") + Text.relative(f.claim().leaseUntil(), now));
            }
            t.row("  depends on", refs(dependsOn, Dependency::dependency, byId));
            t.row("  needed by", refs(neededBy, Dependency::dependent, byId));
            if (!waitingFor.isEmpty()) {
                t.row("  waits for", waitsFor(waitingFor));
            }
            t.row("  id", f.id().value() + " · version " + f.version());
            t.row("  created", f.createdAt() + (f.completedAt() != null ? " · completed " + f.completedAt() : ""));
            t.renderRows(Integer.MAX_VALUE / 2).forEach(out::println);
            if (!f.steps().isEmpty()) {
                out.println("Steps (" + f.stepsDone() + "/" + f.steps().size() + " done)");
                for (int i = 0; i < f.steps().size(); i++) {
                    Step s = f.steps().get(i);
                    out.println("  " + (i + 1) + ". [" + (s.done() ? "x" : " ") + "] " + s.text());
                }
            }
            todos.ifPresent(p -> {
                String agent = ijoka.sessions().find(p.session()).map(s -> s.agent() + ", ").orElse("");
                // The agent's own list, apart from the steps: what it plans, not what the feature must pass.
                out.println("Agent's todo list (" + agent + "session " + p.session() + "): " + p.line());
                for (AgentTodo i : p.items()) {
                    out.println("  " + switch (i.status()) {
                        case COMPLETED -> "[x] " + i.content();
                        case IN_PROGRESS -> "[>] " + i.doing();
                        case PENDING -> "[ ] " + i.content();
                    });
                }
            });
            if (f.details() != null) {
                out.println("Details");
                f.details().lines().forEach(l -> out.println("  " + l));
            }
            return 0;
        }

        /** How many of the features it waits for the text names; --json lists them all. */
        private static final int WAITS_FOR_SHOWN = 10;

        /**
         * The features it waits for, dependencies first (what must happen first), the first {@link #WAITS_FOR_SHOWN} of
         * them named: deep in a big plan a feature may wait for a thousand, which no one reads on one line.
         */
        private static String waitsFor(List<Feature> waitingFor) {
            String named = waitingFor.stream().limit(WAITS_FOR_SHOWN).map(w -> w.ref() + " (" + w.status().wireName() + ")")
                    .collect(Collectors.joining(", "));
            int more = waitingFor.size() - WAITS_FOR_SHOWN;
            return more <= 0 ? named
                    : String.format(java.util.Locale.ROOT, "%,d features: %s and %,d more (--json lists them all)",
                            waitingFor.size(), named, more);
        }

        private static List<Map<String, Object>> edges(List<Dependency> ds, Function<Dependency, FeatureId> other,
                Map<FeatureId, Feature> byId) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Dependency d : ds) {
                Feature g = byId.get(other.apply(d));
                if (g != null) {
                    out.add(JsonViews.edge(g, d.kind()));
                }
            }
            return out;
        }

        private static String refs(List<Dependency> ds, Function<Dependency, FeatureId> other, Map<FeatureId, Feature> byId) {
            if (ds.isEmpty()) {
                return "-";
            }
            return ds.stream()
                    .map(d -> byId.get(other.apply(d)))
                    .filter(g -> g != null)
                    .map(g -> g.ref() + " (" + g.status().wireName() + ")")
                    .collect(Collectors.joining(", "))
                    + (ds.stream().anyMatch(d -> d.kind() == DependencyKind.RELATED) ? "  [some related only]" : "");
        }
    }

    @Command(name = "update",
            description = "Change a feature's fields (not its status: use start, complete, block, unblock, reopen).",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka feature update '#3' --priority 5", "  ijoka feature update '#3' --step \"Open /login\" --step \"Submit\"",
                "  ijoka feature update '#3' --description \"User can log in with email\" --expected-version 4"})
    static final class Update implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FEATURE", description = "#12, 12 or a feature id.")
        String feature;

        @Option(names = "--description", description = "New description.")
        @Nullable String description;

        @Option(names = {"-d", "--details"}, description = "New details (Markdown).")
        @Nullable String details;

        @Option(names = {"-c", "--category"}, converter = Converters.CategoryConverter.class, description = "New category.")
        @Nullable Category category;

        @Option(names = {"-k", "--kind"}, converter = Converters.KindConverter.class, description = "New kind.")
        @Nullable Kind kind;

        @Option(names = "--priority", description = "New priority (higher goes first).")
        @Nullable Integer priority;

        @Option(names = {"-s", "--step"}, paramLabel = "TEXT", description = "Replace the steps with these, unchecked; repeat for "
                + "several.")
        @Nullable List<String> steps;

        @Option(names = "--parent", paramLabel = "FEATURE", description = "New parent feature.")
        @Nullable String parent;

        @Option(names = "--expected-version", paramLabel = "N", description = "Refuse (exit 8) unless the feature is still at "
                + "this version (see 'feature show'): no lost update when several people edit.")
        @Nullable Long expectedVersion;

        @Spec
        private CommandSpec spec;

        private final CommandContext ctx;

        @Inject
        Update(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            FeatureUpdate update = Converters.input(() -> {
                FeatureUpdate u = FeatureUpdate.none();
                if (description != null) {
                    u = u.description(description);
                }
                if (details != null) {
                    u = u.details(details);
                }
                if (category != null) {
                    u = u.category(category);
                }
                if (kind != null) {
                    u = u.kind(kind);
                }
                if (priority != null) {
                    u = u.priority(priority);
                }
                if (steps != null) {
                    u = u.steps(steps.stream().map(Step::todo).toList());
                }
                return u;
            });
            if (parent != null) {
                update = update.parent(ctx.engine().features().get(ctx.ref(parent)).id());
            }
            if (update.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "say what to change: --description, --details, --category, "
                        + "--kind, --priority, --step or --parent");
            }
            Feature f = ctx.engine().features().update(ctx.ref(feature), update, null, expectedVersion);
            if (ctx.json()) {
                ctx.printJson(ctx.featureJson(f));
            } else {
                ctx.out().println("Updated " + f.ref() + "  " + Text.clip(f.description(), ctx.width() - 20) + "  (version "
                        + f.version() + ")");
            }
            return 0;
        }
    }

    @Command(name = "start", description = "pending → in_progress. Refused while a 'blocks' dependency is incomplete (exit 6) or "
            + "a rule such as a WIP limit says no (exit 10).",
            footerHeading = "%nExamples:%n", footer = {"  ijoka feature start '#3'", "  ijoka feature start \"$(ijoka next --json | jq -r .ref)\""})
    static final class Start implements Callable<Integer> {

        @Mixin
        FeatureTarget target;

        private final CommandContext ctx;

        @Inject
        Start(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return report(ctx, "Started", ctx.engine().features().apply(
                    new FeatureCommand.Start(ctx.ref(target.feature), null, target.expectedVersion)));
        }
    }

    @Command(name = "complete", description = "in_progress → complete. A rule may require every step checked first (exit 10).",
            footerHeading = "%nExamples:%n", footer = {"  ijoka feature complete '#3'"})
    static final class Complete implements Callable<Integer> {

        @Mixin
        FeatureTarget target;

        private final CommandContext ctx;

        @Inject
        Complete(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            FeatureRef ref = ctx.ref(target.feature);
            List<Feature> unlocked = ctx.engine().plan().unlockedBy(ref);
            Transition t = ctx.engine().features().apply(new FeatureCommand.Complete(ref, null, target.expectedVersion));
            report(ctx, "Completed", t);
            if (!ctx.json() && !unlocked.isEmpty()) {
                ctx.out().println("Now ready: " + unlocked.stream().map(Feature::ref).collect(Collectors.joining(", ")));
            }
            return 0;
        }
    }

    @Command(name = "block", description = "pending or in_progress → blocked, with a reason; --by also records the blocking "
            + "feature as a dependency.",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka feature block '#5' --reason \"waiting for the API keys\"",
                "  ijoka feature block '#5' --reason \"needs the schema\" --by '#2'"})
    static final class Block implements Callable<Integer> {

        @Mixin
        FeatureTarget target;

        @Option(names = {"-r", "--reason"}, required = true, description = "What it waits for.")
        String reason;

        @Option(names = "--by", paramLabel = "FEATURE", description = "The feature that blocks it (added as a dependency).")
        @Nullable String by;

        private final CommandContext ctx;

        @Inject
        Block(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return report(ctx, "Blocked", ctx.engine().features().apply(new FeatureCommand.Block(ctx.ref(target.feature), null, reason,
                    by == null ? null : ctx.ref(by), target.expectedVersion)));
        }
    }

    @Command(name = "unblock", description = "blocked → pending; clears the reason.",
            footerHeading = "%nExamples:%n", footer = {"  ijoka feature unblock '#5'"})
    static final class Unblock implements Callable<Integer> {

        @Mixin
        FeatureTarget target;

        private final CommandContext ctx;

        @Inject
        Unblock(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return report(ctx, "Unblocked", ctx.engine().features().apply(
                    new FeatureCommand.Unblock(ctx.ref(target.feature), null, target.expectedVersion)));
        }
    }

    @Command(name = "reopen", description = "complete → pending, with a reason (what turned out to be wrong).",
            footerHeading = "%nExamples:%n", footer = {"  ijoka feature reopen '#3' --reason \"fails on Safari\""})
    static final class Reopen implements Callable<Integer> {

        @Mixin
        FeatureTarget target;

        @Option(names = {"-r", "--reason"}, required = true, description = "What is wrong.")
        String reason;

        private final CommandContext ctx;

        @Inject
        Reopen(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return report(ctx, "Reopened", ctx.engine().features().apply(
                    new FeatureCommand.Reopen(ctx.ref(target.feature), null, reason, target.expectedVersion)));
        }
    }
}
