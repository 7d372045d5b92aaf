package dev.ijoka.interchange;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.interchange.internal.BeadsFormat;
import dev.ijoka.interchange.internal.ExportData;
import dev.ijoka.interchange.internal.FeatureListFormat;
import dev.ijoka.interchange.internal.IjokaJsonFormat;
import dev.ijoka.interchange.internal.JsonOut;
import dev.ijoka.interchange.internal.MarkdownFormat;
import dev.ijoka.interchange.internal.TaskMasterFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a project's plan in any {@link Format}: the three it imports (an export imported again
 * changes nothing), Ijoka's full JSON, CSV and Markdown. Output is UTF-8.
 *
 * <pre>{@code
 * new Exporter(ijoka).export(project.id(), Format.MARKDOWN, System.out);
 * }</pre>
 */
public final class Exporter {

    /** The tag a Task Master export is written under unless told otherwise. */
    public static final String DEFAULT_TAG = "master";

    /** Insights beyond this many (the newest are kept) are left out of a JSON export. */
    private static final int MAX_INSIGHTS = 100_000;

    private final Ijoka ijoka;
    private final InstantSource clock;

    /** Stamps exports with the engine's clock ({@link Ijoka#clock()}). */
    public Exporter(Ijoka ijoka) {
        this(ijoka, ijoka.clock());
    }

    /** With a clock for the export's own timestamp, so tests can compare whole files. */
    public Exporter(Ijoka ijoka, InstantSource clock) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void export(ProjectId project, Format format, OutputStream out) {
        export(project, format, out, DEFAULT_TAG);
    }

    /**
     * @param tag the tag of a Task Master export
     * @throws UncheckedIOException if the stream cannot be written
     */
    public void export(ProjectId project, Format format, OutputStream out, String tag) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        ExportData data = read(project);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            switch (format) {
                case FEATURE_LIST -> JsonOut.pretty(FeatureListFormat.write(data.features()), writer);
                case TASK_MASTER -> JsonOut.pretty(TaskMasterFormat.write(data, tag), writer);
                case BEADS -> {
                    for (Map<String, Object> line : BeadsFormat.write(data)) {
                        JsonOut.compact(line, writer);
                        writer.write('\n');
                    }
                }
                case JSON -> JsonOut.pretty(IjokaJsonFormat.write(data), writer);
                case CSV -> FeatureCsv.write(data.features(), data.features(), data.dependencies(), data.agents(), writer);
                case MARKDOWN -> MarkdownFormat.write(data, writer);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
        }
    }

    private Map<String, String> agents(ProjectId project) {
        Map<String, String> agents = new java.util.HashMap<>();
        ijoka.sessions().list(project).forEach(s -> agents.put(s.id().value(), s.agent()));
        return agents;
    }

    private ExportData read(ProjectId project) {
        Project p = ijoka.projects().get(project);
        return new ExportData(p, ijoka.features().list(project), ijoka.dependencies().list(project),
                ijoka.insights().search(project, null, null, MAX_INSIGHTS), ijoka.rules().list(project),
                ijoka.plan().progress(project), agents(project), clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
