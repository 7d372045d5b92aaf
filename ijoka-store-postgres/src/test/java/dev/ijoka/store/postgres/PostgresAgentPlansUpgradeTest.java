package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.store.jooq.Migrations;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 4 on PostgreSQL: a database at version 3 (migrated that far by Flyway, as the version 3
 * program left it) upgrades to 4 when a store opens it, starts with no agent todo lists, and then keeps
 * the lists its sessions write. (SQLite's {@code AgentPlansUpgradeIT} upgrades a version 3 database full of data.)
 */
class PostgresAgentPlansUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aVersion3DatabaseUpgradesAndKeepsAgentsTodoListsAfterwards() throws Exception {
        String url = PostgresTestServer.emptyDatabase();
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(url, null, null)
                .locations(Migrations.POSTGRES_LOCATION).target("3").load().migrate();
        assertThat(version(url)).isEqualTo("3");
        assertThat(count(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'agent_plans'")).isZero();

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            assertThat(version(url)).isEqualTo(String.valueOf(Migrations.POSTGRES_LATEST));
            Project p = ijoka.projects().open(dir);
            assertThat(ijoka.sessions().todoLists(p.id())).isEmpty();
            Feature f = ijoka.features().create(p.id(), NewFeature.of("After the upgrade", Category.FUNCTIONAL));
            SessionId s = ijoka.sessions().start(p.id(), SessionId.of("s1"), "claude-code").id();
            ijoka.features().start(f.id(), s);
            AgentPlan plan = ijoka.sessions().changeTodos(s, new TodoChange.Replace(List.of(
                    new TodoChange.Item("Run the migration tests", "Running the migration tests", TodoStatus.IN_PROGRESS),
                    new TodoChange.Item("Update the docs", null, TodoStatus.PENDING))));
            assertThat(ijoka.sessions().featureTodos(f.id())).contains(plan);
            assertThat(plan.line()).isEqualTo("0/2 · now: Running the migration tests");
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        assertThat(count(url, "SELECT count(*) FROM agent_plans")).isEqualTo(1);
    }

    private static String version(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
            r.next();
            return String.valueOf(r.getInt(1));
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
