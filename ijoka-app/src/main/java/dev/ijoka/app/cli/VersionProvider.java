package dev.ijoka.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ijoka --version}: the build's version and the Java running it. */
public final class VersionProvider implements IVersionProvider {

    /** The project version the jar was built from. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/ijoka/app/version.properties")) {
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

    @Override
    public String[] getVersion() {
        return new String[] {"ijoka " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") at " + System.getProperty("java.home")};
    }
}
