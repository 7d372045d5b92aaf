package dev.ijoka.app.cli;

import dev.ijoka.domain.Project;
import dev.ijoka.interchange.Exporter;
import dev.ijoka.interchange.Format;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ijoka export}. */
@Command(name = "export",
        description = {"Writes the project's plan to stdout, or to a file with --output: as Anthropic's feature_list.json, "
                + "Task Master's tasks.json, beads JSONL (all three import again with no change), Ijoka's full JSON, CSV or "
                + "Markdown.",
            "Without --format, the format is told from the --output file's name (feature_list.json, tasks.json, *.jsonl, "
                + "*.csv, *.md, other *.json), else json."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka export --format markdown > PLAN.md", "  ijoka export --output feature_list.json",
            "  ijoka export --format csv --output features.csv", "  ijoka export --format task-master --tag master"})
final class ExportCommand implements Callable<Integer> {

    @Option(names = {"-f", "--format"}, converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            description = "feature-list, task-master, beads, json, csv or markdown.")
    @Nullable Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file (replaced whole) instead of stdout.")
    @Nullable Path output;

    @Option(names = "--tag", defaultValue = Exporter.DEFAULT_TAG,
            description = "The tag of a Task Master export (default ${DEFAULT-VALUE}).")
    String tag;

    private final CommandContext ctx;

    @Inject
    ExportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Project project = ctx.project(false);
        Format chosen = format != null ? format : output != null ? fromName(output.getFileName().toString()) : Format.JSON;
        Exporter exporter = new Exporter(ctx.engine());
        if (output == null) {
            exporter.export(project.id(), chosen, new NonClosing(ctx.out()), tag);
            ctx.out().flush();
            return 0;
        }
        Path target = ctx.env().workingDirectory().resolve(output);
        try {
            // Write beside the target and move it in place: a failed export never leaves half a file.
            Path parent = target.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(parent, ".ijoka-export-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    exporter.export(project.id(), chosen, out, tag);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        int count = ctx.engine().plan().progress(project.id()).total();
        if (ctx.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", output.toString());
            out.put("format", chosen.cliName());
            out.put("features", count);
            ctx.printJson(out);
        } else {
            ctx.out().println("Exported " + count + " features of " + project.name() + " to " + output + " (" + chosen.cliName() + ")");
        }
        return 0;
    }

    static Format fromName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.equals("feature_list.json") || n.endsWith("feature_list.json")) {
            return Format.FEATURE_LIST;
        }
        if (n.equals("tasks.json")) {
            return Format.TASK_MASTER;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Format.BEADS;
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".md") || n.endsWith(".markdown")) {
            return Format.MARKDOWN;
        }
        return Format.JSON;
    }

    /** The exporter closes nothing, but keep stdout open whatever happens. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
