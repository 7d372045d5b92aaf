package dev.ijoka.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps sqlite-jdbc's native library in the data directory. Left alone, the driver copies the library
 * out of its jar into a new temporary file in every process, which costs a short command a tenth of
 * a second; extracted once, it is loaded from where it is ({@code org.sqlite.lib.path}). Anything
 * unexpected (no sqlite-jdbc, an unknown platform, an unwritable directory) leaves the driver to do
 * as it always does.
 *
 * <p>Which of the driver's libraries fits this machine is the driver's own answer ({@code OSInfo}), which on
 * Linux starts a process ({@code uname -o}, to tell Android's Termux apart): a fork and an exec on every
 * command, hook and MCP start. So the answer is written down beside the library, per operating system and
 * architecture as the JVM names them, and read back on later runs.
 *
 * <p>Before it loads the library, the driver also sweeps its temporary directory for copies that other processes
 * extracted and left ({@code SQLiteJDBCLoader.cleanup}): it lists the whole directory, {@code java.io.tmpdir} unless
 * {@code org.sqlite.tmpdir} says otherwise. On a machine whose {@code /tmp} holds thousands of files that listing was
 * ~40 ms of every store opening (docs/benchmarks.md, "Cold commands at 10,000 features"); pointed at the library's
 * own directory, which holds only what this class puts there, it lists a handful.
 */
final class SqliteNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    /** Where the driver sweeps for (and would extract) copies of its library: see the class comment. */
    static final String TEMP_DIRECTORY = "org.sqlite.tmpdir";

    private SqliteNativeLibrary() {}

    /**
     * {@link #prepare} as the MCP server calls it, with the store's URL: one call site for {@code ijoka mcp} and its
     * start-up cache's training, so that the cache holds the lambda (spun at run time, it cost the way to the answer of
     * {@code initialize} ~7 ms).
     */
    static Consumer<String> preparer(Path dataDirectory) {
        return url -> prepare(url, dataDirectory);
    }

    /** For a {@code jdbc:sqlite:} URL, points the driver at a copy of its library in {@code dataDirectory/native}. */
    static void prepare(String url, Path dataDirectory) {
        if (!url.startsWith("jdbc:sqlite:") || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            // Not initialised: its static state is not needed to find its jar.
            Class<?> osInfo = Class.forName("org.sqlite.util.OSInfo", false, SqliteNativeLibrary.class.getClassLoader());
            CodeSource jar = osInfo.getProtectionDomain().getCodeSource();
            if (jar == null) {
                return;
            }
            String jarName = Path.of(jar.getLocation().toURI()).getFileName().toString().replaceFirst("\\.jar$", "");
            Path base = dataDirectory.resolve("native").resolve(jarName);
            String name = System.mapLibraryName("sqlitejdbc");
            Path memo = base.resolve(memoName());
            String folder = remembered(memo, base, name);
            if (folder == null) {
                // The driver's own answer to "which of my libraries fits this machine" (it tells glibc from musl).
                folder = (String) osInfo.getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
                URL source = osInfo.getResource("/org/sqlite/native/" + folder + "/" + name);
                if (source == null) {
                    return;
                }
                Path library = base.resolve(folder).resolve(name);
                if (!Files.isRegularFile(library)) {
                    extract(source, library.getParent(), name);
                }
                writeAtomically(memo, folder);
            }
            System.setProperty("org.sqlite.lib.path", base.resolve(folder).toString());
            System.setProperty("org.sqlite.lib.name", name);
            if (System.getProperty(TEMP_DIRECTORY) == null) {
                System.setProperty(TEMP_DIRECTORY, base.toString());
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException | java.net.URISyntaxException e) {
            log.debug("sqlite-jdbc extracts its native library itself: {}", e.toString());
        }
    }

    /** The memo's file name: one per operating system and architecture, as a data directory may be shared by machines. */
    static String memoName() {
        // A StringBuilder, not +: the JDK binds a string concatenation at its first run (~5 ms here, on the way to a
        // direct hook's store), and no start-up cache keeps this one.
        String key = new StringBuilder().append(System.getProperty("os.name", "")).append('-')
                .append(System.getProperty("os.arch", "")).toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return new StringBuilder("folder-").append(key).append(".txt").toString();
    }

    /** The folder the memo names, if it is a folder under {@code base} that holds the library; else null. */
    private static @Nullable String remembered(Path memo, Path base, String name) {
        if (!Files.isRegularFile(memo)) {
            return null;
        }
        try {
            String folder = Files.readString(memo, StandardCharsets.UTF_8).strip();
            Path library = base.resolve(folder).normalize().resolve(name);
            return !folder.isEmpty() && library.startsWith(base) && Files.isRegularFile(library) ? folder : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or nonsense: ask the driver again
        }
    }

    private static void extract(URL source, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, name, ".tmp");
        try (InputStream in = source.openStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            // Whole or not at all: another process may be loading it this very moment.
            Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
