package dev.ijoka.interchange;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.interchange.internal.Importing;
import dev.ijoka.interchange.internal.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Imports other tools' plans into a project: Anthropic's {@code feature_list.json}, Task Master's
 * {@code tasks.json}, beads JSONL, and Ijoka's own JSON export.
 *
 * <pre>{@code
 * ImportResult r = new Importer(ijoka).importFile(project.id(), Path.of("feature_list.json"),
 *         ImportOptions.defaults(), ImportProgress.NONE);
 * }</pre>
 *
 * <p>The whole file is read and checked before anything is written: a malformed file, a wrong-typed
 * field, a dependency on an id the file lacks, or a dependency cycle (with the project's existing
 * features too) refuses the import with an {@link ImportException} that lists every problem, and
 * nothing changes. Then everything new is written in one transaction ({@code Features.createAll}).
 *
 * <p>Re-importing changes nothing: a file entry whose description equals an existing feature's
 * (white space collapsed) is that feature, and is left as it is; only new entries are created and
 * only missing dependencies added.
 */
public final class Importer {

    private final Ijoka ijoka;

    public Importer(Ijoka ijoka) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
    }

    /**
     * Imports a file into the project.
     *
     * @throws ImportException listing every problem, if the file cannot be imported; nothing was changed
     * @throws dev.ijoka.api.IjokaException if the store refuses (e.g. the project does not exist)
     */
    public ImportResult importFile(ProjectId project, Path file, ImportOptions options, ImportProgress progress) {
        Report report = new Report();
        String text = read(file, options, progress, report);
        return run(Objects.requireNonNull(project, "project"), null, file.toString(), file.getFileName().toString(), text, report,
                options, progress);
    }

    /**
     * Imports a file into a project that does not exist yet, creating it only once the file has
     * passed every check: a refused import leaves no empty project behind. {@code create} is called
     * at most once, and not at all for a dry run.
     *
     * @throws ImportException listing every problem; {@code create} was not called
     */
    public ImportResult importIntoNewProject(Supplier<ProjectId> create, Path file, ImportOptions options,
            ImportProgress progress) {
        Objects.requireNonNull(create, "create");
        Report report = new Report();
        String text = read(file, options, progress, report);
        return run(null, create, file.toString(), file.getFileName().toString(), text, report, options, progress);
    }

    /**
     * Checks a file on its own, as a dry run into an empty project: everything but what depends on a
     * project's features.
     *
     * @return what importing it into an empty project would do
     * @throws ImportException listing every problem
     */
    public ImportResult check(Path file, ImportOptions options) {
        return importIntoNewProject(() -> {
            throw new IllegalStateException("a dry run creates no project");
        }, file, options.withDryRun(true), ImportProgress.NONE);
    }

    private static String read(Path file, ImportOptions options, ImportProgress progress, Report report) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                throw new ImportException(file, List.of(new Problem("", "the file is " + size + " bytes; imports take at most "
                        + options.maxBytes() + " bytes: split it, or raise the limit")));
            }
            progress.update(ImportProgress.Stage.READING, 0, size);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file, List.of(new Problem("", "there is no such file: check the path")));
        } catch (IOException e) {
            throw new ImportException(file, List.of(new Problem("", "cannot read the file: " + e.getMessage())));
        }
        if (bytes.length > options.maxBytes()) {
            throw new ImportException(file, List.of(new Problem("", "the file is " + bytes.length + " bytes; imports take at most "
                    + options.maxBytes() + " bytes: split it, or raise the limit")));
        }
        String text = Importing.decode(bytes, report);
        progress.update(ImportProgress.Stage.READING, bytes.length, bytes.length);
        return text;
    }

    /**
     * Imports a file's content; {@code name} is used to tell the format (by its extension) and in messages.
     *
     * @throws ImportException listing every problem, if the content cannot be imported; nothing was changed
     */
    public ImportResult importText(ProjectId project, String name, String content, ImportOptions options,
            ImportProgress progress) {
        if (content.length() > options.maxBytes()) {
            throw new ImportException(name, List.of(new Problem("", "the content is " + content.length()
                    + " characters; imports take at most " + options.maxBytes())));
        }
        return run(Objects.requireNonNull(project, "project"), null, name, name, content, new Report(), options, progress);
    }

    /** Parses, checks and plans the import, then writes it: into {@code project}, or into the one {@code create} makes. */
    private ImportResult run(@Nullable ProjectId project, @Nullable Supplier<ProjectId> create, String shownName,
            String fileName, String text, Report report, ImportOptions options, ImportProgress progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Importing.Parsed parsed = report.hasProblems() ? null : Importing.parse(fileName, text, options, report);
        if (parsed == null || report.hasProblems()) {
            throw new ImportException(shownName, report.problems());
        }
        progress.update(ImportProgress.Stage.CHECKING, 0, 1);
        List<Feature> existing = List.of();
        List<Dependency> edges = List.of();
        if (project != null) {
            ijoka.projects().get(project);
            existing = ijoka.features().list(project);
            edges = ijoka.dependencies().list(project);
        }
        Importing.Plan plan = Importing.plan(parsed.items(), existing, edges, report);
        if (plan == null || report.hasProblems()) {
            throw new ImportException(shownName, report.problems());
        }
        progress.update(ImportProgress.Stage.CHECKING, 1, 1);
        int toCreate = plan.batch().entries().size();
        if (options.dryRun()) {
            return new ImportResult(parsed.format(), parsed.items().size(), toCreate, plan.matched(), plan.newEdges(),
                    plan.existingEdges(), report.warnings(), List.of(), true);
        }
        ProjectId target = project != null ? project : Objects.requireNonNull(create).get();
        if (toCreate == 0 && plan.newEdges() == 0) {
            progress.update(ImportProgress.Stage.WRITING, 0, 0);
            return new ImportResult(parsed.format(), parsed.items().size(), 0, plan.matched(), 0, plan.existingEdges(),
                    report.warnings(), List.of(), false);
        }
        FeatureBatch.Result result = ijoka.features().createAll(target, plan.batch(),
                (done, total) -> progress.update(ImportProgress.Stage.WRITING, done, total));
        return new ImportResult(parsed.format(), parsed.items().size(), result.created().size(), plan.matched(),
                result.added().size(), result.unchanged(), report.warnings(), result.created(), false);
    }
}
