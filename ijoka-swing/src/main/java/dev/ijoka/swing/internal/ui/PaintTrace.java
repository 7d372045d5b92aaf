package dev.ijoka.swing.internal.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Writes {@code line} with the process's age in milliseconds (what start-up took, as the process sees it, the
     * launcher script included). Not from JMX's uptime: loading the management classes would add to the very
     * start-up the line measures.
     */
    public static void say(String line) {
        if (ON) {
            System.err.println(PREFIX + line + " uptime-ms=" + ageMillis());
            System.err.flush();
        }
    }

    /**
     * On Linux from {@code /proc}: the system's uptime less the process's start (both counted from boot, so no
     * rounding of the boot time comes in); elsewhere from the process's start instant; -1 when neither is known.
     */
    private static long ageMillis() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // starttime, field 22, in clock ticks (USER_HZ 100)
            double up = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round(up * 1000) - startTicks * 10;
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(-1L);
        }
    }
}
