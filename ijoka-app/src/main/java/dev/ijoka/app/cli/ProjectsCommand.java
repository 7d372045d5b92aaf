package dev.ijoka.app.cli;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ijoka projects}: every project in the store. */
@Command(name = "projects",
        description = "The projects in the store, with their progress. A project is a code base: the main worktree of a "
                + "git repository, or a directory.",
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka projects", "  ijoka status --project shop      (a name or id from this list)"})
final class ProjectsCommand implements Callable<Integer> {

    private final CommandContext ctx;

    @Inject
    ProjectsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Ijoka ijoka = ctx.engine();
        List<Project> projects = ijoka.projects().list();
        if (ctx.json()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Project p : projects) {
                Map<String, Object> m = JsonViews.project(p);
                m.put("progress", JsonViews.progress(ijoka.plan().progress(p.id())));
                out.add(m);
            }
            ctx.printJson(out);
            return 0;
        }
        if (projects.isEmpty()) {
            ctx.out().println("No projects yet. In a project's directory, run: ijoka import feature_list.json  "
                    + "(or ijoka feature add \"...\")");
            return 0;
        }
        Text.Table t = new Text.Table("NAME", "FEATURES", "DONE", "ID", "ROOT");
        for (Project p : projects) {
            Progress pr = ijoka.plan().progress(p.id());
            t.row(p.name(), pr.total(), pr.percentComplete() + "%", p.id().value(), p.root());
        }
        t.render(Integer.MAX_VALUE / 2).forEach(ctx.out()::println);
        return 0;
    }
}
