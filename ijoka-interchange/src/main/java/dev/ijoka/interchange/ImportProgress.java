package dev.ijoka.interchange;

/**
 * Told how an import is getting on, so that a front end can draw a progress bar. Called on the
 * importing thread; keep it quick.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Where the import is. */
    enum Stage {
        /** Reading and parsing the file; {@code done} and {@code total} count bytes. */
        READING,
        /** Matching against the project and checking the graph; 0 or 1 of 1. */
        CHECKING,
        /** Writing features and dependencies; counts both. */
        WRITING
    }

    ImportProgress NONE = (stage, done, total) -> { };

    void update(Stage stage, long done, long total);
}
