package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.StoreLocation;
import dev.ijoka.api.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The canonical URL: one spelling per database, never a password, found through the one road. */
class PostgresUrlTest {

    private static final Path HERE = Path.of("/tmp");

    @Test
    void spellingsOfOneDatabaseLocateToOneUrl() {
        StoreLocation a = StoreLocation.of("jdbc:postgresql://DB.Example.com/ijoka?user=ana&sslmode=require", HERE);
        StoreLocation b = StoreLocation.of("jdbc:postgresql://db.example.com:5432/ijoka?sslmode=require&user=ana", HERE);

        assertThat(a.url()).isEqualTo(b.url())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/ijoka?sslmode=require&user=ana");
        assertThat(a.file()).isNull();
        assertThat(a.shared()).isTrue();
    }

    @Test
    void theCanonicalUrlNeverCarriesAPassword() {
        StoreLocation l = StoreLocation.of("jdbc:postgresql://db:6543/plan?password=hunter2-secret&user=ana&sslpassword=k3y", HERE);

        assertThat(l.url()).isEqualTo("jdbc:postgresql://db:6543/plan?user=ana").doesNotContain("hunter2-secret", "k3y");
        assertThat(PostgresUrl.parse(l.url()).describe()).isEqualTo("the PostgreSQL database plan at db:6543");
    }

    @Test
    void aUrlWithoutADatabaseIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> StoreLocation.of("jdbc:postgresql://db/?password=hunter2-secret", HERE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://host:5432/ijoka")
                .hasMessageNotContaining("hunter2-secret");
    }
}
