package dev.ijoka.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version this jar was built from, as {@code ijoka --version} prints it. Apart from the command
 * line's version provider so that {@code ijoka mcp}, which reports it in its {@code initialize} answer, does not
 * load picocli for it.
 */
public final class BuildVersion {

    private BuildVersion() {}

    /** What {@code ijoka --version} prints, a line each: the build's version, and the Java that runs it. */
    public static String[] lines() {
        return new String[] {"ijoka " + read(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") at " + System.getProperty("java.home")};
    }

    /** The version, or {@code unknown} when the jar carries none. */
    public static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/ijoka/app/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
