package dev.ijoka.interchange;

import dev.ijoka.domain.Feature;
import java.util.List;
import java.util.Objects;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param read features found in the file
 * @param created features created (for a dry run: that would be)
 * @param matched features of the file that the project already had, left as they are
 * @param dependenciesAdded dependencies added (or changed kind)
 * @param dependenciesUnchanged dependencies of the file that the project already had
 * @param warnings things that were imported in a way worth knowing about (an unknown category...)
 * @param createdFeatures the new features (empty for a dry run)
 */
public record ImportResult(Format format, int read, int created, int matched, int dependenciesAdded,
        int dependenciesUnchanged, List<Problem> warnings, List<Feature> createdFeatures, boolean dryRun) {

    public ImportResult {
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
        createdFeatures = List.copyOf(createdFeatures);
    }

    /** True when the import changed (or would change) nothing: the file was imported before. */
    public boolean unchanged() {
        return created == 0 && dependenciesAdded == 0;
    }
}
