package dev.ijoka.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps sqlite-jdbc's native library in the data directory. Left alone, the driver copies the library
 * out of its jar into a new temporary file in every process, which costs a short command a tenth of
 * a second; extracted once, it is loaded from where it is ({@code org.sqlite.lib.path}). Anything
 * unexpected (no sqlite-jdbc, an unknown platform, an unwritable directory) leaves the driver to do
 * as it always does.
 */
final class SqliteNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    private SqliteNativeLibrary() {}

    /** For a {@code jdbc:sqlite:} URL, points the driver at a copy of its library in {@code dataDirectory/native}. */
    static void prepare(String url, Path dataDirectory) {
        if (!url.startsWith("jdbc:sqlite:") || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            // The driver's own answer to "which of my libraries fits this machine" (it tells glibc from musl).
            Class<?> osInfo = Class.forName("org.sqlite.util.OSInfo");
            String folder = (String) osInfo.getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
            String name = System.mapLibraryName("sqlitejdbc");
            URL source = osInfo.getResource("/org/sqlite/native/" + folder + "/" + name);
            CodeSource jar = osInfo.getProtectionDomain().getCodeSource();
            if (source == null || jar == null) {
                return;
            }
            String jarName = Path.of(jar.getLocation().toURI()).getFileName().toString().replaceFirst("\\.jar$", "");
            Path directory = dataDirectory.resolve("native").resolve(jarName).resolve(folder);
            Path library = directory.resolve(name);
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(directory);
                Path temp = Files.createTempFile(directory, name, ".tmp");
                try (InputStream in = source.openStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    // Whole or not at all: another process may be loading it this very moment.
                    Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            System.setProperty("org.sqlite.lib.path", directory.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (ReflectiveOperationException | IOException | RuntimeException | java.net.URISyntaxException e) {
            log.debug("sqlite-jdbc extracts its native library itself: {}", e.toString());
        }
    }
}
