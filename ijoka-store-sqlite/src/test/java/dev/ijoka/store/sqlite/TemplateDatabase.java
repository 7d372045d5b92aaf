package dev.ijoka.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A freshly migrated, empty database made once per test JVM and copied for each test that needs a
 * new store: suites that open hundreds of stores then pay for Flyway once, not each time.
 */
final class TemplateDatabase {

    private static Path template;

    private TemplateDatabase() {}

    /** A new, empty, migrated database file at {@code target}; returns its {@code jdbc:sqlite:} URL. */
    static synchronized String copyTo(Path target) {
        try {
            if (template == null) {
                Path dir = Files.createTempDirectory("ijoka-template");
                Path file = dir.resolve("template.db");
                SqliteStore.open(file).close();
                template = file;
                dir.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(template, target, StandardCopyOption.REPLACE_EXISTING);
            return "jdbc:sqlite:" + target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
