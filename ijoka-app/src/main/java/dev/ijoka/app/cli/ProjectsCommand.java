package dev.ijoka.app.cli;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectIdentity;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ijoka projects}: every project in the store; {@code ijoka projects link}: a checkout to a project. */
@Command(name = "projects",
        description = "The projects in the store, with their progress and identity. A project is a code base: the main "
                + "worktree of a git repository, or a directory. Its identity is its origin remote's URL, normalized "
                + "(github.com/acme/shop), so that clones at other paths or on other machines sharing the store open "
                + "the same project; without an origin it is the path.",
        subcommands = ProjectsCommand.Link.class,
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka projects", "  ijoka projects --json",
            "  ijoka status --project shop      (a name or id from this list)",
            "  ijoka projects link shop         (this checkout opens project shop from now on)"})
final class ProjectsCommand implements Callable<Integer> {

    /** What {@code projects} shows for an identity not known yet. */
    static final String UNKNOWN = "unknown";

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
                out.add(json(ijoka, p));
            }
            ctx.printJson(out);
            return 0;
        }
        if (projects.isEmpty()) {
            ctx.out().println("No projects yet. In a project's directory, run: ijoka import feature_list.json  "
                    + "(or ijoka feature add \"...\")");
            return 0;
        }
        Text.Table t = new Text.Table("NAME", "FEATURES", "DONE", "ID", "IDENTITY", "ROOT");
        for (Project p : projects) {
            Progress pr = ijoka.plan().progress(p.id());
            t.row(p.name(), pr.total(), pr.percentComplete() + "%", p.id().value(), identity(ijoka, p), p.root());
        }
        t.render(Integer.MAX_VALUE / 2).forEach(ctx.out()::println);
        return 0;
    }

    /** The project's one JSON view, with its identity ({@code null} while unknown), its paths and its progress. */
    static Map<String, Object> json(Ijoka ijoka, Project p) {
        Map<String, Object> m = JsonViews.project(p);
        m.put("identity", ijoka.projects().identity(p.id()).map(ProjectIdentity::value).orElse(null));
        m.put("paths", ijoka.projects().paths(p.id()));
        m.put("progress", JsonViews.progress(ijoka.plan().progress(p.id())));
        return m;
    }

    private static String identity(Ijoka ijoka, Project p) {
        return ijoka.projects().identity(p.id()).map(ProjectIdentity::value).orElse(UNKNOWN);
    }

    @Command(name = "link",
            description = "Links a git checkout to an existing project by hand: from then on the checkout opens that "
                    + "project. For a clone that does not find its project by itself: no origin remote, its remote under "
                    + "another name, or a project registered at another path before identities existed.",
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka projects link shop", "  ijoka projects link 0195…e504 --path ~/code/shop"})
    static final class Link implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "PROJECT", description = "The project: its id or name, as 'ijoka projects' lists them.")
        String project;

        @Option(names = "--path", paramLabel = "DIR",
                description = "A directory of the checkout to link (default: the working directory).")
        @Nullable Path path;

        private final CommandContext ctx;

        @Inject
        Link(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Ijoka ijoka = ctx.engine();
            Project target = ctx.projectByIdOrName(project);
            Path dir = path == null ? ctx.env().workingDirectory() : ctx.env().workingDirectory().resolve(path);
            Project linked = ijoka.projects().link(target.id(), dir);
            if (ctx.json()) {
                ctx.printJson(json(ijoka, linked));
            } else {
                ctx.out().println("Linked " + ijoka.projects().canonicalRoot(dir) + " to project " + linked.name()
                        + " (" + linked.id() + "), identity " + identity(ijoka, linked));
            }
            return 0;
        }
    }
}
