package dev.ijoka.mcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads newline-delimited messages from a stream with a bound on each line, so one huge or endless
 * line cannot exhaust the heap: past the bound the rest of the line is skipped, and only its start is
 * kept (to find the request's id and answer it). Not thread-safe: one reader thread.
 */
final class LineReader {

    /** How much of an oversized line is kept. */
    static final int PREFIX = 512;

    /** One line: its text, or for an oversized line only its start and its length. */
    record Line(@Nullable String text, String prefix, long length) {
        boolean oversized() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private byte[] line = new byte[4 * 1024];
    private int len;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.max = maxLineBytes;
    }

    /** The next line without its line terminator, or {@code null} at the end of the stream. */
    @Nullable Line next() throws IOException {
        len = 0;
        long total = 0;
        boolean over = false;
        while (true) {
            if (pos == end) {
                if (eof) {
                    break;
                }
                int n = in.read(buf);
                if (n < 0) {
                    eof = true;
                    break;
                }
                pos = 0;
                end = n;
                continue;
            }
            int newline = indexOfNewline(pos, end);
            int stop = newline < 0 ? end : newline;
            int chunk = stop - pos;
            total += chunk;
            if (!over && len + chunk > max) {
                over = true;
                append(pos, Math.max(0, Math.min(chunk, PREFIX - len)));
            } else if (!over) {
                append(pos, chunk);
            }
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return make(total, over);
            }
        }
        return total == 0 ? null : make(total, over);
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int count) {
        if (count <= 0) {
            return;
        }
        if (len + count > line.length) {
            line = Arrays.copyOf(line, Math.max(len + count, Math.min(max, line.length * 2)));
        }
        System.arraycopy(buf, from, line, len, count);
        len += count;
    }

    private Line make(long total, boolean over) {
        int n = len;
        if (!over && n > 0 && line[n - 1] == '\r') {
            n--;
        }
        String prefix = new String(line, 0, Math.min(n, PREFIX), StandardCharsets.UTF_8);
        return new Line(over ? null : new String(line, 0, n, StandardCharsets.UTF_8), prefix, total);
    }
}
