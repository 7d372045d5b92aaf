package dev.ijoka.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The one CSV writer: what it writes is read back by a CSV parser, and no cell a spreadsheet would
 * run as a formula survives undefused, whichever column it is in and whoever wrote it.
 */
class FeatureCsvTest {

    /** What a spreadsheet takes for the start of a formula (OWASP's list). */
    private static final List<String> DANGEROUS = List.of("=", "+", "-", "@", "\t", "\r");

    private final Plans plans = new Plans();

    @AfterEach
    void close() {
        plans.close();
    }

    @Test
    void everyCellThatWouldRunAsAFormulaIsDefusedInTheExportAndTheTableDownload() {
        SessionId session = SessionId.of("=cmd|' /C calc'!A0");
        plans.ijoka.sessions().start(plans.project.id(), session, "@agent");
        for (String prefix : DANGEROUS) {
            Feature f = plans.ijoka.features().create(plans.project.id(),
                    NewFeature.of(prefix + "HYPERLINK(\"http://x\")", Category.SECURITY));
            plans.ijoka.features().block(f.id(), null, prefix + "1+1", null);
        }
        Feature claimed = plans.ijoka.features().create(plans.project.id(), NewFeature.of("claimed", Category.SECURITY));
        plans.ijoka.features().start(claimed.id(), session);

        for (String csv : List.of(plans.export(Format.CSV), tableDownload())) {
            List<Map<String, String>> rows = read(csv);
            assertThat(rows).hasSize(DANGEROUS.size() + 1);
            for (Map<String, String> row : rows) {
                row.forEach((column, cell) -> assertThat(cell)
                        .as("column %s of %s", column, row.get("number"))
                        .satisfies(c -> assertThat(c.isEmpty() || DANGEROUS.stream().noneMatch(c::startsWith)).isTrue()));
            }
            for (int i = 0; i < DANGEROUS.size(); i++) {
                // The engine strips a leading tab or CR from text, so those two reach the writer only
                // through other text (the unit check below covers them); the others arrive as written.
                String prefix = DANGEROUS.get(i).isBlank() ? "" : "'" + DANGEROUS.get(i);
                assertThat(rows.get(i).get("description")).isEqualTo(prefix + "HYPERLINK(\"http://x\")");
                assertThat(rows.get(i).get("block_reason")).isEqualTo(prefix + "1+1");
            }
            Map<String, String> last = rows.getLast();
            assertThat(last.get("claimed_by")).isEqualTo("'" + session.value());
            assertThat(last.get("claimed_by_agent")).isEqualTo("'@agent");
        }
    }

    @Test
    void ordinaryTextAndNegativePrioritiesReadBackAsWritten() {
        List<String> texts = List.of("Plain", "with, a comma", "with \"quotes\"", "two\nlines", "5 - 3 = 2", "'quoted already",
"Ünïcødé ✓", "100");
        for (String text : texts) {
            plans.ijoka.features().create(plans.project.id(), NewFeature.of(text, Category.FUNCTIONAL).withPriority(-2));
        }

        for (String csv : List.of(plans.export(Format.CSV), tableDownload())) {
            List<Map<String, String>> rows = read(csv);
            assertThat(rows).extracting(r -> r.get("description")).containsExactlyElementsOf(texts);
            assertThat(rows).extracting(r -> r.get("priority")).containsOnly("-2");
            assertThat(csv).startsWith(String.join(",", FeatureCsv.COLUMNS) + "\r\n");
        }
    }

    @Test
    void aTextCellIsDefusedExactlyWhenItsFirstCharacterStartsAFormula() {
        for (String prefix : DANGEROUS) {
            assertThat(FeatureCsv.text(prefix + "x")).isEqualTo("'" + prefix + "x");
        }
        assertThat(FeatureCsv.text("x=1")).isEqualTo("x=1");
        assertThat(FeatureCsv.text(" =1")).isEqualTo(" =1");
        assertThat(FeatureCsv.text(null)).isEmpty();
    }

    /** What the dashboard's Table hands out: the same writer, on the rows it shows. */
    private String tableDownload() {
        StringWriter out = new StringWriter();
        List<Feature> all = plans.features();
        Map<String, String> agents = new java.util.HashMap<>();
        plans.ijoka.sessions().list(plans.project.id()).forEach(s -> agents.put(s.id().value(), s.agent()));
        FeatureCsv.write(all, all, plans.dependencies(), agents, out);
        return out.toString();
    }

    private static List<Map<String, String>> read(String csv) {
        CsvMapper mapper = CsvMapper.builder().build();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }
}
