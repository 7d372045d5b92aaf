package dev.ijoka.app.cli;

import dev.ijoka.app.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code ijoka --version}: the build's version and the Java running it. */
public final class VersionProvider implements IVersionProvider {

    /** The project version the jar was built from. */
    public static String version() {
        return BuildVersion.read();
    }

    @Override
    public String[] getVersion() {
        return BuildVersion.lines();
    }
}
