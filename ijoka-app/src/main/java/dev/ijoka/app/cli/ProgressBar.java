package dev.ijoka.app.cli;

import dev.ijoka.interchange.ImportProgress;
import java.io.PrintStream;

/**
 * A one-line progress bar on stderr for long imports and copies, redrawn in place with a carriage return at
 * most ten times a second. Only drawn on a terminal; {@link #finish()} clears the line.
 */
final class ProgressBar implements ImportProgress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(Stage stage, long done, long total) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String label = switch (stage) {
            case READING -> "reading ";
            case CHECKING -> "checking";
            case WRITING -> "writing ";
        };
        String counts = stage == Stage.WRITING ? "  " + done + "/" + total : "";
        draw(label, done, total, counts);
    }

    /** Rows of one table copied so far ({@code ijoka db copy}). */
    void rows(String table, long done, long total) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        draw(String.format("%-14s", table), done, total, "  " + done + "/" + total);
    }

    private void draw(String label, long done, long total, String counts) {
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        err.print("\r" + label + " " + Text.bar((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE), 30)
                + " " + String.format("%3d%%", percent) + counts + "   ");
        err.flush();
    }

    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
