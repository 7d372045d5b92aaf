package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/**
 * The native library's place in the data directory, and the memo that spares later runs the driver's platform
 * probe (a {@code uname -o} process on Linux). The driver's properties are the process's: each test starts without
 * them and leaves them as it found them.
 */
class SqliteNativeLibraryTest {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    @TempDir
    Path data;

    private static final String TEMP = SqliteNativeLibrary.TEMP_DIRECTORY;

    private String savedPath;
    private String savedName;
    private String savedTemp;

    @BeforeEach
    void clearTheDriversProperties() {
        savedPath = System.clearProperty(PATH);
        savedName = System.clearProperty(NAME);
        savedTemp = System.clearProperty(TEMP);
    }

    @AfterEach
    void restoreThem() {
        restore(PATH, savedPath);
        restore(NAME, savedName);
        restore(TEMP, savedTemp);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private Path jarDirectory() throws Exception {
        try (Stream<Path> dirs = Files.list(data.resolve("native"))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    @Test
    void theFirstRunExtractsTheDriversLibraryAndRemembersItsFolder() throws Exception {
        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);

        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        Path base = jarDirectory();
        String library = System.mapLibraryName("sqlitejdbc");
        assertThat(base.resolve(folder).resolve(library)).isRegularFile();
        assertThat(System.getProperty(PATH)).isEqualTo(base.resolve(folder).toString());
        assertThat(System.getProperty(NAME)).isEqualTo(library);
        assertThat(base.resolve(SqliteNativeLibrary.memoName())).hasContent(folder);
    }

    @Test
    void laterRunsTakeTheRememberedFolderWithoutAskingTheDriver() throws Exception {
        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);
        Path base = jarDirectory();
        String library = System.mapLibraryName("sqlitejdbc");
        // A folder the driver would never name: only the memo can lead there.
        Path elsewhere = Files.createDirectories(base.resolve("Remembered/arch"));
        Files.copy(base.resolve(OSInfo.getNativeLibFolderPathForCurrentOS()).resolve(library), elsewhere.resolve(library));
        Files.writeString(base.resolve(SqliteNativeLibrary.memoName()), "Remembered/arch\n");
        System.clearProperty(PATH);

        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);

        assertThat(System.getProperty(PATH)).isEqualTo(elsewhere.toString());
    }

    @Test
    void aMemoThatLeadsNowhereUsefulIsIgnoredAndRewritten() throws Exception {
        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);
        Path base = jarDirectory();
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        for (String memo : new String[] {"../../outside", "Empty/folder", ""}) {
            Files.createDirectories(base.resolve("Empty/folder"));
            Files.writeString(base.resolve(SqliteNativeLibrary.memoName()), memo);
            System.clearProperty(PATH);

            SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);

            assertThat(System.getProperty(PATH)).as(memo).isEqualTo(base.resolve(folder).toString());
            assertThat(base.resolve(SqliteNativeLibrary.memoName())).hasContent(folder);
        }
    }

    @Test
    void theDriversSweepForLeftCopiesListsTheLibrarysOwnDirectoryNotTheSystemTemporaryOne() throws Exception {
        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);

        Path base = jarDirectory();
        assertThat(System.getProperty(TEMP)).isEqualTo(base.toString());
        // What the driver sweeps (SQLiteJDBCLoader.cleanup: the files of that directory named sqlite-<version>...
        // without a .lck beside them) is nothing of ours: our library lives in a folder below, named by platform.
        try (Stream<Path> files = Files.list(base)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("sqlite-"));
        }
    }

    @Test
    void aTemporaryDirectoryTheUserChoseIsKept() throws Exception {
        Path chosen = Files.createDirectories(data.resolve("chosen-tmp"));
        System.setProperty(TEMP, chosen.toString());

        SqliteNativeLibrary.prepare("jdbc:sqlite:" + data.resolve("ijoka.db"), data);

        assertThat(System.getProperty(TEMP)).isEqualTo(chosen.toString());
    }

    @Test
    void otherStoresAreLeftAlone() {
        SqliteNativeLibrary.prepare("jdbc:postgresql://localhost/ijoka", data);

        assertThat(System.getProperty(PATH)).isNull();
        assertThat(System.getProperty(TEMP)).isNull();
        assertThat(data.resolve("native")).doesNotExist();
    }
}
