package dev.ijoka.interchange;

import org.jspecify.annotations.Nullable;

/**
 * How to import a file.
 *
 * @param format the file's format, or null to tell it from the file's name and content
 * @param tag for a tagged Task Master file, which tag to import (default: {@code master}, or the only one)
 * @param dryRun check and plan the import, report what it would do, and change nothing
 * @param maxBytes refuse larger files
 */
public record ImportOptions(@Nullable Format format, @Nullable String tag, boolean dryRun, long maxBytes) {

    /** 64 MiB: about a hundred times the largest plan anyone writes by hand. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** At most this many features in one file. */
    public static final int MAX_ITEMS = 100_000;

    public ImportOptions {
        if (format != null && !format.canImport()) {
            throw new IllegalArgumentException(format.cliName() + " files can be exported but not imported: "
                    + "import feature-list, task-master, beads or json");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, false, DEFAULT_MAX_BYTES);
    }

    public ImportOptions withFormat(@Nullable Format value) {
        return new ImportOptions(value, tag, dryRun, maxBytes);
    }

    public ImportOptions withTag(@Nullable String value) {
        return new ImportOptions(format, value, dryRun, maxBytes);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(format, tag, value, maxBytes);
    }

    public ImportOptions withMaxBytes(long value) {
        return new ImportOptions(format, tag, dryRun, value);
    }
}
