package dev.ijoka.app.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The feature a state-machine command acts on, and the version it must be at: shared by start, complete, block, unblock and reopen. */
final class FeatureTarget {

    @Parameters(index = "0", paramLabel = "FEATURE", description = "#12, 12 or a feature id.")
    String feature = "";

    @Option(names = "--expected-version", paramLabel = "N", description = "Refuse unless the feature is at this version.")
    @Nullable Long expectedVersion;
}
