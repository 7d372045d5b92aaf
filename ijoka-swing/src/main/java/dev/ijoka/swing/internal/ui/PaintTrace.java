package dev.ijoka.swing.internal.ui;

import java.lang.management.ManagementFactory;

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

    /** Writes {@code line} with the JVM's uptime in milliseconds (what start-up took, as the process sees it). */
    public static void say(String line) {
        if (ON) {
            System.err.println(PREFIX + line + " uptime-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
            System.err.flush();
        }
    }
}
