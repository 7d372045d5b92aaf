package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * One row per feature, by number, with a header: for spreadsheets. Dependencies and the parent are
 * written as {@code #n}, several separated by spaces; the steps as "done/total".
 */
public final class CsvFormat {

    static final List<String> COLUMNS = List.of("number", "id", "description", "status", "priority", "category", "kind",
            "steps_done", "steps_total", "depends_on", "related_to", "parent", "block_reason", "claimed_by", "created_at",
            "updated_at", "completed_at");

    private CsvFormat() {}

    public static void write(ExportData data, Writer out) {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        Map<FeatureId, Feature> byId = data.byId();
        Map<FeatureId, List<Dependency>> deps = data.dependenciesByDependent();
        try (SequenceWriter rows = CsvMapper.builder().build().writer(schema.build().withHeader()).writeValues(JsonOut.nonClosing(out))) {
            for (Feature f : data.features()) {
                List<Dependency> ds = deps.getOrDefault(f.id(), List.of());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("number", f.number());
                row.put("id", f.id().value());
                row.put("description", f.description());
                row.put("status", f.status().wireName());
                row.put("priority", f.priority());
                row.put("category", f.category().wireName());
                row.put("kind", f.kind().wireName());
                row.put("steps_done", f.stepsDone());
                row.put("steps_total", f.steps().size());
                row.put("depends_on", refs(ds, DependencyKind.BLOCKS, byId));
                row.put("related_to", refs(ds, DependencyKind.RELATED, byId));
                row.put("parent", f.parent() != null && byId.containsKey(f.parent()) ? byId.get(f.parent()).ref() : "");
                row.put("block_reason", f.blockReason() == null ? "" : f.blockReason());
                row.put("claimed_by", f.claim() == null ? "" : f.claim().session().value());
                row.put("created_at", f.createdAt().toString());
                row.put("updated_at", f.updatedAt().toString());
                row.put("completed_at", f.completedAt() == null ? "" : f.completedAt().toString());
                rows.write(row);
            }
        }
    }

    private static String refs(List<Dependency> ds, DependencyKind kind, Map<FeatureId, Feature> byId) {
        return ds.stream()
                .filter(d -> d.kind() == kind && byId.containsKey(d.dependency()))
                .map(d -> byId.get(d.dependency()).ref())
                .collect(Collectors.joining(" "));
    }
}
