package dev.ijoka.interchange;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Features as CSV, one row each, for spreadsheets: what {@code ijoka export --format csv} writes and
 * the dashboard's Table downloads. RFC 4180 (a header, cells quoted where needed, CRLF line ends),
 * written by Jackson's CSV module. Dependencies and the parent are {@code #n} refs, several
 * separated by spaces.
 *
 * <p>Formula-safe: feature text comes from agents and imported files, not from the person who opens
 * the file, so a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return (which a spreadsheet would run as a formula) is written with a leading {@code '}
 * (OWASP's advice). That includes text that looks like a negative number ({@code "-5"} as a
 * description becomes {@code '-5}); number columns ({@code number}, {@code priority}, the step
 * counts) are written as numbers and a negative priority stays {@code -1}. Every other text reads
 * back exactly as written.
 */
public final class FeatureCsv {

    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("number", "id", "description", "status", "priority", "category",
            "kind", "steps_done", "steps_total", "depends_on", "related_to", "parent", "block_reason", "claimed_by",
            "claimed_by_agent", "created_at", "updated_at", "completed_at");

    private static final CsvMapper MAPPER = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = schema();

    private FeatureCsv() {}

    /**
     * Writes {@code rows} in their order.
     *
     * @param project every feature of the project, to name dependencies and parents by {@code #n}
     * @param dependencies the project's dependencies
     * @param agents agent names by session id, for {@code claimed_by_agent} (left empty when unknown)
     * @throws UncheckedIOException if {@code out} cannot be written
     */
    public static void write(List<Feature> rows, Collection<Feature> project, Collection<Dependency> dependencies,
            Map<String, String> agents, Writer out) {
        Map<FeatureId, Feature> byId = new HashMap<>();
        project.forEach(f -> byId.put(f.id(), f));
        Map<FeatureId, List<Dependency>> deps = new HashMap<>();
        for (Dependency d : dependencies) {
            deps.computeIfAbsent(d.dependent(), k -> new ArrayList<>()).add(d);
        }
        try (SequenceWriter csv = MAPPER.writer(SCHEMA).writeValues(new KeepOpen(out))) {
            for (Feature f : rows) {
                csv.write(row(f, byId, deps.getOrDefault(f.id(), List.of()), agents));
            }
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(Feature f, Map<FeatureId, Feature> byId, List<Dependency> deps,
            Map<String, String> agents) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", f.number());
        row.put("id", text(f.id().value()));
        row.put("description", text(f.description()));
        row.put("status", f.status().wireName());
        row.put("priority", f.priority());
        row.put("category", f.category().wireName());
        row.put("kind", f.kind().wireName());
        row.put("steps_done", f.stepsDone());
        row.put("steps_total", f.steps().size());
        row.put("depends_on", refs(deps, DependencyKind.BLOCKS, byId));
        row.put("related_to", refs(deps, DependencyKind.RELATED, byId));
        Feature parent = f.parent() == null ? null : byId.get(f.parent());
        row.put("parent", parent == null ? "" : parent.ref());
        row.put("block_reason", text(f.blockReason()));
        String session = f.claim() == null ? null : f.claim().session().value();
        row.put("claimed_by", text(session));
        row.put("claimed_by_agent", text(session == null ? null : agents.get(session)));
        row.put("created_at", f.createdAt().toString());
        row.put("updated_at", f.updatedAt().toString());
        row.put("completed_at", f.completedAt() == null ? "" : f.completedAt().toString());
        return row;
    }

    /**
     * Text as a spreadsheet should show it: with a leading {@code '} when its first character would
     * start a formula ({@code = + - @}, tab, carriage return); empty for none.
     */
    public static String text(@org.jspecify.annotations.Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String refs(List<Dependency> deps, DependencyKind kind, Map<FeatureId, Feature> byId) {
        return deps.stream()
                .filter(d -> d.kind() == kind && byId.containsKey(d.dependency()))
                .map(d -> byId.get(d.dependency()))
                .sorted(Comparator.comparingInt(Feature::number))
                .map(Feature::ref)
                .collect(Collectors.joining(" "));
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(b::addColumn);
        return b.build().withHeader().withLineSeparator("\r\n");
    }

    /** Jackson closes what it writes to; the caller owns {@code out}. */
    private static final class KeepOpen extends java.io.FilterWriter {
        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
