package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqliteFileTest {

    @Test
    void anAbsolutePathIsTakenAsItIs() {
        assertThat(SqliteFile.parse("jdbc:sqlite:/data/ijoka/ijoka.db").path()).isEqualTo(Path.of("/data/ijoka/ijoka.db"));
        assertThat(SqliteFile.parse("jdbc:sqlite:file:/data/x.db").path()).isEqualTo(Path.of("/data/x.db"));
        assertThat(SqliteFile.parse("jdbc:sqlite:file:///data/x.db").path()).isEqualTo(Path.of("/data/x.db"));
    }

    @Test
    void relativePathsAndTheHomeDirectoryAreResolved() {
        assertThat(SqliteFile.parse("jdbc:sqlite:rel/x.db").path()).isEqualTo(Path.of("rel/x.db").toAbsolutePath());
        assertThat(SqliteFile.parse("jdbc:sqlite:~/x.db").path()).isEqualTo(Path.of(System.getProperty("user.home"), "x.db"));
    }

    @Test
    void theDriverAlwaysGetsTheAbsolutePathAndMessagesNameIt() {
        SqliteFile file = SqliteFile.parse("jdbc:sqlite:a/../b.db");
        assertThat(file.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("b.db").toAbsolutePath());
        assertThat(file.describe()).isEqualTo("SQLite database " + Path.of("b.db").toAbsolutePath());
    }

    @Test
    void inMemoryDatabasesAreRefusedWithWhatToUseInstead() {
        for (String url : new String[] {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared"}) {
            assertThatThrownBy(() -> SqliteFile.parse(url)).as(url).isInstanceOf(StoreException.class).hasMessageContaining("memory:");
        }
    }

    @Test
    void parametersAreRefusedBecauseTheStoreSetsItsOwn() {
        assertThatThrownBy(() -> SqliteFile.parse("jdbc:sqlite:/x.db?journal_mode=DELETE"))
                .isInstanceOf(StoreException.class).hasMessageContaining("without parameters");
    }

    @Test
    void theProviderTakesSqliteUrlsOnly() {
        SqliteStoreProvider provider = new SqliteStoreProvider();
        assertThat(provider.supports("jdbc:sqlite:/x.db")).isTrue();
        assertThat(provider.supports("jdbc:postgresql://localhost/ijoka")).isFalse();
        assertThat(provider.supports("memory:")).isFalse();
        assertThat(provider.name()).isEqualTo("sqlite");
    }
}
