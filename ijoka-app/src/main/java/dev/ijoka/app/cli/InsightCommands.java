package dev.ijoka.app.cli;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ijoka insight add|list}: learnings worth passing on to the next agent session. */
@Command(name = "insight",
        description = "Insights: learnings worth passing on (solutions, anti-patterns, best practices, tool usage). "
                + "New agent sessions are offered the most useful ones.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {InsightCommands.Add.class, InsightCommands.ListCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka insight add \"Run the e2e tests with --workers=1: they share a database\" --kind tool_usage --tag tests",
            "  ijoka insight list --search database"})
final class InsightCommands implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an insight command: add or list (ijoka insight --help)");
    }

    @Command(name = "add", description = "Records an insight.")
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "TEXT", description = "The learning, in a sentence or two.")
        String text;

        @Option(names = {"-k", "--kind"}, defaultValue = "best_practice", converter = Converters.InsightKindConverter.class,
                description = "solution, anti_pattern, best_practice (default) or tool_usage.")
        InsightKind kind;

        @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "A tag to find it by; repeat for several.")
        List<String> tags = new ArrayList<>();

        @Option(names = {"-f", "--feature"}, paramLabel = "FEATURE", description = "The feature it is about.")
        @Nullable String feature;

        private final CommandContext ctx;

        @Inject
        Add(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            NewInsight spec = Converters.input(() -> new NewInsight(text, kind, tags, null));
            Project project = ctx.project(true);
            if (feature != null) {
                spec = spec.about(ctx.engine().features().get(ctx.ref(feature)).id());
            }
            Insight i = ctx.engine().insights().record(project.id(), spec, null);
            if (ctx.json()) {
                ctx.printJson(JsonViews.insight(i, JsonViews.Context.of(ctx.engine())));
            } else {
                ctx.out().println("Recorded " + i.kind().wireName() + " insight" + (i.tags().isEmpty() ? "" : " " + i.tags()));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Insights, newest first; --search and --tag narrow them down.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = {"-s", "--search"}, paramLabel = "WORDS", description = "Only insights containing every word.")
        @Nullable String search;

        @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Only insights with this tag.")
        @Nullable String tag;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N (default ${DEFAULT-VALUE}).")
        int limit;

        private final CommandContext ctx;

        @Inject
        ListCommand(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Project project = ctx.project(false);
            List<Insight> found = ctx.engine().insights().search(project.id(), search, tag, Math.max(1, limit));
            if (ctx.json()) {
                JsonViews.Context context = JsonViews.Context.of(ctx.engine());
                ctx.printJson(found.stream().map(i -> JsonViews.insight(i, context)).toList());
                return 0;
            }
            if (found.isEmpty()) {
                ctx.out().println(search == null && tag == null ? "No insights yet. Record one: ijoka insight add \"...\""
                        : "No insight matches.");
                return 0;
            }
            for (Insight i : found) {
                ctx.out().println("- [" + i.kind().wireName() + "] " + i.text().replaceAll("\\s+", " ")
                        + (i.tags().isEmpty() ? "" : "  #" + String.join(" #", i.tags())));
            }
            return 0;
        }
    }
}
