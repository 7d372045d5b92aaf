package dev.ijoka.app.cli;

import dev.ijoka.domain.Project;
import dev.ijoka.interchange.Format;
import dev.ijoka.interchange.ImportOptions;
import dev.ijoka.interchange.ImportProgress;
import dev.ijoka.interchange.ImportResult;
import dev.ijoka.interchange.Importer;
import dev.ijoka.interchange.JsonViews;
import dev.ijoka.interchange.Problem;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ijoka import FILE}. */
@Command(name = "import",
        description = {"Imports a plan into the project (registered if new): Anthropic's feature_list.json, Task Master's "
                + "tasks.json, beads' issues.jsonl, or an Ijoka JSON export. The format is told from the file unless "
                + "--format names it.",
            "The whole file is checked first: if anything is wrong (malformed JSON, a wrong-typed field, a dependency on an "
                + "unknown id, a dependency cycle) every problem is listed with its line and nothing is imported (exit 4).",
            "Importing the same file again changes nothing: an entry whose description matches an existing feature is that "
                + "feature, and is left as it is; only new entries and missing dependencies are added."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka import feature_list.json", "  ijoka import .taskmaster/tasks/tasks.json --tag master",
            "  ijoka import .beads/issues.jsonl --dry-run", "  ijoka import backup.json --format json"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = {"-f", "--format"}, converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            description = "feature-list, task-master, beads or json (default: told from the file).")
    @Nullable Format format;

    @Option(names = "--tag", description = "For a tagged Task Master file: the tag to import (default master).")
    @Nullable String tag;

    @Option(names = {"-n", "--dry-run"}, description = "Check the file and say what would change, changing nothing.")
    boolean dryRun;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "64M",
            description = "Refuse larger files (default ${DEFAULT-VALUE}; K, M and G suffixes).")
    String maxSize;

    private final CommandContext ctx;

    @Inject
    ImportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ImportOptions options = Converters.input(() -> {
            if (format != null && !format.canImport()) {
                throw new IllegalArgumentException(format.cliName() + " can be exported but not imported: use feature-list, "
                        + "task-master, beads or json");
            }
            return new ImportOptions(format, tag, dryRun, bytes(maxSize));
        });
        Path path = ctx.env().workingDirectory().resolve(file);
        Importer importer = new Importer(ctx.engine());
        ProgressBar bar = ctx.env().terminal() && !ctx.json() ? new ProgressBar(ctx.err()) : null;
        ImportProgress progress = bar == null ? ImportProgress.NONE : bar;
        Project[] project = {null};
        ImportResult r;
        try {
            if (ctx.projectExists()) {
                project[0] = ctx.project(false);
                r = importer.importFile(project[0].id(), path, options, progress);
            } else {
                // The project is registered only once the file has passed every check: a refused import changes nothing.
                r = importer.importIntoNewProject(() -> {
                    project[0] = ctx.project(true);
                    return project[0].id();
                }, path, options, progress);
            }
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        String projectName = project[0] != null ? project[0].name()
                : ctx.engine().projects().canonicalRoot(ctx.env().workingDirectory()).getFileName() + " (a new project)";
        if (ctx.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("format", r.format().cliName());
            out.put("project", project[0] == null ? null : JsonViews.project(project[0]));
            out.put("dryRun", r.dryRun());
            out.put("read", r.read());
            out.put("created", r.created());
            out.put("matched", r.matched());
            out.put("dependenciesAdded", r.dependenciesAdded());
            out.put("dependenciesUnchanged", r.dependenciesUnchanged());
            out.put("warnings", r.warnings().stream().map(Problem::toString).toList());
            JsonViews.Context context = JsonViews.Context.of(ctx.engine());
            out.put("features", r.createdFeatures().stream().map(f -> JsonViews.feature(f, context)).toList());
            ctx.printJson(out);
            return 0;
        }
        String what = r.dryRun() ? "Would import " : "Imported ";
        ctx.out().println(what + file + " (" + r.format().cliName() + ") into " + projectName + ": " + r.created()
                + " feature" + (r.created() == 1 ? "" : "s") + (r.dryRun() ? " to create" : " created") + ", " + r.matched()
                + " already there; " + r.dependenciesAdded() + " dependenc" + (r.dependenciesAdded() == 1 ? "y" : "ies")
                + (r.dryRun() ? " to add" : " added") + (r.dependenciesUnchanged() > 0 ? ", " + r.dependenciesUnchanged()
                        + " already there" : "") + ".");
        r.warnings().forEach(w -> ctx.warn(w.toString()));
        if (!r.dryRun() && r.unchanged()) {
            ctx.out().println("Nothing changed: the project already has everything in the file.");
        } else if (!r.dryRun()) {
            ctx.out().println("Next: ijoka status, or ijoka next");
        }
        return 0;
    }

    /** {@code 64M}, {@code 512K}, {@code 1G} or a number of bytes. */
    static long bytes(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("K")) {
            unit = 1024;
        } else if (t.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (t.endsWith("G")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t.strip());
            if (n < 1) {
                throw new IllegalArgumentException("--max-size must be positive, got " + text);
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--max-size must be a size such as 64M, 512K or 1G, got '" + text + "'");
        }
    }
}
