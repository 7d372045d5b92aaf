package dev.ijoka.swing.internal.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * Lines for the desktop benchmark (ijoka-benchmarks' {@code DesktopBenchmark}), written to standard error only
 * when {@code IJOKA_DESKTOP_TRACE} is set: that the Board was first painted with its data, and that a change
 * from the store was painted. The benchmark reads them as they come; nobody else sees them.
 */
public final class PaintTrace {

    /** Every line starts with this. */
    public static final String PREFIX = "ijoka-desktop-trace ";

    private static final boolean ON = System.getenv("IJOKA_DESKTOP_TRACE") != null;

    private PaintTrace() {}

    public static boolean on() {
        return ON;
    }

    /**
     * Writes {@code line} with the process's age in milliseconds (what start-up took, as the process sees it). From
     * the process's start time as the OS keeps it (10 ms steps on Linux), not from JMX's uptime: loading the
     * management classes would add to the very start-up the line measures.
     */
    public static void say(String line) {
        if (ON) {
            long age = ProcessHandle.current().info().startInstant()
                    .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(-1L);
            System.err.println(PREFIX + line + " uptime-ms=" + age);
            System.err.flush();
        }
    }
}
