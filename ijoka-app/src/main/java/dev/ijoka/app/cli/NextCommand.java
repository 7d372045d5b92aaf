package dev.ijoka.app.cli;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Step;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ijoka next}: the first ready feature. */
@Command(name = "next",
        description = {"The feature to work on next: the highest-priority pending feature whose 'blocks' dependencies "
                + "are all complete (ties go to the lower number).",
            "With --json it prints the feature, or null when nothing is ready."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka next", "  ijoka feature start \"$(ijoka next --json | jq -r .ref)\""})
final class NextCommand implements Callable<Integer> {

    private final CommandContext ctx;

    @Inject
    NextCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Project project = ctx.project(false);
        Ijoka ijoka = ctx.engine();
        Optional<Feature> next = ijoka.plan().next(project.id(), null);
        if (ctx.json()) {
            ctx.printJson(next.map(ctx::featureJson).orElse(null));
            return 0;
        }
        PrintStream out = ctx.out();
        if (next.isEmpty()) {
            var p = ijoka.plan().progress(project.id());
            if (p.total() == 0) {
                out.println("No features yet. Add one with: ijoka feature add \"User can log in\"  (or: ijoka import feature_list.json)");
            } else if (p.complete() == p.total()) {
                out.println("Nothing left: all " + p.total() + " features are complete.");
            } else {
                out.println("Nothing is ready: " + p.inProgress() + " in progress, " + p.blocked() + " blocked, " + p.pending()
                        + " pending on dependencies. 'ijoka status' shows what they wait for.");
            }
            return 0;
        }
        Feature f = next.get();
        out.println("Next: " + f.ref() + "  " + f.description());
        out.println("  " + f.category().wireName() + " · " + f.kind().wireName() + " · priority " + f.priority());
        if (f.details() != null) {
            List<String> lines = f.details().lines().filter(l -> !l.isBlank()).limit(3).toList();
            lines.forEach(l -> out.println("  " + Text.clip(l, ctx.width() - 2)));
        }
        if (!f.steps().isEmpty()) {
            out.println("  Steps:");
            for (int i = 0; i < f.steps().size(); i++) {
                Step s = f.steps().get(i);
                out.println("    " + (i + 1) + ". [" + (s.done() ? "x" : " ") + "] " + s.text());
            }
        }
        out.println();
        out.println("Start it: ijoka feature start '" + f.ref() + "'");
        return 0;
    }
}
