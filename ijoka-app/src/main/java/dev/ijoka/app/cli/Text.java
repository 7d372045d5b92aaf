package dev.ijoka.app.cli;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for compact human output: truncation, aligned tables, progress bars, relative times. */
final class Text {

    private Text() {}

    /** One line, at most {@code max} characters, ending in an ellipsis when cut. */
    static String clip(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (max < 2 || line.length() <= max) {
            return line;
        }
        return line.substring(0, max - 1).stripTrailing() + "…";
    }

    /** {@code [#####.....]} for a fraction, {@code width} characters inside the brackets. */
    static String bar(int done, int total, int width) {
        int filled = total == 0 ? 0 : (int) Math.round((double) width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String progress(Progress p) {
        return bar(p.complete(), p.total(), 20) + " " + p.complete() + "/" + p.total() + " complete (" + p.percentComplete()
                + "%) · " + p.inProgress() + " in progress · " + p.blocked() + " blocked · " + p.pending() + " pending";
    }

    /** "in 12 min", "3 min ago" — for leases and such. */
    static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        boolean future = !d.isNegative();
        long minutes = Math.abs(d.toMinutes());
        String amount = minutes < 1 ? "less than a minute" : minutes < 120 ? minutes + " min" : minutes / 60 + " h";
        return future ? "in " + amount : amount + " ago";
    }

    static String feature(Feature f, int width) {
        return f.ref() + "  " + clip(f.description(), width);
    }

    /** Columns aligned to their widest cell; the last column is clipped to fit {@code width}. */
    static final class Table {

        private final List<String[]> rows = new ArrayList<>();
        private final int columns;

        Table(String... header) {
            columns = header.length;
            rows.add(header);
        }

        Table row(Object... cells) {
            String[] r = new String[columns];
            for (int i = 0; i < columns; i++) {
                r[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
            }
            rows.add(r);
            return this;
        }

        int size() {
            return rows.size() - 1;
        }

        /** The lines without the header. */
        List<String> renderRows(int width) {
            List<String> all = render(width);
            return all.subList(1, all.size());
        }

        /** The lines, header first; a column that is empty in every row below the header takes no space. */
        List<String> render(int width) {
            boolean[] empty = new boolean[columns];
            for (int i = 0; i < columns - 1; i++) {
                final int c = i;
                empty[i] = rows.size() > 1 && rows.stream().skip(1).allMatch(r -> r[c].isEmpty());
            }
            int[] w = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < columns - 1; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            int used = 0;
            for (int i = 0; i < columns - 1; i++) {
                used += empty[i] ? 0 : w[i] + 2;
            }
            int last = Math.max(20, width - used);
            List<String> out = new ArrayList<>(rows.size());
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns - 1; i++) {
                    if (!empty[i]) {
                        line.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 2));
                    }
                }
                line.append(clip(r[columns - 1], last));
                out.add(line.toString().stripTrailing());
            }
            return out;
        }
    }
}
