package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.DataDirectory;
import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.api.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreLocation} with the SQLite store found through {@code ServiceLoader}, as every face uses it. */
class SqliteStoreLocationTest {

    @TempDir
    Path dir;

    @Test
    void everySpellingOfOneFileIsOneLocation() {
        Path work = dir.resolve("work");
        String expected = "jdbc:sqlite:" + work.resolve("x.db");
        for (String url : new String[] {"jdbc:sqlite:x.db", "jdbc:sqlite:./x.db", "jdbc:sqlite:sub/../x.db",
                "jdbc:sqlite:" + work.resolve("x.db"), "jdbc:sqlite:file:" + work.resolve("x.db"),
                "jdbc:sqlite:file://" + work.resolve("x.db"), "  jdbc:sqlite:x.db  "}) {
            StoreLocation location = StoreLocation.of(url, work);
            assertThat(location.url()).as(url).isEqualTo(expected);
            assertThat(location.file()).as(url).isEqualTo(work.resolve("x.db"));
            assertThat(location.shared()).isTrue();
        }
    }

    @Test
    void aTildeIsTheHomeDirectoryAndOneRelativeSpellingInTwoDirectoriesIsTwoStores() {
        assertThat(StoreLocation.of("jdbc:sqlite:~/x.db", dir).file()).isEqualTo(Path.of(System.getProperty("user.home"), "x.db"));
        assertThat(StoreLocation.of("jdbc:sqlite:x.db", dir.resolve("a")).url())
                .isNotEqualTo(StoreLocation.of("jdbc:sqlite:x.db", dir.resolve("b")).url());
    }

    @Test
    void theRuleIsTheOptionThenIjokaDbThenTheDataDirectory() {
        Map<String, String> env = Map.of("IJOKA_HOME", dir.resolve("home").toString(), "IJOKA_DB", "jdbc:sqlite:env.db");
        assertThat(StoreLocation.choose("jdbc:sqlite:opt.db", env, dir).file()).isEqualTo(dir.resolve("opt.db"));
        assertThat(StoreLocation.choose(" ", env, dir).file()).isEqualTo(dir.resolve("env.db"));
        assertThat(StoreLocation.choose(null, Map.of("IJOKA_HOME", dir.resolve("home").toString()), dir).file())
                .isEqualTo(dir.resolve("home").resolve(DataDirectory.DATABASE_FILE));
    }

    @Test
    void memoryIsNotSharedAndUnusableUrlsSayWhy() {
        assertThat(StoreLocation.of("memory:", dir)).isEqualTo(new StoreLocation("memory:", null, false));
        assertThatThrownBy(() -> StoreLocation.of("jdbc:sqlite::memory:", dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("memory:");
        assertThatThrownBy(() -> StoreLocation.of("jdbc:nosuch:x", dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("no store on the class path handles jdbc:nosuch:x (found: ");
    }

    @Test
    void theStoreOpenedIsTheFileLocated() {
        StoreLocation location = StoreLocation.of("jdbc:sqlite:sub/../db/x.db", dir);
        try (Ijoka ijoka = Ijoka.builder().store(location.url()).build()) {
            assertThat(ijoka.storeDescription()).isEqualTo("SQLite database " + dir.resolve("db/x.db"));
        }
        assertThat(Files.isRegularFile(dir.resolve("db/x.db"))).isTrue();
    }
}
