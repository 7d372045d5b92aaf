package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.StoreException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.Store;
import dev.ijoka.store.jooq.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Migrations on PostgreSQL: once for many stores opening together, and never onto a newer schema. */
class PostgresMigrationTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void storesOpeningANewDatabaseTogetherMigrateItOnce() throws Exception {
        String url = PostgresTestServer.emptyDatabase();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Store>> opening = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return PostgresStore.open(url);
            }));
        }
        go.countDown();
        for (CompletableFuture<Store> f : opening) {
            Store store = f.get(50, TimeUnit.SECONDS);
            assertThat(store.health().condition()).isEqualTo(StoreHealth.Condition.OK);
            store.close();
        }

        assertThat(query(url, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .as("each migration applied once").isEqualTo(Migrations.POSTGRES_LATEST);
    }

    @Test
    void aDatabaseNewerThanTheProgramIsRefusedWithoutWritingToIt() throws Exception {
        String url = PostgresTestServer.migratedDatabase();
        markNewer(url);
        long rows = query(url, "SELECT count(*) FROM flyway_schema_history");

        assertThatThrownBy(() -> PostgresStore.open(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version " + (Migrations.POSTGRES_LATEST + 1))
                .hasMessageContaining("newer than this Ijoka knows")
                .hasMessageContaining("Upgrade Ijoka");
        assertThat(query(url, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(rows);
    }

    @Test
    void aSchemaMigratedByANewerProgramUnderAnOpenStoreIsReported() throws Exception {
        String url = PostgresTestServer.migratedDatabase();
        try (Store store = PostgresStore.open(url)) {
            markNewer(url);

            StoreHealth h = store.health();

            assertThat(h.condition()).isEqualTo(StoreHealth.Condition.NEWER_SCHEMA);
            assertThat(h.schemaVersion()).isEqualTo(Migrations.POSTGRES_LATEST + 1);
        }
    }

    private static void markNewer(String url) throws Exception {
        int next = Migrations.POSTGRES_LATEST + 1;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (" + (next + 10) + ", '" + next
                    + "', 'from the future', 'SQL', 'V" + next + "__future.sql', 0, 'test', 0, true)");
        }
    }

    static long query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
