package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The transactions the store's reads and writes run in, seen from the server (docs/postgres.md, "What is
 * guaranteed"): now that the isolation level and read-only mode are set once per pooled connection and
 * reads of one query run without a transaction, these hold what each kind of work relies on.
 */
class PostgresTransactionsTest {

    @Test
    void readsAreOneReadOnlySnapshotAndWritesReadCommitted() {
        try (PostgresConnections connections = PostgresStore.connections(PostgresTestServer.migratedDatabase())) {
            for (int i = 0; i < 5; i++) { // every connection of the read pool, and again after a write
                assertThat(connections.read(PostgresTransactionsTest::transaction))
                        .containsExactly("repeatable read", "on");
                assertThat(connections.write(PostgresTransactionsTest::transaction))
                        .containsExactly("read committed", "off");
            }
            assertThat(connections.readOne(PostgresTransactionsTest::autoCommit)).isTrue();
            // The connection readOne used goes back to the pool in manual commit: the next read is a transaction.
            assertThat(connections.read(PostgresTransactionsTest::autoCommit)).isFalse();
        }
    }

    @Test
    void aReadOfOneQuerySeesWhatIsCommittedAndRefusesASecondQuery() {
        try (Store store = PostgresStore.open(PostgresTestServer.migratedDatabase())) {
            long before = store.readOne(StoreReader::lastSequence);
            Project project = new Project(ProjectId.of("01J0000000000000000000TXN1"), "shop", "/src/shop",
                    Instant.parse("2026-12-06T20:00:00Z"));
            store.write(tx -> {
                tx.insertProject(project);
                return null;
            });
            Optional<Project> read = store.readOne(r -> r.project(project.id()));
            assertThat(read).contains(project);
            long after = store.readOne(StoreReader::lastSequence);
            assertThat(after).isEqualTo(before);

            assertThatThrownBy(() -> store.readOne(r -> List.of(r.lastSequence(), r.projects())))
                    .hasMessageContaining("readOne runs one query");
            // The refused read left nothing behind: the store answers as before.
            assertThat(store.read(StoreReader::projects)).containsExactly(project);
        }
    }

    private static List<String> transaction(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('transaction_isolation'),"
                        + " current_setting('transaction_read_only'), now() = statement_timestamp()")) {
            r.next();
            // now() is the transaction's start; inside a transaction begun before this statement, it is earlier.
            return List.of(r.getString(1), r.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
