package dev.ijoka.web.internal.api;

import dev.ijoka.domain.Feature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The Table's CSV export (RFC 4180: quoted where needed, CRLF line ends). */
final class FeatureCsv {

    private FeatureCsv() {}

    static byte[] write(List<Feature> features, Map<String, String> agents) {
        StringBuilder out = new StringBuilder(64 * (features.size() + 1));
        out.append("number,description,category,kind,status,priority,steps_done,steps_total,block_reason,claimed_by,"
                + "created_at,updated_at,completed_at,id\r\n");
        for (Feature f : features) {
            String holder = f.claim() == null ? "" : agents.getOrDefault(f.claim().session().value(), f.claim().session().value());
            row(out, String.valueOf(f.number()), f.description(), f.category().wireName(), f.kind().wireName(),
                    f.status().wireName(), String.valueOf(f.priority()), String.valueOf(f.stepsDone()),
                    String.valueOf(f.steps().size()), f.blockReason() == null ? "" : f.blockReason(), holder,
                    f.createdAt().toString(), f.updatedAt().toString(),
                    f.completedAt() == null ? "" : f.completedAt().toString(), f.id().value());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /**
     * Quotes a cell when it needs it, and defuses text a spreadsheet would run as a formula
     * ({@code =}, {@code +}, {@code -}, {@code @} first): an agent wrote it, not the user.
     */
    static String cell(String v) {
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
