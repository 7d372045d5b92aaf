package dev.ijoka.app.cli;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ijoka status}: the project at a glance. */
@Command(name = "status",
        description = "Where the project stands: progress, the features in progress and who holds them, "
                + "what is ready next, and what is blocked and why.",
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka status", "  ijoka status --json | jq .progress.percentComplete", "  ijoka status --project ~/src/shop"})
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "List at most N features in progress, N ready and N blocked (default: ${DEFAULT-VALUE}); "
                    + "the counts are always whole.")
    int limit;

    private final CommandContext ctx;

    @Inject
    StatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    private static void more(PrintStream out, int hidden, String status) {
        if (hidden > 0) {
            out.println("  ... and " + hidden + " more (ijoka feature list --status " + status + ")");
        }
    }

    @Override
    public Integer call() {
        Project project = ctx.project(false);
        Ijoka ijoka = ctx.engine();
        // Store-side queries: a one-shot process never loads the whole plan for this.
        Progress progress = ijoka.plan().progress(project.id());
        int ready = ijoka.plan().readyCount(project.id());
        int max = Math.max(0, limit);
        List<Feature> firstReady = ijoka.plan().ready(project.id(), Math.max(1, max)); // the first, even with --limit 0
        // Only the features shown are read; the counts come from progress.
        List<Feature> inProgress = ijoka.features().list(project.id(), Status.IN_PROGRESS, max);
        List<Feature> blocked = ijoka.features().list(project.id(), Status.BLOCKED, max);
        int waiting = progress.pending() - ready;
        List<Feature> next = firstReady.subList(0, Math.min(max, firstReady.size()));
        Map<String, String> agents = new LinkedHashMap<>();
        for (Feature f : inProgress) {
            if (f.claim() != null) {
                agents.computeIfAbsent(f.claim().session().value(), s -> ijoka.sessions().find(f.claim().session())
                        .map(Session::agent).orElse("unknown agent"));
            }
        }
        JsonViews.Context context = JsonViews.Context.of(ijoka);
        if (ctx.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("project", JsonViews.project(project));
            out.put("progress", JsonViews.progress(progress));
            out.put("inProgress", inProgress.stream().map(f -> JsonViews.summary(f, context)).toList());
            out.put("next", next.stream().map(f -> JsonViews.summary(f, context)).toList());
            out.put("ready", ready);
            out.put("blocked", blocked.stream().map(f -> JsonViews.summary(f, context)).toList());
            out.put("waiting", waiting);
            ctx.printJson(out);
            return 0;
        }
        PrintStream out = ctx.out();
        int width = ctx.width();
        out.println(project.name() + "  (" + project.root() + ")");
        if (progress.total() == 0) {
            out.println("No features yet. Add one with: ijoka feature add \"User can log in\"  (or: ijoka import feature_list.json)");
            return 0;
        }
        out.println(Text.progress(progress));
        Instant now = context.now();
        if (!inProgress.isEmpty()) {
            out.println();
            out.println("In progress");
            Text.Table t = new Text.Table("", "", "");
            for (Feature f : inProgress) {
                Claim c = f.claim();
                String who = c == null ? "no claim"
                        : "session " + Text.clip(c.session().value(), 16) + " (" + agents.get(c.session().value()) + "), lease "
                                + (c.isLive(now) ? "ends " + Text.relative(c.leaseUntil(), now) : "lapsed " + Text.relative(c.leaseUntil(), now));
                t.row("  " + f.ref(), Text.clip(f.description(), 48), who);
            }
            t.renderRows(width).forEach(out::println);
            more(out, progress.inProgress() - inProgress.size(), "in_progress");
        }
        out.println();
        if (ready == 0) {
            out.println("Next up: nothing is ready" + (waiting > 0 ? " (" + waiting + " waiting on dependencies)" : "") + ".");
        } else {
            out.println("Next up");
            Text.Table t = new Text.Table("", "", "");
            for (Feature f : next) {
                t.row("  " + f.ref(), f.priority() != 0 ? "priority " + f.priority() : "", f.description());
            }
            t.renderRows(width).forEach(out::println);
            if (ready > next.size()) {
                out.println("  ... and " + (ready - next.size()) + " more ready (ijoka feature list --ready)");
            }
            if (waiting > 0) {
                out.println("  " + waiting + " more waiting on dependencies");
            }
        }
        if (!blocked.isEmpty()) {
            out.println();
            out.println("Blocked");
            Text.Table t = new Text.Table("", "", "");
            for (Feature f : blocked) {
                t.row("  " + f.ref(), Text.clip(f.description(), 48), f.blockReason());
            }
            t.renderRows(width).forEach(out::println);
            more(out, progress.blocked() - blocked.size(), "blocked");
        }
        if (progress.complete() == progress.total()) {
            out.println();
            out.println("Everything is complete.");
        } else if (!firstReady.isEmpty() && inProgress.isEmpty()) {
            out.println();
            out.println("Start the next one: ijoka feature start '" + firstReady.getFirst().ref() + "'");
        }
        return 0;
    }
}
